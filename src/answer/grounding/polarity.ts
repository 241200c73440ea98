// Polarity: a word negated on one side is negated on the other (within the clauses that
// state the same fact), antonym poles agree with the span, and actors are not swapped.
import type { Evidence } from './evidence.js';
import { FILLER_WORDS, ONLY_MARKERS, isNegation, polesOf } from './lexicon.js';
import { looseMatch } from './match.js';
import type { Token } from './tokenize.js';
import { clausesOf, type Unit } from './units.js';
import { bestOf, bestShared, isFiller, shared, type Weighted } from './weigh.js';

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
    const token = unit.tokens[index];
    if (token && /지(않|못)/.test(token.surface) && !token.surface.startsWith('않') && !token.surface.startsWith('못')) {
      anchors.push(token);
      continue;
    }
    // "할 수 없다": 수 negates nothing.
    const anchor = unit.tokens.slice(Math.max(0, index - 2), index).findLast((candidate) => !FILLER_WORDS.has(candidate.stem));
    if (anchor) anchors.push(anchor);
  }
  return anchors;
}

const sameWord = (a: Token, b: Token) =>
  !a.latin && !b.latin && a.stem.length >= 2 && b.stem.length >= 2 && (looseMatch(a.stem, b.stem) || looseMatch(b.stem, a.stem));

/** True when `unit` negates a word matching `anchor`: a negation within 3 words after it. */
function negates(unit: Unit, anchor: Token): boolean {
  const negations = negationPositions(unit);
  return unit.tokens.some((token, index) => sameWord(token, anchor) && negations.some((at) => at >= index && at <= index + 3));
}

/** True when `unit` holds a word matching `anchor`. */
function mentions(unit: Unit, anchor: Token): boolean {
  return unit.tokens.some((other) => sameWord(other, anchor));
}

/**
 * The span clauses each claim clause is compared with: those it matches best and those that
 * match it best, since two clauses of one sentence may state opposite things about the same word.
 */
function pairClauses(claimClauses: Unit[], spanClauses: Unit[], weighted: Weighted[]): Map<Unit, Unit[]> {
  const bestClaimClause = new Map(
    spanClauses.map((candidate) => [candidate, bestOf(claimClauses, (clause) => shared(clause, weighted, candidate).weight)]),
  );
  const pairs = new Map<Unit, Unit[]>();
  for (const clause of claimClauses) {
    const words = weighted.filter((entry) => clause.tokens.includes(entry.token)).length + clause.quantities.length;
    const related = spanClauses.filter((candidate) => shared(clause, weighted, candidate).count >= Math.min(2, words));
    const best = bestShared(clause, weighted, related);
    const mutual = related.filter((candidate) => bestClaimClause.get(candidate) === clause);
    pairs.set(clause, mutual.length > 0 ? mutual : best ? [best] : []);
  }
  return pairs;
}

/** A negated word on one side that the other states plainly. */
function negationDiffers(clause: Unit, related: Unit[]): boolean {
  for (const anchor of negationAnchors(clause)) {
    const stating = related.filter((candidate) => mentions(candidate, anchor));
    if (stating.length > 0 && !stating.some((candidate) => negates(candidate, anchor))) return true;
  }
  return related.some((candidate) => negationAnchors(candidate).some((anchor) => mentions(clause, anchor) && !negates(clause, anchor)));
}

/** Swapped actors: the claim's subject is a non-subject in the source while the source's subject is a non-subject in the claim. */
function actorsSwapped(clause: Unit, related: Unit[]): boolean {
  const claimSubject = clause.tokens.find((token) => roleOf(token) === 'subject' && !isFiller(token));
  if (!claimSubject) return false;
  return related.some((candidate) => {
    const sourceSubject = candidate.tokens.find((token) => roleOf(token) === 'subject' && !isFiller(token));
    if (!sourceSubject || claimSubject.stem === sourceSubject.stem) return false;
    const claimInSource = candidate.tokens.find((token) => token.stem === claimSubject.stem);
    const sourceInClaim = clause.tokens.find((token) => token.stem === sourceSubject.stem);
    return (
      claimInSource !== undefined && sourceInClaim !== undefined && roleOf(claimInSource) === 'other' && roleOf(sourceInClaim) === 'other'
    );
  });
}

/** Antonym poles: against the clauses stating the same fact, else the whole span. */
function polesDiffer(clause: Unit, related: Unit[], span: Unit): boolean {
  return clause.tokens.some((token) =>
    polesOf(token.surface).some(({ concept, pole }) => {
      const near = related
        .flatMap((candidate) => candidate.tokens.flatMap((other) => polesOf(other.surface)))
        .filter((other) => other.concept === concept);
      const sources =
        near.length > 0 ? near : span.tokens.flatMap((other) => polesOf(other.surface)).filter((other) => other.concept === concept);
      return sources.length > 0 && sources.every((other) => other.pole !== pole);
    }),
  );
}

/** Why the claim's polarity differs from its span's, in Korean, or undefined. */
export function polarityReason(evidence: Evidence): string | undefined {
  const { claim, weighted } = evidence;
  const spanClauses = evidence.spanUnits.flatMap(clausesOf);
  const claimClauses = evidence.claimClauses.map((clause) => ({
    ...clause,
    base: clause.start,
    memo: new Map<string, boolean>(),
    tokens: claim.tokens.filter((token) => token.start >= clause.start && token.end <= clause.end),
  }));
  const pairs = pairClauses(claimClauses, spanClauses, weighted);
  const relatedOf = (clause: Unit) => pairs.get(clause) ?? [];
  for (const clause of claimClauses) {
    if (negationDiffers(clause, relatedOf(clause))) return '근거 문장과 긍정·부정이 반대입니다';
    if (actorsSwapped(clause, relatedOf(clause))) return '근거 문장과 주체와 대상이 뒤바뀌었습니다';
  }
  if (claimClauses.some((clause) => polesDiffer(clause, relatedOf(clause), evidence.span))) return '근거 문장과 반대되는 내용입니다';
  return undefined;
}
