// What a pointer may stand for: the conversation read as candidate phrases, each with the
// category it names, and the searches over them (the most specific phrase of a category, a
// phrase with the same head noun, the topic of a question, the thing an answer gave).
import { relatedTerms } from '../../text/related-words.js';
import type { ChatTurn } from '../../domain/types.js';
import { isRefusalText } from '../../answer/refusal.js';
import {
  COPULAS,
  HEAD_CATEGORIES,
  LOCATIVES,
  NAMED_HEADS,
  REGIONS,
  SETTING_PARTICLES,
  TITLES,
  TITLES_BEFORE_NAMES,
  type Category,
} from './korean-tables.js';
import { nounPhrases, type Phrase } from './noun-phrases.js';
import { categoryOfWord, endsWithAny, isNameWithSsi, isPersonName, stripMarkers } from './words.js';

export interface Context {
  /** The last user question, made standalone. */
  question: string;
  /** The assistant's answers after that question, citation markers stripped. */
  answers: string[];
  /** Texts to search for referents, most relevant first: that question, the answers after it, older turns. */
  sources: string[];
  /** Texts outside the conversation, searched when it names nothing that fits (see rewriteFollowUp). */
  background: string[];
}

/** Older turns searched for referents, before the last question. */
const OLDER_TURNS = 4;

/** The context of the user turn at `last`, whose standalone form is `question`. */
export function contextOf(history: ChatTurn[], last: number, question: string, background: readonly string[]): Context {
  const answers = history
    .slice(last + 1)
    .filter((turn) => turn.role === 'assistant' && !isRefusalText(turn.content))
    .map((turn) => stripMarkers(turn.content));
  const older = history
    .slice(Math.max(0, last - OLDER_TURNS), last)
    .reverse()
    .filter((turn) => !isRefusalText(turn.content))
    .map((turn) => stripMarkers(turn.content));
  return { question, answers, sources: [question, ...answers, ...older], background: background.map(stripMarkers) };
}

interface Candidate {
  text: string;
  words: string[];
  category: Category | undefined;
  /** More than a bare head noun: a name, a modifier or a compound (APEC CEO 서밋, 봄꽃축제). */
  specific: boolean;
}

const LATIN_NAME = /^[A-Z][a-z]+$/;
const isNamed = (word: string) => isPersonName(word) || LATIN_NAME.test(word);

/** "공격수 하파엘 모타": a title that stands before names, then two short Hangul words. */
function foreignNameAfterTitle(words: string[]): boolean {
  const title = words.at(-3);
  return (
    title !== undefined &&
    TITLES_BEFORE_NAMES.has(title) &&
    words.slice(-2).every((word) => /^[가-힣]{1,5}$/.test(word) && !categoryOfWord(word))
  );
}

/** The category of a whole phrase whose last word names none by its ending. */
function categoryOfWhole(words: string[], last: string): Category | undefined {
  if (words.every((word) => REGIONS.has(word))) return 'place';
  // A title before a name: 주장 강민호, 감독 유병철.
  const before = words.at(-2);
  if (before !== undefined && isPersonName(last) && (TITLES_BEFORE_NAMES.has(before) || endsWithAny(before, TITLES))) return 'person';
  // A foreign name in Hangul, given and family name, after a title before names: 공격수 하파엘 모타.
  if (foreignNameAfterTitle(words)) return 'person';
  // Two capitalised Latin words are a person's name (Richard Stallman).
  if (words.length >= 2 && words.every((word) => LATIN_NAME.test(word))) return 'person';
  if (/[A-Za-z]/.test(words.join(''))) return 'thing';
  return undefined;
}

