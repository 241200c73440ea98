// The Korean analyzer behind lexical search, answer extraction and grounding.
// Whitespace tokenizers fail on Korean because particles and endings glue onto
// words ("연구원이", "연구원은"), so we index Hangul character bigrams (robust to
// any suffix) plus particle-stripped words (precise), Latin words and numbers.

import type { Span } from '../domain/types.js';
import { compose, decompose, FINAL } from './hangul.js';
import { colourTerms } from './colours.js';
import { closesWithGeo, stemTerm, verbStems } from './verb-stems.js';
import { codesIn } from './codes.js';
import { aboutWifi, fullWords } from './clipped-words.js';
import { splitRunOn } from './spacing.js';

type WordKind = 'hangul' | 'latin' | 'number';

/** A run of one script, with its offsets into the text it came from. */
export interface Word extends Span {
  text: string;
  kind: WordKind;
}

const HANGUL_FIRST = 0xac00;
const HANGUL_LAST = 0xd7a3;

const isHangulSyllable = (code: number) => code >= HANGUL_FIRST && code <= HANGUL_LAST;
const isLatin = (code: number) => (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
const isDigitCode = (code: number) => code >= 0x30 && code <= 0x39;

/** True when the syllable ends in a final consonant (받침), which decides 은/는, 이/가, 을/를 … */
export function hasBatchim(syllable: string): boolean {
  const code = syllable.charCodeAt(0);
  return isHangulSyllable(code) && (code - HANGUL_FIRST) % 28 !== 0;
}

/** True when the syllable ends in ㄹ, the one final consonant that takes 로 rather than 으로. */
export function hasRieulBatchim(syllable: string): boolean {
  const code = syllable.charCodeAt(0);
  return isHangulSyllable(code) && (code - HANGUL_FIRST) % 28 === 8;
}

/** Splits text into runs of one script: Hangul syllables, Latin letters, or numbers ("3.5", "1,200"). */
export function splitWords(text: string): Word[] {
  const words: Word[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const code = text.charCodeAt(i);
    const start = i;
    let kind: WordKind;
    if (isHangulSyllable(code)) {
      kind = 'hangul';
      while (i < n && isHangulSyllable(text.charCodeAt(i))) i++;
    } else if (isLatin(code)) {
      kind = 'latin';
      while (i < n && isLatin(text.charCodeAt(i))) i++;
    } else if (isDigitCode(code)) {
      kind = 'number';
      while (i < n && (isDigitCode(text.charCodeAt(i)) || ((text[i] === '.' || text[i] === ',') && isDigitCode(text.charCodeAt(i + 1)))))
        i++;
    } else {
      i++;
      continue;
    }
    words.push({ text: text.slice(start, i), kind, start, end: i });
  }
  // "등록할수" is two words run on (spacing.ts).
  return words.flatMap((word, k) =>
    word.kind === 'hangul' ? splitRunOn(word, words[k + 1]?.kind === 'hangul' ? words[k + 1] : undefined) : [word],
  );
}

// Particles (조사) and common predicate endings, longest first. A suffix is
// stripped only when at least two syllables remain and, for the batchim-sensitive
// pairs, when it fits the syllable before it, so "국가" keeps its 가.
// prettier-ignore
const SUFFIXES = [
  '에서부터', '으로부터', '했어요', '됐어요', '되나요', '하나요', '해요', '돼요', '되요', '이었어', '했어', '됐어', '었어', '았어', '였어', '이에요', '예요', '인가요', '나요', '이야', '이었으며', '이었는데', '하였으며', '했으며', '했는데',
  '하였다', '되었다', '이었다', '에게서', '한테서', '으로서', '으로써', '으로는', '으로도', '이라는', '이라고', '이라며', '이라면', '이었던', '에서는', '에서도', '에서의', '까지는',
  '까지도', '부터는', '에게는', '에게도', '와의', '과의', '로서', '로써', '로는', '로도', '로의', '에는', '에도', '에의', '에서', '에게', '한테', '께서', '으로', '까지',
  '부터', '마다', '보다', '처럼', '만큼', '이나', '이며', '이고', '이다', '이란', '라는', '라고', '라며', '이자', '인가', '인지', '입니다', '였다', '했다', '한다', '하는',
  '하고', '하며', '하여', '해서', '하기', '했던', '하던', '되는', '됐다', '된다', '되어', '됐던', '의', '은', '는', '이', '가', '을', '를', '에', '와', '과', '로',
  '도', '만', '인', '한', '된', '할', '될', '란', '며', '나', '이랑', '랑', '이라',
].sort((a, b) => b.length - a.length);

const SUFFIX_SET: ReadonlySet<string> = new Set(SUFFIXES);

/** True for '' or one particle or ending as a whole ("에", "에서는", "으로"). */
export function isParticle(text: string): boolean {
  return text === '' || SUFFIX_SET.has(text);
}

// prettier-ignore
const NEEDS_BATCHIM = new Set([
  '은', '이', '을', '과', '으로', '으로는', '으로도', '이나', '이며', '이고', '이다', '이란', '이라는', '이라고', '이라며', '이자', '이랑', '이라',
]);
const NEEDS_NO_BATCHIM = new Set(['는', '가', '를', '와', '로', '라는', '라고', '라며', '란', '나', '며', '랑']);

// Spoken contractions of 에는, 에서는, 에게는 and 으로는 ("작년엔", "서울에선"), which the analyzer keeps
// (documents seldom write them; the index is unchanged).
const CONTRACTED_PARTICLE = /^([가-힣]{2,})(에선|에겐|으론|엔)$/;

/** A word split before a spoken contraction of a particle ("작년엔" → ["작년", "엔"]), if it ends in one. */
export function splitContraction(word: string): [string, string] | undefined {
  const match = CONTRACTED_PARTICLE.exec(word);
  return match ? [match[1]!, match[2]!] : undefined;
}

/** Strips one particle or ending from a Hangul word: "연구원은" → "연구원", "개발하는" → "개발". */
export function stripParticle(word: string): string {
  for (const suffix of SUFFIXES) {
    if (word.length - suffix.length < 2 || !word.endsWith(suffix)) continue;
    const before = word.charAt(word.length - suffix.length - 1);
    if (NEEDS_BATCHIM.has(suffix) && !hasBatchim(before)) continue;
    // 로 also follows a final ㄹ: "서울로", "교실로".
    if (NEEDS_NO_BATCHIM.has(suffix) && hasBatchim(before) && !(suffix === '로' && hasRieulBatchim(before))) continue;
    return word.slice(0, word.length - suffix.length);
  }
  return word;
}

// Question words and fillers that say what is asked, not what about.
// prettier-ignore
const QUESTION_STEMS = new Set([
  '무엇', '무엇인', '무엇일', '뭐', '뭔가', '무슨', '누구', '누가', '누구인', '언제', '어디', '어디서', '어디에', '어느', '어떤', '어떻게', '어떠한', '얼마', '얼마나', '몇',
  '왜', '무엇이었', '어떻', '무엇을', '있나', '했나', '하나', '인가', '였나', '였는가', '했는가', '되나', '됐나', '나요', '까요', '알려줘', '알려주세요', '말해줘', '설명해줘',
  '대해', '대한', '관해', '관련',
  // Intensifiers ("왜 이렇게 비싸?"), and 퍼센트 (spoken 퍼), which a passage writes as % (38%): no term holds them.
  '이렇게', '저렇게', '이토록', '그토록', '퍼센트', '퍼',
]);

/** True for words that only shape a question (무엇, 언제, 어디 …), not its topic. */
// Question words with any colloquial ending: 누구야, 뭐야, 어디야, 얼마였어, 몇이야 …
const QUESTION_PREFIX = /^(무엇|뭐|누구|누가|어디|언제|얼마|몇|어느|어떤|어떻|어땠|어떠|어때|어떨|왜)/;

export function isQuestionWord(stem: string): boolean {
  return QUESTION_STEMS.has(stem) || QUESTION_PREFIX.test(stem);
}

// Units and counters a number is read with, longest first: months, quarters, rounds,
// games, people, money. The combined term keeps "6월" apart from "6이닝".
const UNIT_START =
  /^(분기|차전|라운드|회차|번째|개월|개국|시간|주년|년|월|일|시|분|초|주|차|회|강|위|명|개|곳|건|대|배|세|살|층|호|억|조|만|천|원|달러|표|점|골|승|패|편|권|종|척|채|마리|가구|세대)/;

// Auxiliary verbs that follow a -고 form in a question: 나서 (after), 싶어 (want to), 있어 (is doing).
const AFTER_GO = /^(나서|나면|나니|난\s*뒤|싶|있어|있는데|있으면|있을)/;

// Heads of compounds that take 사이시옷 (배춧값, 바닷가, 나뭇잎, 찻길, 등굣길).
const SIOT_HEADS = /^(값|가|길|집|국|물|잎|빛|돈|말)$/;

/** The noun before a 사이시옷 compound's head, its ㅅ taken off: 배춧값 → 배추, 등굣길 → 등교. */
function siotBase(stem: string): string | undefined {
  if (stem.length < 3 || !SIOT_HEADS.test(stem.slice(-1))) return undefined;
  const before = decompose(stem.charAt(stem.length - 2));
  if (!before || before.final !== FINAL.sios) return undefined;
  return stem.slice(0, -2) + compose({ ...before, final: FINAL.none });
}

interface AnalyzeOptions {
  /** Drop question words, for analysing queries. */
  query?: boolean;
  /** Join a bare noun with the next word (documents do unless told not to; queries never do). */
  joinCompounds?: boolean;
}

/**
 * Index terms of a text: Hangul bigrams of particle-stripped words (the syllable
 * itself for one-syllable words), `w:`-prefixed particle-stripped Hangul words, `c:`-prefixed compounds
 * (in documents a bare noun joined with the next word, in queries a whole word), lower-cased Latin
 * words and numbers.
 * The same function analyses documents and queries, so the term spaces match.
 */
export function analyze(text: string, options: AnalyzeOptions = {}): string[] {
  const terms: string[] = [];
  const words = splitWords(text);
  let unitAfterNumber: string | undefined;
  for (const [i, word] of words.entries()) {
    // A number written against its unit is one more term: "6월", "2분기", "2차전", "15명",
    // "171억": a bare 6 or 2 matches any number in any article (6이닝, 5-3).
    const unit = unitAfterNumber;
    unitAfterNumber = undefined;
    const next = words[i + 1];
    if (word.kind === 'number') {
      unitAfterNumber = next?.kind === 'hangul' && next.start === word.end ? UNIT_START.exec(next.text)?.[0] : undefined;
      if (unitAfterNumber) terms.push(`${word.text.replace(/,/g, '')}${unitAfterNumber}`);
    } else if (word.text === '몇' && next?.kind === 'hangul' && next.start <= word.end + 1) {
      // "몇 층으로" asks in the unit a passage writes "5층으로" with.
      unitAfterNumber = UNIT_START.exec(next.text)?.[0];
    }
    if (word.kind === 'hangul') {
      // A one-syllable unit keeps its particle under stripParticle's two-syllable rule: "5월에"
      // would index the noise word "월에". The unit alone is the word.
      const stem = unit && isParticle(word.text.slice(unit.length)) ? unit : stripParticle(word.text);
      if (options.query && isQuestionWord(stem)) continue;
      // "고치고 나서", "바꾸고 싶어": after a verb's -고 form these only say when or that it is wanted.
      const before = words[i - 1];
      if (options.query && before?.kind === 'hangul' && before.text.endsWith('고') && AFTER_GO.test(word.text)) continue;
      // "왜 난 거래?", "터진 거야?": 거 after a verb's ㄴ/ㄹ form ends the question (것이래, 것이야); 거래 is no trade.
      if (options.query && before?.kind === 'hangul' && i === words.length - 1 && closesWithGeo(word.text, before.text)) continue;
      // "뭐 때문에", "무엇 덕분이라고" ask why: 때문 is the question's, not a word the answer must share.
      if (options.query && before?.kind === 'hangul' && /^(뭐|무엇|뭣)$/.test(before.text) && /^(때문|덕분|탓)/.test(word.text)) continue;
      // Bigrams of the stem, not the surface form: "방주를" must not add the noise bigram "주를".
      const w = stem;
      if (w.length === 1) terms.push(w);
      else for (let i = 0; i + 1 < w.length; i++) terms.push(w.slice(i, i + 2));
      if (stem.length >= 2) terms.push(wordTerm(stem));
      // Korean spaces compounds freely ("사전 예약" ~ "사전예약"): a document's bare noun joined with the
      // word after it is a compound term, which a query's whole word of three to six syllables meets.
      // Compound terms are for BM25 alone: the answer's features and the grounding check weigh words.
      if (options.query) {
        if (stem.length >= 3 && stem.length <= 6) terms.push(compoundTerm(stem));
      } else if (
        options.joinCompounds !== false &&
        next?.kind === 'hangul' &&
        next.start === word.end + 1 &&
        stem === word.text &&
        stem.length >= 2
      ) {
        const joined = stem + stripParticle(next.text);
        if (joined.length <= 6) terms.push(compoundTerm(joined));
      }
      // A clipped word a user types (비번) searches as the page's full word (비밀번호) as well.
      // A one-syllable word keeps its particle in stripParticle (폰에서): it is read off here.
      if (options.query) {
        const clipped = fullWords(stem).length > 0 ? stem : isParticle(word.text.slice(1)) ? word.text.charAt(0) : '';
        for (const full of fullWords(clipped)) for (const part of full.split(' ')) terms.push(...bigrams(part), wordTerm(part));
      }
      // 사이시옷: "배춧값" is 배추 + 값, which an article may write "배추 가격". A colour (주황불) meets 주황색.
      const base = siotBase(stem);
      terms.push(...(base ? [...bigrams(base), wordTerm(base)] : []), ...colourTerms(word.text));
      for (const verb of verbStems(word.text, { modifiers: options.query === true })) terms.push(stemTerm(verb));
    } else {
      terms.push(word.text.toLowerCase());
      // "5G 와이파이" is what users call the 5GHz band a help page names: said of Wi-Fi, a G after a
      // number is GHz ("5G 요금제" stays a mobile network).
      if (options.query && /^g$/i.test(word.text) && words[i - 1]?.kind === 'number' && words[i - 1]!.end === word.start && aboutWifi(text))
        terms.push('ghz');
    }
  }
  // A code (E-32, HK-170, 512GB) is one term however it is written: its letters and digits alone meet
  // every E and every 32 (32A).
  for (const code of codesIn(text)) terms.push(codeTerm(code));
  return terms;
}

/**
 * Content terms of a sentence for answer extraction and grounding: particle-stripped
 * Hangul words (no question words), Latin words and numbers, lower-cased.
 */
export function contentWords(text: string): Word[] {
  const out: Word[] = [];
  for (const word of splitWords(text)) {
    if (word.kind === 'hangul') {
      const stem = stripParticle(word.text);
      if (isQuestionWord(stem) || isQuestionWord(word.text)) continue;
      out.push({ ...word, text: stem });
    } else {
      out.push({ ...word, text: word.text.toLowerCase() });
    }
  }
  return out;
}

/** Hangul bigrams of one word (the word itself when it has one syllable). */
export function bigrams(word: string): string[] {
  if (word.length < 2) return [word];
  const out: string[] = [];
  for (let i = 0; i + 1 < word.length; i++) out.push(word.slice(i, i + 2));
  return out;
}

/** Share of a word's bigrams that `has` holds: how far a passage spells a word it does not hold whole. */
export function bigramShare(word: string, has: (bigram: string) => boolean): number {
  const pairs = bigrams(word);
  return pairs.filter(has).length / pairs.length;
}

/** The index term of a particle-stripped Hangul word: `w:` keeps words apart from their bigrams. */
export function wordTerm(stem: string): string {
  return `w:${stem}`;
}

/** The index term of a compound however it is spaced: "사전 예약" in a document, "사전예약" in a query. */
export function compoundTerm(joined: string): string {
  return `c:${joined}`;
}

/** The index term of a code (codes.ts), normalised: "E-32" and "e32" are one. */
export function codeTerm(code: string): string {
  return `k:${code}`;
}

/** True for a compound term, which only BM25 reads. */
export function isCompoundTerm(term: string): boolean {
  return term.startsWith('c:');
}

/** Whether an index term is a whole Hangul word (see `wordTerm`). */
export function isWordTerm(term: string): boolean {
  return term.startsWith('w:');
}
