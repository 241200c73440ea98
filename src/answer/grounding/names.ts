// Checks of the claim's specific words (names, rare words, Latin words, organisations):
// each is found where the claim rests, a bare name is not a "+" product's, and words bound
// in one phrase ("울림FC 오세진 감독") stand together in the source.
import { isTopic, type Evidence, type Finding } from './evidence.js';
import { foundIn } from './match.js';
import { containsWord, type Token } from './tokenize.js';
import type { Unit } from './units.js';
import { bestShared, isFiller } from './weigh.js';

/** Words apart within which two bound words of a claim must stand in the source. */
const BINDING_WINDOW = 3;

/** The span sentence that best supports the rest of `token`'s clause. */
function primarySentenceOf(evidence: Evidence, token: Token): Unit | undefined {
  const { claim, claimClauses, weighted, spanUnits } = evidence;
  const clause = claimClauses.find((candidate) => candidate.tokens.some((other) => other.start + candidate.start === token.start)) ?? claim;
  const clauseTokens =
    clause === claim ? claim.tokens : claim.tokens.filter((other) => other.start >= clause.start && other.end <= clause.end);
  return bestShared({ ...clause, tokens: clauseTokens.filter((other) => other !== token) }, weighted, spanUnits);
}

/**
 * Specific words: in the span, or the passage's topic, or (for names) its article's title and
 * chunks. A name or rare word found only in another sentence of the passage than the one its
 * clause rests on is attributed to the wrong fact ("소방당국은 … 원인을 조사" when police investigate).
 */
export function checkSpecificWords(evidence: Evidence): Finding[] {
  const findings: Finding[] = [];
  for (const { token, strict, specific } of evidence.weighted) {
    if (!specific) continue;
    const inPassage = evidence.cited.sentences.some((sentence) => foundIn(token, sentence, strict));
    const topic = isTopic(evidence, token);
    const elsewhere = { missing: token.stem, reason: `"${token.stem}"은(는) 근거 문장이 아닌 다른 문장의 내용입니다` };
    if (inPassage && !topic) {
      const primary = primarySentenceOf(evidence, token);
      if (primary && !foundIn(token, primary, strict)) findings.push(elsewhere);
      continue;
    }
    if (foundIn(token, evidence.span, strict) || inPassage) continue;
    if (evidence.related.some((unit) => foundIn(token, unit, true))) continue;
    findings.push({ missing: token.latin ? token.surface : token.stem, reason: `"${token.stem}"이(가) 인용한 기사에 없습니다` });
  }
  return findings;
}

/** "S6 엣지" where the source says "S6 엣지+": the bare word names another product. */
export function checkPlusNames(evidence: Evidence): Finding[] {
  const spanText = evidence.span.text;
  return evidence.weighted
    .filter(({ token }) => !token.stem.endsWith('+') && spanText.includes(`${token.stem}+`) && !containsWord(spanText, token.stem))
    .map(({ token }) => ({ missing: token.surface, reason: `"${token.stem}"은(는) 기사의 "${token.stem}+"와 다른 이름입니다` }));
}

/** Word positions of `token` in a text's tokens. */
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

/** Bound words: a name and its title or affiliation stand together in the source. */
export function checkBoundWords(evidence: Evidence): Finding[] {
  const { claim, claimText, weighted } = evidence;
  const sources = [...evidence.passages.flatMap((p) => p.sentences), ...evidence.related];
  const isSpecific = (token: Token) => weighted.find((entry) => entry.token === token)?.specific === true;
  const boundable = (token: Token) => !isFiller(token) && (token.title !== undefined || isSpecific(token));
  const findings: Finding[] = [];
  claim.tokens.forEach((a, index) => {
    const b = claim.tokens[index + 1];
    if (!b || !boundable(a) || !boundable(b) || (a.title && b.title)) return;
    // Only a noun phrase binds: the first word takes no particle, or 의.
    if (a.surface !== a.stem && !a.surface.endsWith('의') && !a.latin) return;
    if (claimText.slice(a.end, b.start).trim() !== '') return;
    const aFound = sources.some((unit) => foundIn(a, unit, true));
    const bFound = sources.some((unit) => foundIn(b, unit, true));
    // "최민아 다온반도체 대표" where the source says 부사장: a title bound to a known name must be its title.
    if (b.title && aFound && !bFound && isSpecific(a))
      findings.push({ missing: `${a.stem} ${b.stem}`, reason: `"${a.stem} ${b.stem}"의 직함이 기사와 다릅니다` });
    else if (aFound && bFound && !boundTogether(a, b, sources))
      findings.push({ missing: `${a.stem} ${b.stem}`, reason: `"${a.stem} ${b.stem}"의 관계가 기사와 다릅니다` });
  });
  return findings;
}
