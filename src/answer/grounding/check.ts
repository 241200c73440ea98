// Checks one answer sentence against the passages it cites: align, then check.
//
// 1. Align: the passage sentences that best support the claim (one, or up to
//    MAX_SPAN_SENTENCES when the claim joins facts of several) form its span.
// 2. Check the claim against that span, not the whole passage:
//    - quantities (numbers with their unit, whole dates) must agree with one in the span;
//    - quotations must be found verbatim;
//    - specific words (names, rare words by corpus IDF, Latin words) must be found in the
//      span, or be the passage's topic (its title, its lead, repeated), and words bound
//      together in the claim ("울림FC 오세진 감독") must stand together in the source;
//    - the IDF-weighted share of the claim's other words found there must be high enough;
//    - each clause's polarity (negators, antonym poles) must agree with its aligned clause;
//    - evaluative and causal words must be backed by the span.
// Pure functions; Korean facts live in ./lexicon.ts and ../../text/quantity.ts.
import { findQuantities, quantitySupports, type Quantity } from '../../text/quantity.js';
import { splitSentences } from '../../text/sentences.js';
import { bigrams, splitWords, stripParticle, wordTerm } from '../../text/tokens.js';
import {
  CAUSAL_WORDS,
  EVALUATIVE_WORDS,
  FILLER_WORDS,
  NOMINAL_PARTICLES,
  PREDICATE_ENDINGS,
  ONLY_MARKERS,
  isNegation,
  isOrganisationName,
  polesOf,
  titleOf,
} from './lexicon.js';
import { bm25Idf } from '../../text/bm25.js';

/** What the check knows about the corpus's vocabulary; the BM25 index provides it. */
export interface TermStatistics {
  readonly documentCount: number;
  /** Documents holding `term`, an index term: `w:<particle-stripped word>` or a lower-cased Latin word. */
  documentFrequency(term: string): number;
}

export interface CheckContext {
  /** Titles of the cited passages' articles: their words are the passage's topic. */
  titles?: string[];
  /** Other chunks of the cited passages' articles: with the titles, they may supply a name's
   *  full form ("이 원장" in the chunk, "이홍락 원장" in the title or another chunk). */
  related?: string[];
  /** Corpus statistics for IDF weights; without them, rarity comes from word shape alone. */
  terms?: TermStatistics;
  /** Dates (YYYY-MM-DD) of the cited articles: a claim may date an event by its article. */
  dates?: string[];
}

export interface SentenceCheck {
  supported: boolean;
  /** Why the sentence is not supported, in Korean; absent when supported. */
  reason?: string;
  /** Quantities, quotations and specific words not found where they must be. */
  missing: string[];
  /** Other words not found in the span (tolerated up to the coverage threshold). */
  unmatched: string[];
  /** IDF-weighted share of the claim's words found in the span; 1 when it has none. */
  coverage: number;
  /** Index of the passage whose sentences form the span (-1 when nothing aligned). */
  passage: number;
  /** The aligned span's sentences, as offsets into that passage's text. */
  span: Array<{ start: number; end: number }>;
}

/** Weighted share of the claim's ordinary words that must be found in its span. A faithful
 *  paraphrase swaps a few verbs for synonyms; an unstated fact brings several new words. */
export const COVERAGE_MIN = 0.6;
/** Passage sentences a claim may draw on at most ("410대 가운데 120대가 …" joins two). */
export const MAX_SPAN_SENTENCES = 3;
/** A further sentence joins the span only when it supplies this share of the claim's weight. */
export const SPAN_ADD_MIN = 0.15;
/** Below this many documents, corpus statistics say little: rarity comes from word shape. */
export const MIN_STATISTICS_DOCUMENTS = 200;
/** Words apart within which two bound words of a claim must stand in the source. */
export const BINDING_WINDOW = 3;

// Polite and quoting endings the particle stripper leaves on predicates.
const ENDINGS = [
  '하겠습니다', '하였습니다', '되었습니다', '했습니다', '됐습니다', '였습니다', '었습니다', '았습니다', '합니다', '됩니다', '입니다', '습니다',
  '하겠다고', '하겠다', '했다고', '한다고', '된다고', '했으며', '했고', '해요', '이었다', '였다', '이다',
].sort((a, b) => b.length - a.length);

function reduceEnding(stem: string): string {
  for (const ending of ENDINGS) if (stem.length - ending.length >= 2 && stem.endsWith(ending)) return stem.slice(0, stem.length - ending.length);
  return stem;
}

interface Token {
  surface: string;
  stem: string;
  start: number;
  end: number;
  latin: boolean;
  /** The particle after the word ('' when none): decides its role in the clause. */
  particle: string;
  /** Took a noun particle, or has no predicate ending: can be a name. */
  nounLike: boolean;
  title?: string;
}

