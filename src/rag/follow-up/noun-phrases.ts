// A text read as noun phrases, the things a pointer (그 행사, 그는) may stand for: runs of nouns
// ending at a particle, and single-quoted names whole ("'빛나래 3' 모델"); and the menu path a help
// answer names, where 거기 points.
import { endsInNieunOrRieul } from '../../text/hangul.js';
import { isQuestionWord } from '../../text/tokens.js';
import {
  ARGUMENT_PARTICLES,
  COUNTED,
  DETERMINERS,
  HANGUL,
  NAMED_HEADS,
  NOMINAL_PARTICLE_SET,
  ONE_SYLLABLE_STOP,
  OPENERS,
  ORDINAL,
  STOPWORDS,
  TITLES,
  VAGUE,
  VERBAL_END,
} from './korean-tables.js';
import { categoryOfWord, endsWithAny, isPersonName, pronounOf, splitParticle, stripMarkers } from './words.js';

interface Token {
  surface: string;
  stem: string;
  particle: string;
  /** May sit inside a noun phrase. */
  nominal: boolean;
  quoteStart: boolean;
  quoteEnd: boolean;
  comma: boolean;
}

export interface Phrase {
  words: string[];
  particle: string;
  quoted: boolean;
}

/** "A(B)": an acronym after a spelled-out name replaces it (최고경영자(CEO) → CEO), except after a title,
 *  which names a person (부행장(CFO) stays 부행장); other brackets are dropped. */
