// The new question, word by word: what in it points back (pronouns, determiners before a noun,
// openers) and which words carry content of their own.
import { isQuestionWord } from '../../text/tokens.js';
import { DETERMINERS, HANGUL, HEAD_CATEGORIES, OPENERS, STOPWORDS, VAGUE } from './korean-tables.js';
import { categoryOfWord, pronounOf, splitParticle, withoutPoliteYo, type Pronoun } from './words.js';

export interface Word {
  raw: string;
  clean: string;
  /** Final punctuation (?, !, …), kept when the word is replaced. */
  trailing: string;
}

// "다음 달" and "다음달", "전 분기" and "전분기" are one relative time noun, spaced or not.
const RELATIVE_TIME_FIRST = new Set(['다음', '전', '이전', '직전']);
const RELATIVE_TIME_UNIT = /^(달|해|날|분기)(?![가-힣])|^(달|해|날|분기)(은|는|에|에는|엔|도|의|이|가|을|를|로|까지|부터)$/;

export function splitQuestion(question: string): Word[] {
  const raws = question.trim().split(/\s+/).filter(Boolean);
  const merged: string[] = [];
  for (let i = 0; i < raws.length; i++) {
    const raw = raws[i] ?? '';
    const next = raws[i + 1];
    if (next !== undefined && RELATIVE_TIME_FIRST.has(raw) && RELATIVE_TIME_UNIT.test(next.replace(/[?!.~…]+$/, ''))) {
      merged.push(raw + next);
      i++;
    } else merged.push(raw);
  }
  return merged.map((raw) => {
    const trailing = /[?!.~…]+$/.exec(raw)?.[0] ?? '';
    return { raw, clean: raw.slice(0, raw.length - trailing.length), trailing };
  });
}

/** The question's words from `from`, each replaced where `replaced` says, those in `drop` left out. */
export function render(words: Word[], replaced: Map<number, string>, from: number, drop: Set<number> = new Set()): string {
  return words
    .slice(from)
    .flatMap((word, offset) => (drop.has(from + offset) ? [] : [replaced.get(from + offset) ?? word.raw]))
    .join(' ');
}

/**
 * "X는요?" after "Y는 …?": the last question with X in its topic's place: the nouns up to its first word
 * marked 은/는 ("인버터 모터는 보증 얼마나 돼요?" → "압축기는 보증 얼마나 돼요?"), or, with none, the first of
 * the two nouns it opens with ("스탠다드 요금제 얼마예요?" → "라이트 요금제 얼마예요?"). Undefined when it has neither.
 */
export function swapTopic(previous: Word[], fragment: string): string | undefined {
  const bare = (word: Word | undefined) => word !== undefined && splitParticle(word.clean)[1] === '' && !isEmptyWord(word.clean);
  const topic = previous.findIndex((word) => /^(은|는)$/.test(splitParticle(word.clean)[1]));
  let start = topic;
  while (start > 0 && bare(previous[start - 1])) start--;
  if (topic >= 0)
    return [...previous.slice(0, start).map((word) => word.raw), fragment, ...previous.slice(topic + 1).map((word) => word.raw)].join(' ');
  // "이거 보증 몇 년이에요?": the thing pronoun it opens with is its topic ("충전기는 보증 몇 년이에요?").
  const opening = previous[0] && pronounOf(previous[0].clean);
  if (opening?.kind === 'thing' && (opening.particle === '' || /^(은|는|이|가)$/.test(opening.particle)) && previous.length > 1)
    return [fragment, ...previous.slice(1).map((word) => word.raw)].join(' ');
  if (!bare(previous[0]) || !bare(previous[1])) return undefined;
  return [fragment.replace(/(은|는)$/, ''), ...previous.slice(1).map((word) => word.raw)].join(' ');
}

/** Nouns joined by 랑/와/과/하고 and closed by a topic with the polite 요 ("충전기랑 선은요?"): one
 *  fragment, the whole phrase in the last question's topic slot. */
export function coordinated(words: Word[], indexes: number[]): Word | undefined {
  // Content indexes ascend, so the words stand together when they span exactly their count.
  const [first, last] = [indexes[0], indexes.at(-1)];
  if (indexes.length < 2 || first === undefined || last === undefined || last - first !== indexes.length - 1) return undefined;
  const joined = indexes.slice(0, -1).every((index) => /[가-힣A-Za-z0-9](이랑|랑|와|과|하고)$/.test(words[index]?.clean ?? ''));
  const closing = words[last];
  if (!joined || !closing || withoutPoliteYo(closing.clean) === closing.clean) return undefined;
  const raw = indexes.map((index) => words[index]?.raw ?? '').join(' ');
  return { raw, clean: indexes.map((index) => words[index]?.clean ?? '').join(' '), trailing: closing.trailing };
}