const HANGUL_JAMO_BASE = 0xac00;
/** A syllable without its final consonant ("났" → "나"), for matching inflected stems. */
const open = (syllable: string) => {
  const code = syllable.charCodeAt(0) - HANGUL_JAMO_BASE;
  return code < 0 || code > 11171 ? syllable : String.fromCharCode(HANGUL_JAMO_BASE + code - (code % 28));
};

/** A past or connective predicate form before -지만 and the like ("이송됐지", "늘었지"): not a noun. */
const PREDICATE_STEM = /[었았했됐였겠졌웠렸쳤셨났랐갔왔섰켰혔]지?$/;
/** One-syllable nouns keep their particle in stripParticle ("불은", "도에서", "년에"); these come off. */
const SHORT_NOUN_PARTICLES = ['에서', '으로', '에게', '은', '는', '이', '가', '을', '를', '에', '의', '도', '로', '와', '과', '만'];

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let lastWord: { kind: string; text: string; start: number; end: number } | undefined;
  for (const word of splitWords(text)) {
    const before = lastWord;
    lastWord = word;
    const previous = tokens[tokens.length - 1];
    // Model names glue letters and digits ("S6", "G20", "5G"): one Latin word, compared whole.
    if (word.kind === 'number' && previous?.latin && previous.end === word.start) {
      previous.surface += word.text;
      previous.stem += word.text;
      previous.end = word.end;
      if (text[word.end] === '+') plus(previous);
      continue;
    }
    if (word.kind === 'number') continue;
    if (word.kind === 'latin' && before?.kind === 'number' && before.end === word.start) {
      const token: Token = { surface: before.text + word.text, stem: (before.text + word.text).toLowerCase(), start: before.start, end: word.end, latin: true, particle: '', nounLike: true };
      if (text[word.end] === '+') plus(token);
      tokens.push(token);
      continue;
    }
    // "울림FC는": the particle belongs to the Latin word before it.
    if (word.kind === 'hangul' && previous?.latin && previous.end === word.start && NOMINAL_PARTICLES.has(word.text)) {
      previous.particle = word.text;
      continue;
    }
    if (word.kind === 'latin') {
      const token: Token = { surface: word.text, stem: word.text.toLowerCase(), start: word.start, end: word.end, latin: true, particle: '', nounLike: true };
      if (text[word.end] === '+') plus(token);
      tokens.push(token);
      continue;
    }
    let stripped = word.text.endsWith('학과') ? word.text : stripParticle(word.text);
    if (stripped === word.text && word.text.length <= 3) {
      const particle = SHORT_NOUN_PARTICLES.find((candidate) => word.text.length > candidate.length && word.text.endsWith(candidate));
      if (particle && word.text.length - particle.length === 1) stripped = word.text.slice(0, 1);
    }
    const stem = reduceEnding(stripped);
    const suffix = word.text.slice(stripped.length);
    const nominal = NOMINAL_PARTICLES.has(suffix);
    const nounLike = suffix !== '' ? nominal && !PREDICATE_STEM.test(stem) : !PREDICATE_ENDINGS.has(stem[stem.length - 1]!);
    const token: Token = { surface: word.text, stem, start: word.start, end: word.end, latin: false, particle: nominal ? suffix : '', nounLike };
    const title = titleOf(stem);
    if (title) token.title = title;
    if (suffix === '' && text[word.end] === '+') plus(token);
    tokens.push(token);
  }
  return tokens;
}

/** "엣지+", "S6+": a trailing plus names another product, so it belongs to the word. */
function plus(token: Token): void {
  token.surface += '+';
  token.stem += '+';
  token.end += 1;
}

/** True when `text` holds `stem` as written, not as the start of a "+" name ("엣지" is not in "엣지+"). */
function containsWord(text: string, stem: string): boolean {
  for (let at = text.indexOf(stem); at >= 0; at = text.indexOf(stem, at + 1)) {
    if (stem.endsWith('+') || text[at + stem.length] !== '+') return true;
  }
  return false;
}

/** One sentence or clause of a passage or claim, analysed once. */
interface Unit {
  text: string;
  start: number;
  end: number;
  tokens: Token[];
  quantities: Quantity[];
  /** foundIn results for this unit: passage units are reused across the sentences of an answer. */
  memo?: Map<string, boolean>;
  /** Where the tokens' offsets count from, when they are the claim's rather than this unit's (default 0). */
  base?: number;
}

function analyzeUnit(text: string, start: number, end: number): Unit {
  const slice = text.slice(start, end);
  const quantities = findQuantities(slice);
  // Units and approximations belong to their quantity, not to the words ("1시간가량", "410대다").
  const tokens = tokenize(slice).filter((token) => !quantities.some((quantity) => token.start >= quantity.start && token.start < quantity.end));
  return { text: slice, start, end, tokens, quantities };
}

/** Clause boundaries: a predicate with a connective ending ("넣었지만", "늘었고", "열리며", "옮겨졌으나"). */
const CLAUSE_END = /(고|며|지만|으나|는데|은데|면서|므로|니까)$/;