/** Candidates a pronoun may stand for: every phrase and each of its prefixes that ends in a category word. */
function candidatesOf(phrases: Phrase[]): Candidate[] {
  const out: Candidate[] = [];
  for (const phrase of phrases) {
    for (let end = phrase.words.length; end >= 1; end--) {
      const whole = end === phrase.words.length;
      const words = phrase.words.slice(0, end);
      const last = words.at(-1) ?? '';
      let category = whole && phrase.quoted ? (categoryOfWord(last) ?? 'thing') : categoryOfWord(last);
      if (!category && !whole) continue;
      category ??= categoryOfWhole(words, last);
      let specific = words.length >= 2 || (category !== undefined && !HEAD_CATEGORIES.has(last) && !TITLES.includes(last));
      // A person is specific only with a name: 이홍락 원장, not 원장.
      if (category === 'person')
        specific = isNameWithSsi(last) || (words.length >= 2 && ([words[0] ?? '', last].some(isNamed) || foreignNameAfterTitle(words)));
      // A modifier of a larger phrase (가온시 in "가온시 과학축전") is not what the phrase is about.
      if (!whole && category !== 'person') specific = false;
      // Where something happened ("…에서") is a place, if nothing more specific is said.
      if (!category && whole && LOCATIVES.has(phrase.particle)) {
        category = 'place';
        specific = false;
      }
      // "김모(72)씨" is searched as 김모: passages write the 씨 apart from the name, after the age.
      out.push({ text: isNameWithSsi(last) ? words.join(' ').slice(0, -1) : words.join(' '), words, category, specific });
      if (category) break;
    }
  }
  return out;
}

/** The most specific phrase of a category: the preferred ends first (a title, a company), then specific ones, each in source order. */
export function findCategory(sources: string[], category: Category, prefer: readonly string[] = []): Candidate | undefined {
  const phrases = sources.map((source) => nounPhrases(source));
  const flat = phrases.flatMap((phrasesOfSource) => candidatesOf(phrasesOfSource).filter((candidate) => candidate.category === category));
  const preferred = flat.find((candidate) => candidate.specific && endsWithAny(candidate.words.at(-1) ?? '', prefer));
  return (
    preferred ??
    (category === 'org' && prefer.length > 0 ? nameWithin(phrases.flat(), prefer) : undefined) ??
    flat.find((candidate) => candidate.specific) ??
    flat[0]
  );
}

/** A preferred name that modifies a larger phrase: 그 회사 after "대명케미칼 공장 2층 배합실에서" is 대명케미칼. */
function nameWithin(phrases: Phrase[], prefer: readonly string[]): Candidate | undefined {
  for (const phrase of phrases) {
    const end = phrase.words.findIndex((word) => prefer.some((suffix) => word.length > suffix.length && word.endsWith(suffix)));
    if (end >= 0) {
      const words = phrase.words.slice(0, end + 1);
      return { text: words.join(' '), words, category: categoryOfWord(words.at(-1)!), specific: true };
    }
  }
  return undefined;
}

/** The words a phrase may end in to be what "그 <head>" points at: "그 집들" after "임시 조립주택 36동을
 *  지어주기로" is the houses; the plural is its noun, and a related word (주택 ~ 집) heads the same thing. */
export function headWords(head: string): string[] {
  const single = head.length > 1 && head.endsWith('들') ? head.slice(0, -1) : head;
  return [single, ...relatedTerms(single).filter((word) => !word.includes(' '))];
}

/**
 * A phrase that ends with the same head noun and says more (그 프로젝트 → K-AI 프로젝트); a quoted
 * name beats an unquoted phrase, then longer beats shorter, then the earlier source.
 */
