// How much of one text reaches another: the measure behind the HTML reader's fallback and
// warnings, and behind the tests that hold it to keeping what a reader of the page sees.

/** Words: runs of letters, digits and combining marks (punctuation and spacing never count). */
function words(text: string): string[] {
  return text.normalize('NFC').toLowerCase().match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];
}

/**
 * Share of `reference`'s characters (counted as words, weighted by length) that also occur in
 * `candidate`, as a multiset: a word found twice in the reference must be found twice. Order is
 * ignored, so moving a paragraph costs nothing and losing one costs its length. 1 for an empty
 * reference.
 */
export function textCoverage(reference: string, candidate: string): number {
  const available = new Map<string, number>();
  for (const word of words(candidate)) available.set(word, (available.get(word) ?? 0) + 1);
  let total = 0;
  let kept = 0;
  for (const word of words(reference)) {
    total += word.length;
    const left = available.get(word) ?? 0;
    if (left > 0) {
      kept += word.length;
      available.set(word, left - 1);
    }
  }
  return total === 0 ? 1 : kept / total;
}

/** Visible characters of a text (letters, digits, marks), for size comparisons. */
export function visibleLength(text: string): number {
  return words(text).reduce((sum, word) => sum + word.length, 0);
}