function clausesOf(unit: Unit): Unit[] {
  const clauses: Unit[] = [];
  let from = 0;
  unit.tokens.forEach((token, index) => {
    const last = index === unit.tokens.length - 1;
    // A clause ends at a connective ending, or at a sentence end inside the unit (a quoted speech of several sentences).
    const sentenceEnd = /^["'”’」』)]*[.?!…]/.test(unit.text.slice(token.end, token.end + 3));
    if (!last && (sentenceEnd || (!token.latin && !token.nounLike && token.surface.length >= 2 && CLAUSE_END.test(token.surface)))) {
      clauses.push(analyzeUnit(unit.text, from, token.end));
      from = token.end;
    }
  });
  clauses.push(analyzeUnit(unit.text, from, unit.text.length));
  return clauses.filter((clause) => clause.tokens.length > 0);
}

interface Passage {
  text: string;
  sentences: Unit[];
  /** Stems of the passage's topic: words of its first sentence and words it repeats. */
  topic: Set<string>;
}

// Passages repeat across the sentences of one answer: analyse each text once.
const passageCache = new Map<string, Passage>();
const PASSAGE_CACHE_SIZE = 64;

function analyzePassage(text: string): Passage {
  const cached = passageCache.get(text);
  if (cached) return cached;
  const sentences = splitSentences(text).map((span) => analyzeUnit(text, span.start, span.end));
  const counts = new Map<string, number>();
  for (const sentence of sentences) for (const token of sentence.tokens) counts.set(token.stem, (counts.get(token.stem) ?? 0) + 1);
  const topic = new Set<string>([...counts].filter(([, count]) => count >= 2).map(([stem]) => stem));
  for (const token of sentences[0]?.tokens ?? []) topic.add(token.stem);
  const passage = { text, sentences, topic };
  if (passageCache.size >= PASSAGE_CACHE_SIZE) passageCache.delete(passageCache.keys().next().value!);
  passageCache.set(text, passage);
  return passage;
}

const wholeCache = new Map<string, Unit>();

/** A title or related text as one unit, analysed once across the sentences of an answer. */
function analyzeWhole(text: string): Unit {
  let unit = wholeCache.get(text);
  if (!unit) {
    unit = analyzeUnit(text, 0, text.length);
    if (wholeCache.size >= PASSAGE_CACHE_SIZE) wholeCache.delete(wholeCache.keys().next().value!);
    wholeCache.set(text, unit);
  }
  return unit;
}

/** True when `stem` names the same thing as `other`, tolerating inflection ("만났" ~ "만나", "줄어든" ~ "줄었다", "바꾸지" ~ "바꾼다"). */
function looseMatch(stem: string, other: string): boolean {
  if (stem === other) return true;
  if (stem.endsWith('+') !== other.endsWith('+')) return false;
  if (stem.length >= 2 && other.includes(stem)) return true;
  if (other.length >= 2 && stem.includes(other) && (other.length >= stem.length - 1 || stem.endsWith(other))) return true;
  // Same first syllables, then one differing only in its final consonant: 만났/만나, 줄어/줄었, 바꾸/바꾼.
  let k = 0;
  while (k < stem.length && k < other.length && stem[k] === other[k]) k++;
  if (k >= 1 && k < stem.length && k < other.length && open(stem[k]!) === open(other[k]!)) return true;
  // An abbreviation keeps the first and last syllables in order: 서울시 ~ 서울특별시.
  if (stem.length >= 3 && other.length > stem.length && stem[0] === other[0] && stem[stem.length - 1] === other[other.length - 1] && isSubsequence(stem, other)) return true;
  const poles = polesOf(stem);
  if (poles.length > 0) {
    const otherPoles = polesOf(other);
    if (poles.some((pole) => otherPoles.some((o) => o.concept === pole.concept && o.pole === pole.pole))) return true;
  }
  return false;
}

function isSubsequence(short: string, long: string): boolean {
  let i = 0;
  for (const ch of long) if (ch === short[i]) i++;
  return i === short.length;
}

/** Bigrams of a unit's Hangul words, for compounds split differently ("법정구속" ~ "법정에서 구속"). */
function unitBigrams(unit: Unit): Set<string> {
  const set = new Set<string>();
  for (const token of unit.tokens) if (!token.latin) for (const pair of bigrams(token.stem)) set.add(pair);
  return set;
}

/** Whether a token is found in a unit: exactly for specific words, loosely for the rest. */
function foundIn(token: Token, unit: Unit, exact: boolean): boolean {
  const key = `${exact ? 1 : 0}${token.latin ? 1 : 0}${token.nounLike ? 1 : 0}${token.stem}`;
  unit.memo ??= new Map();
  let found = unit.memo.get(key);
  if (found === undefined) {
    found = findIn(token, unit, exact);
    unit.memo.set(key, found);
  }
  return found;
}

function findIn(token: Token, unit: Unit, exact: boolean): boolean {
  if (token.latin) return unit.tokens.some((other) => other.latin && other.stem === token.stem);
  if (containsWord(unit.text, token.stem)) return true;
  if (exact) return false;
  if (unit.tokens.some((other) => !other.latin && looseMatch(token.stem, other.stem))) return true;
  // Two predicate forms of one short root ("탔다" ~ "탔고").
  if (!token.nounLike && unit.tokens.some((other) => !other.nounLike && !other.latin && other.stem[0] === token.stem[0] && token.stem.length <= 3)) return true;
  if (token.stem.length < 3) return false;
  const pairs = bigrams(token.stem);
  const present = unitBigrams(unit);
  return pairs.filter((pair) => present.has(pair)).length / pairs.length >= 0.6;
}

/** Words that carry no checkable content of their own: fillers, negators (checked as polarity),
 *  evaluative and causal words (checked against the span by their own rule). */
const isFiller = (token: Token) =>
  FILLER_WORDS.has(token.stem) ||
  FILLER_WORDS.has(token.surface) ||
  (!token.latin && token.stem.length < 2) ||
  isNegation(token.surface) ||
  ONLY_MARKERS.includes(token.surface) ||
  EVALUATIVE_WORDS.includes(token.stem) ||
  CAUSAL_WORDS.some((word) => token.surface.startsWith(word));

interface Weighted {
  token: Token;
  weight: number;
  /** Must be found as written: a name (next to a title), a Latin word, an organisation. */
  strict: boolean;
  /** Must be found at all (loosely for rare words): a likely proper noun. */
  specific: boolean;
}

/** Predicates weigh at most like a word found in this share of documents. */
export const PREDICATE_WEIGHT_SHARE = 0.05;

/** A noun of three or more syllables held by at most this many documents (unknown to the corpus,
 *  or only in the cited article) is rare: a likely proper noun, which must be found on its own. */
export const RARE_MAX_DOCUMENTS = 1;

function weigh(tokens: Token[], terms: TermStatistics | undefined): Weighted[] {
  const trusted = terms !== undefined && terms.documentCount >= MIN_STATISTICS_DOCUMENTS;
  return tokens.map((token, index) => {
    const next = tokens[index + 1];
    const previous = tokens[index - 1];
    const nameShaped = !token.latin && !token.title && token.stem.length >= 2 && token.stem.length <= 4;
    // "김서연 사장": a 2–4 syllable word before a title is a person's name.
    const nameBeforeTitle = nameShaped && next?.title !== undefined && token.surface === token.stem;
    const organisation = !token.latin && token.nounLike && isOrganisationName(token.stem);
    // "엣지+", "S6+": a product name, compared as written.
    if (token.stem.endsWith('+')) return { token, weight: 1, strict: true, specific: true };
    if (!trusted) {
      const strict = (token.latin && token.stem.length >= 2) || nameBeforeTitle || organisation;
      return { token, weight: 1, strict, specific: strict };
    }
    const key = token.latin ? token.stem : wordTerm(token.stem);
    const df = terms!.documentFrequency(key);
    const n = terms!.documentCount;
    const idf = (count: number) => bm25Idf(n, count);
    // Inflected predicates are rare as whole words whatever their meaning: weigh them like a common word.
    const weight = token.nounLike ? idf(Math.max(df, 1)) : Math.min(idf(Math.max(df, 1)), idf(PREDICATE_WEIGHT_SHARE * n));
    const rare = !token.latin && token.nounLike && df <= RARE_MAX_DOCUMENTS && token.stem.length >= 3;
    // "감독 임하늘": a rare word after a title is a name too.
    const nameAfterTitle = nameShaped && previous?.title !== undefined && rare;
    const strict = (token.latin && token.stem.length >= 2) || nameBeforeTitle || nameAfterTitle || organisation;
    return { token, weight, strict, specific: strict || rare };
  });
}

const QUOTATIONS = /“([^”]+)”|"([^"]+)"|‘([^’]+)’|'([^']+)'|「([^」]+)」|『([^』]+)』/g;
const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