export function findSameHead(sources: string[], head: string): Candidate | undefined {
  let best: { candidate: Candidate; score: number } | undefined;
  const heads = headWords(head);
  for (const source of sources) {
    const phrases = nounPhrases(source);
    for (const [i, phrase] of phrases.entries()) {
      // "AI 칩 '뉴로코어 2'가": a quoted name right after the head noun is what the noun names.
      const next = phrases[i + 1];
      const apposed = !phrase.particle && next?.quoted ? next : undefined;
      for (let end = phrase.words.length; end >= 1; end--) {
        const words = phrase.words.slice(0, end);
        const last = words.at(-1) ?? '';
        const own = heads.find((word) => last.endsWith(word));
        if (own === undefined || (words.length === 1 && last.length === own.length && !apposed)) continue;
        const whole = end === phrase.words.length;
        const named = whole && apposed ? [...apposed.words, own] : words;
        const score = whole && apposed ? 10 + apposed.words.length : (phrase.quoted && whole ? 10 : 0) + Math.min(words.length, 5);
        if (!best || score > best.score)
          best = { candidate: { text: named.join(' '), words: named, category: undefined, specific: true }, score };
        break;
      }
    }
  }
  return best?.candidate;
}

/** The noun the question asks about, right before its question word (… 목표는 뭐야? → 목표); asked how
 *  ("분수는 어떻게 써?"), none: the noun is the thing handled, not an attribute of what comes before it. */
export function attributeOf(question: string): Phrase | undefined {
  const phrases = nounPhrases(question);
  const last = phrases.at(-1);
  const asked = last !== undefined && phrases.length >= 2 && ['은', '는', '이', '가'].includes(last.particle);
  return asked && !/어떻게|어떡/.test(question) ? last : undefined;
}

/**
 * What a question is about: its first noun phrase, with the phrases it links by 의 up to the
 * attribute asked (서가의 꿈 전시 언제 끝나? → 서가의 꿈 전시; LG AI연구원의 원장은 누구야? → LG AI연구원).
 */
export function topicOf(question: string): string | undefined {
  const phrases = nounPhrases(question);
  const attribute = attributeOf(question) ? phrases.length - 1 : -1;
  const [first, second] = phrases;
  if (!first) return undefined;
  let text = first.words.join(' ');
  // "임프레스에서 GIF 애니메이션 만들 수 있어?": a phrase with 에서 is the setting; the thing asked
  // about follows it, and the two together are the topic.
  const setting = SETTING_PARTICLES.has(first.particle) && second !== undefined && attribute !== 1;
  if (setting) text += ` ${second.words.join(' ')}`;
  let linking = (setting ? second : first).particle === '의';
  for (let i = setting ? 2 : 1; i < phrases.length && linking && i !== attribute; i++) {
    const phrase = phrases[i];
    if (!phrase) break;
    text += `의 ${phrase.words.join(' ')}`;
    linking = phrase.particle === '의';
  }
  return text;
}

/** The first noun phrase of the last answer that the question did not say: what a which-company
 *  question was answered with ("스튜디오 하늘결" of "스튜디오 하늘결이라는 제작사예요"). */
export function answeredName(context: Context, stated = false): string | undefined {
  const answer = context.answers[0];
  if (!answer) return undefined;
  const asked = new Set(nounPhrases(context.question).flatMap((phrase) => phrase.words));
  const named = nounPhrases(answer).filter((phrase) => phrase.words.some((word) => !asked.has(word)));
  // The phrase the answer says it is ("청솔산업단지에 있는 윤성케미칼이에요") before any it passes on the way;
  // `stated`: only that one.
  const said = named.find((phrase) => COPULAS.includes(phrase.particle));
  return (stated ? said : (said ?? named[0]))?.words.join(' ');
}

/**
 * A name of a kind the last answer gave in quotes ("'… AI로드맵' 세션", "'빛나래 3' 모델"): what a
 * pointer most likely means when no phrase of its own category was said (그 행사 after a session).
 */
export function namedInAnswer(context: Context): Phrase | undefined {
  const answer = context.answers[0];
  if (!answer) return undefined;
  return nounPhrases(answer).find((phrase) => {
    const last = phrase.words.at(-1) ?? '';
    return phrase.quoted && phrase.words.length >= 2 && (NAMED_HEADS.has(last) || categoryOfWord(last) !== undefined);
  });
}