function normaliseBrackets(text: string): string {
  return text.replace(/([^\s()]*)\(([^()]*)\)/g, (_match, outer: string, inner: string) => {
    const acronym = /^[A-Z][A-Za-z0-9&.-]*[A-Z0-9]$/.test(inner) && /[A-Z]/.test(inner.slice(1));
    if (!outer) return '';
    if (!acronym || endsWithAny(outer, TITLES)) return outer;
    const hangulOuter = outer.replace(/^['‘「『]/, '');
    const lead = outer.slice(0, outer.length - hangulOuter.length);
    return /^[가-힣]{3,}$/.test(hangulOuter) ? `${lead}${inner}` : `${outer} ${inner}`;
  });
}

const SINGLE_QUOTE_OPEN = /^['‘「『]/;
const SINGLE_QUOTE_CLOSE = /['’」』]/;

function tokenize(sentence: string): Token[] {
  const tokens: Token[] = [];
  for (const piece of sentence.split(/\s+/)) {
    if (!piece) continue;
    const quoteStart = SINGLE_QUOTE_OPEN.test(piece);
    const quoteEnd = SINGLE_QUOTE_CLOSE.test(piece.slice(quoteStart ? 1 : 0));
    const comma = /[,，·]$/.test(piece.replace(/['’"”」』]+$/, ''));
    const clean = piece.replace(/['‘’"“”「」『』<>《》()[\],，!?…:;~]/g, '').replace(/\.(?!\d)/g, '');
    if (!clean) continue;
    const [stem, particle] = splitParticle(clean);
    tokens.push({ surface: clean, stem, particle, nominal: isNominal(clean, stem, particle), quoteStart, quoteEnd, comma });
  }
  return tokens;
}

// A bound noun of position, time or thing with its particle ("5년 안에", "그 중에", "하는 것이"): read whole, for
// splitParticle leaves a one-syllable noun its one-syllable particle (신인, 사과), and never a referent.
const BOUND_WITH_PARTICLE = /^(안|내|중|후|전|뒤|때|것|거|수|데|줄|듯)(에|엔|에는|에서|이|은|을|의)$/;

function isNominal(surface: string, stem: string, particle: string): boolean {
  if (isQuestionWord(stem) || isQuestionWord(surface) || VAGUE.has(surface) || BOUND_WITH_PARTICLE.test(surface)) return false;
  if (STOPWORDS.has(surface) || STOPWORDS.has(stem) || DETERMINERS.has(surface) || OPENERS.has(surface) || pronounOf(surface)) return false;
  if (/^등/.test(surface) && surface.length <= 2) return false;
  if (particle && !NOMINAL_PARTICLE_SET.has(particle)) return false;
  if (/^\d/.test(stem)) return ORDINAL.test(stem) || /^\d[\d.,]*$/.test(stem) || !COUNTED.test(stem);
  if (stem.length < 2 && HANGUL.test(stem) && (ONE_SYLLABLE_STOP.has(stem) || particle)) return false;
  if (!particle && HANGUL.test(stem.slice(-1)) && VERBAL_END.test(stem) && !categoryOfWord(stem)) return false;
  return true;
}

/** True when the word's last syllable ends in ㄴ or ㄹ, as a verb's adnominal form does (갖춘, 넣을). */
function endsAdnominal(token: Token): boolean {
  return endsInNieunOrRieul(token.stem);
}

/** The bare word after a verb's argument that ends in ㄴ/ㄹ is that verb in adnominal form ("경쟁력을 갖춘 모델"), not a noun. */
function adnominalAfterArgument(previous: Token | undefined, token: Token): boolean {
  if (!previous || token.particle || !ARGUMENT_PARTICLES.has(previous.particle) || categoryOfWord(token.stem)) return false;
  return endsAdnominal(token);
}

// Dependent nouns that only follow a verb's adnominal form: 넣을 수 있어, 가 본 적, 할 줄 알아.
const DEPENDENT_NOUNS = new Set(['수', '줄', '적']);

// Nouns of a way, a thing or a time that a verb's 는 form modifies: 바꾸는 법, 먹는 거, 자는 동안.
export const MODIFIED_NOUNS = new Set(['법', '방법', '거', '것', '게', '건', '곳', '데', '동안', '경우', '때', '중']);

/** A bare ㄴ/ㄹ word before a dependent noun is a verb ("워터마크 넣을 수 있어?" names no 넣을), and so is a
 *  는 word before a way or a thing ("비번 바꾸는 법": 는 there is no topic particle). */
function adnominalBeforeDependent(token: Token, next: Token | undefined): boolean {
  if (next === undefined) return false;
  if (token.particle === '는' && MODIFIED_NOUNS.has(splitParticle(next.surface)[0]) && !categoryOfWord(token.stem)) return true;
  return !token.particle && DEPENDENT_NOUNS.has(next.surface.replace(/[도는가를]$/, '')) && endsAdnominal(token);
}

/**
 * The single-quoted name that opens at `tokens[start]`, with the noun it names when one follows
 * ("'빛나래 3' 모델"), and the index of its last token; undefined for an unclosed or long quote.
 */
function quotedName(tokens: Token[], start: number): { words: string[]; particle: string; end: number } | undefined {
  let end = start;
  while (end < tokens.length && !tokens[end]?.quoteEnd) end++;
  const inside = tokens.slice(start, end + 1);
  const last = inside.at(-1);
  // Long quotes are speech or titles of talks, not names to point back at.
  if (end >= tokens.length || inside.length > 6 || !last) return undefined;
  const words = [...inside.slice(0, -1).map((token) => token.surface), last.stem];
  const next = tokens[end + 1];
  // A quoted name and the noun it names: "'빛나래 3' 모델", "'K-AI 프로젝트' 사업".
  if (!last.particle && next?.nominal && (NAMED_HEADS.has(next.stem) || categoryOfWord(next.stem))) {
    return { words: [...words, next.stem], particle: next.particle, end: end + 1 };
  }
  return { words, particle: last.particle, end };
}

// Who belongs to a department besides titled staff ("경제학과 학생").
const DEPARTMENT_MEMBERS = new Set(['학생', '전문의', '전공의', '조교', '연구원']);

/** Noun phrases of a text, in order: runs of nouns ending at a particle; single-quoted names whole. */
export function nounPhrases(text: string): Phrase[] {
  const phrases: Phrase[] = [];
  const push = (words: string[], particle: string, quoted: boolean) => {
    if (words.join('').length >= 2) phrases.push({ words, particle, quoted });
  };
  const sentences = normaliseBrackets(stripMarkers(text)).split(/(?<=[.!?。])\s+|\n+/);
  for (const sentence of sentences) {
    const tokens = tokenize(sentence);
    let current: Token[] = [];
    const flush = () => {
      const last = current.at(-1);
      if (last)
        push(
          current.map((token) => token.stem),
          last.particle,
          false,
        );
      current = [];
    };
    for (let i = 0; i < tokens.length; i++) {
      let token = tokens[i];
      if (!token) continue;
      // "응급의학과 교수", "경제학과 학생": 과 before a title closes a department's name, not "and".
      const next = tokens[i + 1];
      if (token.particle === '과' && next && (TITLES.includes(next.stem) || DEPARTMENT_MEMBERS.has(next.stem)))
        token = { ...token, stem: `${token.stem}과`, particle: '' };
      if (token.quoteStart) {
        flush();
        const quoted = quotedName(tokens, i);
        if (quoted) {
          push(quoted.words, quoted.particle, true);
          i = quoted.end;
          continue;
        }
      }
      // A name before a title is a name whatever it ends in ("윤채아 감독": 아 also ends verbs).
      // … or before an organisation and then a title ("문혜린 한빛대병원 신경과 교수").
      // A title may end a place's name (윤혜린 청운시장, 박정수 솔내군수).
      const titleAhead = tokens.slice(i + 1, i + 4).findIndex((later) => endsWithAny(later.stem, TITLES));
      // (신경과 reads as 신경 and 과, "and": before a title it is a department.)
      const titled =
        titleAhead >= 0 &&
        tokens.slice(i + 1, i + 1 + titleAhead).every((between) => between.nominal && ['', '과'].includes(between.particle));
      const named = !token.nominal && !token.particle && titled && isPersonName(token.stem);
      // An age before a man or a woman is part of who they are ("70대 남성"), not a count of vehicles.
      const aged = /^\d{1,2}대$/.test(token.surface) && next !== undefined && /^(남성|여성|남자|여자)$/.test(next.stem);
      if (
        (!token.nominal && !named && !aged) ||
        (!named && (adnominalAfterArgument(tokens[i - 1], token) || adnominalBeforeDependent(token, next)))
      ) {
        flush();
        continue;
      }
      current.push(token);
      if (token.particle || token.comma) flush();
    }
    flush();
  }
  return phrases;
}

// A place in an interface, as help pages and answers write it: "[보기 설정] > [글자 크기]", "**설정 >
// 계정**", "고급 설정 > 무선 > 게스트 네트워크로". Items of a plain path are one or two words.
const BRACKET_PATH = /\[[^\][\n]{1,30}\](?:\s*[>→]\s*\[[^\][\n]{1,30}\])+/;
const PLAIN_ITEM = String.raw`(?:[가-힣A-Za-z][가-힣A-Za-z0-9]* )?[가-힣A-Za-z][가-힣A-Za-z0-9]*`;
const PLAIN_PATH = new RegExp(`${PLAIN_ITEM}(?:\\s*[>→]\\s*${PLAIN_ITEM})+`);

/** The first menu path of the texts, a plain path's last word without its particle: where 거기 points on a help page. */
export function menuPathIn(sources: string[]): string | undefined {
  for (const source of sources) {
    // A path set in bold ("**전체 메뉴 > 모바일 카드 > 발급하기**를 누릅니다") ends where the bold does.
    const bold = /\*\*([^*\n]*[>→][^*\n]*)\*\*/.exec(source)?.[1]?.trim();
    if (bold) return bold;
    const text = source.replace(/\*\*/g, '');
    const bracketed = BRACKET_PATH.exec(text)?.[0];
    if (bracketed) return bracketed;
    const plain = PLAIN_PATH.exec(text)?.[0];
    if (!plain) continue;
    const words = plain.split(' ');
    // A word before the path that carries a particle is the sentence's, not the path's (구독은 설정 > 계정).
    if (words.length > 1 && splitParticle(words[0]!)[1]) words.shift();
    const last = words.pop() ?? '';
    return [...words, splitParticle(last)[0]].join(' ');
  }
  return undefined;
}