function dateQuantities(dates: string[] | undefined): Quantity[] {
  return (dates ?? []).flatMap((date) => findQuantities(date.replace(/^(\d{4})-(\d{2})-(\d{2})$/, (_m, y: string, m: string, d: string) => `${y}년 ${Number(m)}월 ${Number(d)}일`)));
}

/** A claim's date or day ("14일") agrees with its article's date. */
function matchesArticleDate(quantity: Quantity, dates: Quantity[]): boolean {
  return dates.some((date) => {
    if (quantity.unit === 'date') return quantitySupports(date, quantity);
    return quantity.unit === '일' && date.date?.day === quantity.value;
  });
}

/** Word positions of `stem` in a text's tokens. */
function positionsOf(tokens: Token[], token: Token): number[] {
  const positions: number[] = [];
  tokens.forEach((other, index) => {
    if (token.latin ? other.stem === token.stem : other.surface.includes(token.stem) || other.stem === token.stem) positions.push(index);
  });
  return positions;
}

/** Two claim words bound in one phrase stand within BINDING_WINDOW words in one source sentence. */
function boundTogether(a: Token, b: Token, sources: Unit[]): boolean {
  return sources.some((unit) => {
    const left = positionsOf(unit.tokens, a);
    const right = positionsOf(unit.tokens, b);
    return left.some((i) => right.some((j) => i !== j && Math.abs(i - j) <= BINDING_WINDOW));
  });
}