/** True when the word asks something or says nothing of its own (뭐야, 어디서, 어때, 그럼). */
export function isEmptyWord(word: string): boolean {
  const [stem] = splitParticle(word);
  return (
    !word ||
    isQuestionWord(word) ||
    isQuestionWord(stem) ||
    VAGUE.has(word) ||
    OPENERS.has(word) ||
    STOPWORDS.has(word) ||
    STOPWORDS.has(stem)
  );
}

export interface Determiner {
  /** Index of the determiner; the head noun is the next word. */
  index: number;
  determiner: string;
  head: string;
  particle: string;
  /** The head word's final punctuation. */
  trailing: string;
}

export interface Analysis {
  words: Word[];
  /** Index of the first word after openers. */
  start: number;
  pronouns: Array<{ index: number; pronoun: Pronoun; trailing: string }>;
  determiners: Determiner[];
  /** Words that carry content (not question words, openers, pronouns or determiners). */
  contentIndexes: number[];
  opener: boolean;
  /** It ends on a category noun with a topic particle and asks nothing ("해령에서 열린 대회는?"): the last
   *  question's attribute, asked of another thing of that category. */
  endsOnCategory: boolean;
}

const SUCH = new Set(['그런', '이런', '저런']);
// 거/것/건/게 and their copula and question endings: 거야, 거예요, 건가요, 건데, 것이야.
const BOUND_THING = /^(거|것|건|게)(야|예요|에요|이야|이에요|임|지|죠|니|냐|가요|가|데|요)?[?？.]*$/;

export function analyse(question: string): Analysis {
  const words = splitQuestion(question);
  let start = 0;
  while (start < words.length - 1 && OPENERS.has(words[start]?.clean ?? '')) start++;
  const pronouns: Analysis['pronouns'] = [];
  const determiners: Determiner[] = [];
  const contentIndexes: number[] = [];
  for (let i = start; i < words.length; i++) {
    const word = words[i]?.clean ?? '';
    const next = words[i + 1];
    // "왜 그런 거야?", "이런 건가요": such a thing, the predicate of the question, not a pointer.
    if (SUCH.has(word) && next && BOUND_THING.test(next.clean)) {
      i++;
      continue;
    }
    if (DETERMINERS.has(word) && next && HANGUL.test(next.clean)) {
      const [head, particle] = splitParticle(next.clean);
      // "이 원장" may be a surname before a title; it still resolves to a person of that title.
      determiners.push({ index: i, determiner: word, head, particle, trailing: next.trailing });
      i++;
      continue;
    }
    const pronoun = pronounOf(word);
    // "그럼 1E는요? 이것도 제가 고칠 수 있어요?": after a question of its own that names a thing, 이것
    // is that thing, not one of the conversation's.
    if (pronoun?.kind === 'thing' && contentIndexes.some((index) => /[?？]/.test(words[index]?.trailing ?? ''))) continue;
    if (pronoun) {
      pronouns.push({ index: i, pronoun, trailing: words[i]?.trailing ?? '' });
      continue;
    }
    // The counter after 몇 belongs to the question word: 몇 명이었어, 몇 곳이야.
    if (words[i - 1]?.clean === '몇') continue;
    if (!isEmptyWord(word)) contentIndexes.push(i);
  }
  const last = words.at(-1)?.clean ?? '';
  const [lastStem, lastParticle] = splitParticle(last);
  const endsOnCategory =
    words.length > 1 &&
    (lastParticle === '은' || lastParticle === '는') &&
    (categoryOfWord(lastStem) !== undefined || HEAD_CATEGORIES.has(lastStem)) &&
    !words.some(({ clean }) => isQuestionWord(clean) || isQuestionWord(splitParticle(clean)[0]));
  return { words, start, pronouns, determiners, contentIndexes, opener: start > 0, endsOnCategory };
}

/** True when the analysed question leans on earlier turns: a pronoun, a determiner, an opener or a bare fragment. */
export function leansOnHistory(analysis: Analysis): boolean {
  return (
    analysis.pronouns.length > 0 ||
    analysis.determiners.length > 0 ||
    analysis.opener ||
    analysis.contentIndexes.length <= 1 ||
    analysis.endsOnCategory
  );
}

/** True when the question leans on earlier turns: a pronoun, a determiner, an opener or a bare fragment. */
export function isFollowUp(question: string): boolean {
  return leansOnHistory(analyse(question));
}
