// Sentences and clauses of passages and claims, each analysed once into words and
// quantities; passages and titles repeat across the sentences of one answer, so their
// analyses are kept in small caches.
import { findQuantities, type Quantity } from '../../text/quantity.js';
import { splitSentences } from '../../text/sentences.js';
import { tokenize, type Token } from './tokenize.js';

/** One sentence or clause of a passage or claim, analysed once. */
export interface Unit {
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

export function analyzeUnit(text: string, start: number, end: number): Unit {
  const slice = text.slice(start, end);
  const quantities = findQuantities(slice);
  // Units and approximations belong to their quantity, not to the words ("1시간가량", "410대다").
  const tokens = tokenize(slice).filter(
    (token) => !quantities.some((quantity) => token.start >= quantity.start && token.start < quantity.end),
  );
  return { text: slice, start, end, tokens, quantities };
}

/** Clause boundaries: a predicate with a connective ending ("넣었지만", "늘었고", "열리며", "옮겨졌으나"). */
const CLAUSE_END = /(고|며|지만|으나|는데|은데|면서|므로|니까)$/;

export function clausesOf(unit: Unit): Unit[] {
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

export interface Passage {
  text: string;
  sentences: Unit[];
  /** Stems of the passage's topic: words of its first sentence and words it repeats. */
  topic: Set<string>;
}

/** Analyses kept per cache: the passages and titles of a few answers. */
const CACHE_SIZE = 64;
const passageCache = new Map<string, Passage>();
const wholeCache = new Map<string, Unit>();

/** Looks `text` up in `cache`, else analyses and keeps it (dropping the oldest entry when full). */
function cached<T>(cache: Map<string, T>, text: string, analyse: (text: string) => T): T {
  const known = cache.get(text);
  if (known) return known;
  const value = analyse(text);
  if (cache.size >= CACHE_SIZE) {
    const oldest = cache.keys().next();
    if (!oldest.done) cache.delete(oldest.value);
  }
  cache.set(text, value);
  return value;
}

export function analyzePassage(text: string): Passage {
  return cached(passageCache, text, () => {
    const sentences = splitSentences(text).map((span) => analyzeUnit(text, span.start, span.end));
    const counts = new Map<string, number>();
    for (const sentence of sentences) for (const token of sentence.tokens) counts.set(token.stem, (counts.get(token.stem) ?? 0) + 1);
    const topic = new Set<string>([...counts].filter(([, count]) => count >= 2).map(([stem]) => stem));
    for (const token of sentences[0]?.tokens ?? []) topic.add(token.stem);
    return { text, sentences, topic };
  });
}

/** A title or related text as one unit, analysed once across the sentences of an answer. */
export function analyzeWhole(text: string): Unit {
  return cached(wholeCache, text, () => analyzeUnit(text, 0, text.length));
}