function fail(reason: string, base: Omit<SentenceCheck, 'supported' | 'reason'>): SentenceCheck {
  return { supported: false, reason, ...base };
}

/** Subject particles: the word before one is the clause's actor. */
const SUBJECT_PARTICLES = new Set(['은', '는', '이', '가', '께서']);
const roleOf = (token: Token): 'subject' | 'other' | undefined => {
  if (token.particle === '') return undefined;
  return SUBJECT_PARTICLES.has(token.particle) ? 'subject' : 'other';
};

/** Word positions of a unit that negate, skipping "only" constructions (…밖에 …않다). */
function negationPositions(unit: Unit): number[] {
  const positions: number[] = [];
  unit.tokens.forEach((token, index) => {
    if (!isNegation(token.surface)) return;
    if (ONLY_MARKERS.some((marker) => unit.text.slice(0, token.start - (unit.base ?? 0)).includes(marker))) return;
    positions.push(index);
  });
  return positions;
}

/** The words each negation negates: the word itself when glued ("바꾸지않"), else the nearest word before it that is not a filler ("지장이 없는" → 지장). */
function negationAnchors(unit: Unit): Token[] {
  const anchors: Token[] = [];
  for (const index of negationPositions(unit)) {
    const token = unit.tokens[index]!;
    if (/지(않|못)/.test(token.surface) && !token.surface.startsWith('않') && !token.surface.startsWith('못')) {
      anchors.push(token);
      continue;
    }
    for (let back = index - 1; back >= Math.max(0, index - 2); back--) {
      const candidate = unit.tokens[back]!;
      if (FILLER_WORDS.has(candidate.stem)) continue; // "할 수 없다": 수 negates nothing
      anchors.push(candidate);
      break;
    }
  }
  return anchors;
}

const sameWord = (a: Token, b: Token) => !a.latin && !b.latin && a.stem.length >= 2 && b.stem.length >= 2 && (looseMatch(a.stem, b.stem) || looseMatch(b.stem, a.stem));

/** True when `unit` negates a word matching `anchor`: a negation within 3 words after it. */
function negates(unit: Unit, anchor: Token): boolean {
  const negations = negationPositions(unit);
  return unit.tokens.some((token, index) => sameWord(token, anchor) && negations.some((at) => at >= index && at <= index + 3));
}

/** True when `unit` holds a word matching `anchor`. */
function mentions(unit: Unit, anchor: Token): boolean {
  return unit.tokens.some((other) => sameWord(other, anchor));
}

/** Claim words and quantities a unit shares with a claim unit. */
function shared(claimUnit: Unit, weighted: Weighted[], unit: Unit): { count: number; weight: number } {
  let count = 0;
  let weight = 0;
  for (const entry of weighted) {
    if (claimUnit.tokens.includes(entry.token) && foundIn(entry.token, unit, entry.strict)) {
      count++;
      // The same word as written counts double, so a clause pairs with its own wording.
      weight += unit.tokens.some((other) => other.surface === entry.token.surface) ? entry.weight * 2 : entry.weight;
    }
  }
  const average = weighted.length > 0 ? weighted.reduce((sum, entry) => sum + entry.weight, 0) / weighted.length : 1;
  for (const quantity of claimUnit.quantities) {
    if (quantity.unit !== '' && unit.quantities.some((source) => quantitySupports(source, quantity))) {
      count++;
      weight += average;
    }
  }
  return { count, weight };
}

/**
 * The sentences supporting a claim: greedily, the one covering the most claim weight (words
 * and quantities), then up to MAX_SPAN_SENTENCES − 1 more while each adds SPAN_ADD_MIN of the
 * claim or one of its amounts with its unit. In the order picked, best first.
 */
