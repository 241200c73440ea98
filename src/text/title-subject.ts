// Whether two news articles are about the same subject, from their headlines' words: monthly
// statistics ("6월 외국인 관광객 171만 명…" / "7월 외국인 관광객 185만 명…"), a company's
// quarters, a first report and its update. Such look-alikes differ by time, which the
// question's time then chooses between.
import { isWordTerm } from './tokens.js';

/** Most headline words shared: at least two, and 40% of the shorter headline's words. */
export function sameSubject(leftTerms: Iterable<string>, rightTerms: Iterable<string>): boolean {
  const left = [...leftTerms].filter(isWordTerm);
  const right = new Set([...rightTerms].filter(isWordTerm));
  const shared = left.filter((term) => right.has(term)).length;
  return shared >= 2 && shared / Math.max(1, Math.min(left.length, right.size)) >= 0.4;
}