function align(claim: Unit, weighted: Weighted[], sentences: Unit[], unitWeight: number): Unit[] {
  const totalWithQuantities = weighted.reduce((sum, entry) => sum + entry.weight, 0) + claim.quantities.length * unitWeight;
  const chosen: Unit[] = [];
  const covered = new Set<number>();
  const coveredQuantities = new Set<number>();
  for (let round = 0; round < MAX_SPAN_SENTENCES; round++) {
    let pick: { sentence: Unit; gain: number; tokens: number[]; quantities: number[] } | undefined;
    for (const sentence of sentences) {
      if (chosen.includes(sentence)) continue;
      const tokens: number[] = [];
      let gain = 0;
      weighted.forEach((entry, index) => {
        if (!covered.has(index) && foundIn(entry.token, sentence, entry.strict)) {
          tokens.push(index);
          gain += entry.weight;
        }
      });
      const quantities: number[] = [];
      claim.quantities.forEach((quantity, index) => {
        // A bare number alone does not tie a sentence to the claim; one with its unit does.
        if (coveredQuantities.has(index) || (quantity.unit === '' && tokens.length === 0)) return;
        if (sentence.quantities.some((source) => quantitySupports(source, quantity))) quantities.push(index);
      });
      gain += quantities.length * unitWeight;
      if (!pick || gain > pick.gain) pick = { sentence, gain, tokens, quantities };
    }
    if (!pick || pick.gain <= 0) break;
    if (round > 0 && pick.gain < SPAN_ADD_MIN * totalWithQuantities && pick.quantities.length === 0) break;
    chosen.push(pick.sentence);
    for (const index of pick.tokens) covered.add(index);
    for (const index of pick.quantities) coveredQuantities.add(index);
  }
  return chosen;
}

/**
 * Checks one answer sentence (markers already removed) against the texts of the passages
 * it cites. See the file comment for the rules.
 */
export function checkClaim(claimText: string, passageTexts: string[], context: CheckContext = {}): SentenceCheck {
  const claim = analyzeUnit(claimText, 0, claimText.length);
  const passages = passageTexts.map(analyzePassage);
  const titles = (context.titles ?? []).map(analyzeWhole);
  const related = [...titles, ...(context.related ?? []).map(analyzeWhole)];
  const weighted = weigh(claim.tokens, context.terms).filter((entry) => !isFiller(entry.token));
  const total = weighted.reduce((sum, entry) => sum + entry.weight, 0);
  const unitWeight = weighted.length > 0 ? total / weighted.length : 1;

  // 1. Align: the sentences of the cited passages (together: a sentence citing two passages may
  // join a fact of each) that cover the most claim weight.
  const cited: Passage = { text: '', sentences: passages.flatMap((p) => p.sentences), topic: new Set(passages.flatMap((p) => [...p.topic])) };
  const passageOf = (unit: Unit) => passages.findIndex((p) => p.sentences.includes(unit));
  const spanUnits = align(claim, weighted, cited.sentences, unitWeight);
  const bestPassage = spanUnits.length > 0 ? passageOf(spanUnits[0]!) : -1;
  const base = {
    missing: [] as string[],
    unmatched: [] as string[],
    coverage: 1,
    passage: bestPassage,
    // Offsets in the passage of the best sentence (the first picked); others come from the same or another cited passage.
    span: spanUnits.filter((unit) => passageOf(unit) === bestPassage).sort((a, b) => a.start - b.start).map((unit) => ({ start: unit.start, end: unit.end })),
  };
  if (weighted.length === 0 && claim.quantities.length === 0) return { supported: true, ...base };
  if (spanUnits.length === 0) {
    base.coverage = 0;
    base.unmatched = weighted.map((entry) => entry.token.stem);
    return fail('인용한 기사에서 근거 문장을 찾지 못했습니다', base);
  }
  const passage = cited;
  const spanText = spanUnits.map((unit) => unit.text).join(' ');
  const span: Unit = { text: spanText, start: 0, end: spanText.length, tokens: spanUnits.flatMap((unit) => unit.tokens), quantities: spanUnits.flatMap((unit) => unit.quantities) };
  const isTopic = (token: Token) => passage.topic.has(token.stem) || titles.some((title) => foundIn(token, title, true));
  const reasons: string[] = [];

  // 2a. Quantities: each agrees with one of the span, or dates the event by its article.
  const articleDates = dateQuantities(context.dates);
  for (const quantity of claim.quantities) {
    if (span.quantities.some((source) => quantitySupports(source, quantity))) continue;
    if (matchesArticleDate(quantity, articleDates)) continue;
    base.missing.push(quantity.text);
    reasons.push(`근거 문장과 다른 수치: "${quantity.text}"`);
  }

  // 2b. Quotations are found verbatim in a cited passage.
  for (const match of claimText.matchAll(QUOTATIONS)) {
    const quoted = collapse(match.slice(1).find((group) => group !== undefined) ?? '').replace(/[.,]+$/, '');
    if (quoted.length >= 2 && !passages.some((p) => collapse(p.text).includes(quoted))) {
      base.missing.push(match[0]);
      reasons.push(`기사에 없는 인용문: ${match[0]}`);
    }
  }

  // 2c. Specific words: in the span, or the passage's topic, or (for names) its article's title and chunks.
  // A name or rare word found only in another sentence of the passage than the one its
  // clause rests on is attributed to the wrong fact ("소방당국은 … 원인을 조사" when police investigate).
  const contextUnits = [...passages.flatMap((p) => p.sentences), ...related];
  const claimClauses = clausesOf(claim);
  const clauseOf = (token: Token) => claimClauses.find((clause) => clause.tokens.some((other) => other.start + clause.start === token.start)) ?? claim;
  // The span sentence that best supports the rest of a word's clause.
  const primaryOf = (clause: Unit, without: Token): Unit | undefined => {
    const clauseTokens = (clause === claim ? claim.tokens : claim.tokens.filter((token) => token.start >= clause.start && token.end <= clause.end)).filter((token) => token !== without);
    const local: Unit = { ...clause, tokens: clauseTokens };
    let bestUnit: Unit | undefined;
    let bestWeight = 0;
    for (const unit of spanUnits) {
      const { weight } = shared(local, weighted, unit);
      if (weight > bestWeight) {
        bestUnit = unit;
        bestWeight = weight;
      }
    }
    return bestUnit;
  };
  for (const entry of weighted) {
    const { token } = entry;
    if (!entry.specific) continue;
    const inPassage = passage.sentences.some((sentence) => foundIn(token, sentence, entry.strict));
    if (inPassage && !isTopic(token)) {
      const primary = primaryOf(clauseOf(token), token);
      if (primary && !foundIn(token, primary, entry.strict)) {
        base.missing.push(token.stem);
        reasons.push(`"${token.stem}"은(는) 근거 문장이 아닌 다른 문장의 내용입니다`);
      }
      continue;
    }
    if (foundIn(token, span, entry.strict)) continue;
    if (inPassage && isTopic(token)) continue;
    if (!inPassage && related.some((unit) => foundIn(token, unit, true))) continue;
    base.missing.push(token.latin ? token.surface : token.stem);
    reasons.push(inPassage ? `"${token.stem}"은(는) 근거 문장이 아닌 다른 문장의 내용입니다` : `"${token.stem}"이(가) 인용한 기사에 없습니다`);
  }

  // "S6 엣지" where the source says "S6 엣지+": the bare word names another product.
  for (const entry of weighted) {
    const { token } = entry;
    if (!token.stem.endsWith('+') && span.text.includes(`${token.stem}+`) && !containsWord(span.text, token.stem)) {
      base.missing.push(token.surface);
      reasons.push(`"${token.stem}"은(는) 기사의 "${token.stem}+"와 다른 이름입니다`);
    }
  }

  // 2d. Bound words: a name and its title or affiliation stand together in the source.
  const strictOf = (t: Token) => weighted.find((entry) => entry.token === t);
  for (let i = 0; i + 1 < claim.tokens.length; i++) {
    const a = claim.tokens[i]!;
    const b = claim.tokens[i + 1]!;
    const boundable = (t: Token) => !isFiller(t) && (t.title !== undefined || strictOf(t)?.specific === true);
    if (!boundable(a) || !boundable(b) || (a.title && b.title)) continue;
    // Only a noun phrase binds: the first word takes no particle, or 의.
    if (a.surface !== a.stem && !a.surface.endsWith('의') && !a.latin) continue;
    if (claimText.slice(a.end, b.start).trim() !== '') continue;
    const aFound = contextUnits.some((unit) => foundIn(a, unit, true));
    const bFound = contextUnits.some((unit) => foundIn(b, unit, true));
    // "최민아 다온반도체 대표" where the source says 부사장: a title bound to a known name must be its title.
    if (b.title && aFound && !bFound && strictOf(a)?.specific) {
      base.missing.push(`${a.stem} ${b.stem}`);
      reasons.push(`"${a.stem} ${b.stem}"의 직함이 기사와 다릅니다`);
      continue;
    }
    if (!aFound || !bFound) continue;
    if (!boundTogether(a, b, contextUnits)) {
      base.missing.push(`${a.stem} ${b.stem}`);
      reasons.push(`"${a.stem} ${b.stem}"의 관계가 기사와 다릅니다`);
    }
  }

  // 2e. Coverage of the other words in the span (topic words may come from anywhere in the passage).
  let found = 0;
  for (const entry of weighted) {
    if (foundIn(entry.token, span, entry.strict) || isTopic(entry.token)) found += entry.weight;
    else if (!entry.specific) base.unmatched.push(entry.token.stem);
  }
  // Claimed quantities the span supports count as found content too.
  const quantityWeight = claim.quantities.filter((quantity) => quantity.unit !== '').length * unitWeight;
  const quantityFound = claim.quantities.filter((quantity) => quantity.unit !== '' && span.quantities.some((source) => quantitySupports(source, quantity))).length * unitWeight;
  base.coverage = total + quantityWeight === 0 ? 1 : (found + quantityFound) / (total + quantityWeight);
  if (base.coverage < COVERAGE_MIN) reasons.push('근거 문장과 겹치는 내용이 적습니다');

  // 2f. Polarity: a word negated on one side is negated on the other (within the clauses that
  // state the same fact), antonym poles agree with the span, and actors are not swapped.
  const spanClauses = spanUnits.flatMap(clausesOf);
  const claimClauseUnits = claimClauses.map((clause) => ({ ...clause, base: clause.start, memo: new Map(), tokens: claim.tokens.filter((token) => token.start >= clause.start && token.end <= clause.end) }));
  // A claim clause is compared with the span clauses it matches best, and with those that match it
  // best: two clauses of one sentence may state opposite things about the same word.
  const bestClaimClause = new Map<Unit, Unit | undefined>();
  for (const candidate of spanClauses) {
    let bestClause: Unit | undefined;
    let bestWeight = 0;
    for (const clause of claimClauseUnits) {
      const { weight } = shared(clause, weighted, candidate);
      if (weight > bestWeight) {
        bestClause = clause;
        bestWeight = weight;
      }
    }
    bestClaimClause.set(candidate, bestClause);
  }
  const pairedWith = (clause: Unit): Unit[] => {
    const words = weighted.filter((entry) => clause.tokens.includes(entry.token)).length + clause.quantities.length;
    const related = spanClauses.filter((candidate) => shared(clause, weighted, candidate).count >= Math.min(2, words));
    let best: Unit | undefined;
    let bestWeight = 0;
    for (const candidate of related) {
      const { weight } = shared(clause, weighted, candidate);
      if (weight > bestWeight) {
        best = candidate;
        bestWeight = weight;
      }
    }
    const mutual = related.filter((candidate) => bestClaimClause.get(candidate) === clause);
    return mutual.length > 0 ? mutual : best ? [best] : [];
  };
  const polarity = (() => {
    for (const clause of claimClauseUnits) {
      const related = pairedWith(clause);
      for (const anchor of negationAnchors(clause)) {
        const stating = related.filter((candidate) => mentions(candidate, anchor));
        if (stating.length > 0 && !stating.some((candidate) => negates(candidate, anchor))) return '근거 문장과 긍정·부정이 반대입니다';
      }
      for (const candidate of related) {
        for (const anchor of negationAnchors(candidate)) {
          if (mentions(clause, anchor) && !negates(clause, anchor)) return '근거 문장과 긍정·부정이 반대입니다';
        }
      }
      // Swapped actors: the claim's subject is a non-subject in the source while the source's subject is a non-subject in the claim.
      const claimSubject = clause.tokens.find((token) => roleOf(token) === 'subject' && !isFiller(token));
      for (const candidate of related) {
        const sourceSubject = candidate.tokens.find((token) => roleOf(token) === 'subject' && !isFiller(token));
        if (!claimSubject || !sourceSubject || claimSubject.stem === sourceSubject.stem) continue;
        const claimInSource = candidate.tokens.find((token) => token.stem === claimSubject.stem);
        const sourceInClaim = clause.tokens.find((token) => token.stem === sourceSubject.stem);
        if (claimInSource && sourceInClaim && roleOf(claimInSource) === 'other' && roleOf(sourceInClaim) === 'other') return '근거 문장과 주체와 대상이 뒤바뀌었습니다';
      }
    }
    // Antonym poles: against the clauses stating the same fact, else the whole span.
    for (const clause of claimClauseUnits) {
      const related = pairedWith(clause);
      for (const token of clause.tokens) {
        for (const { concept, pole } of polesOf(token.surface)) {
          const near = related.flatMap((candidate) => candidate.tokens.flatMap((other) => polesOf(other.surface))).filter((other) => other.concept === concept);
          const sources = near.length > 0 ? near : span.tokens.flatMap((other) => polesOf(other.surface)).filter((other) => other.concept === concept);
          if (sources.length > 0 && sources.every((other) => other.pole !== pole)) return '근거 문장과 반대되는 내용입니다';
        }
      }
    }
    return undefined;
  })();
  if (polarity) reasons.push(polarity);

  // 2g. Evaluative and causal words need the span's backing.
  const hasWord = (text: string, word: string) => new RegExp(`(^|[^가-힣])${word}`).test(text);
  const evaluative = EVALUATIVE_WORDS.find((word) => hasWord(claimText, word) && !hasWord(spanText, word));
  if (evaluative) reasons.push(`기사에 없는 평가: "${evaluative}"`);
  const causal = (unit: Unit) => CAUSAL_WORDS.some((word) => unit.tokens.some((token) => token.surface.startsWith(word) || token.surface.endsWith(word)));
  if (causal(claim) && !causal(span)) reasons.push('기사는 원인이나 이유를 이렇게 말하지 않습니다');

  return reasons.length === 0 ? { supported: true, ...base } : fail(reasons[0]!, base);
}
