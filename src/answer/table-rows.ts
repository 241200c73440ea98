// A table row of a help page read with its header: "| 플러스 | 6,900원 | 24시간 연속 녹화 |" states a
// monthly price only under the header "| 요금제 | 월 요금 | 녹화 방식 |". Markdown tables put the header
// right above the delimiter row (|---|---|), the body rows below it.
import type { Candidate } from './candidates.js';

const DELIMITER_ROW = /^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;

/** The header line of the table a body row belongs to, or undefined for a sentence that is no table row. */
export function tableHeaderOf(candidate: Candidate): string | undefined {
  if (!candidate.text.startsWith('|')) return undefined;
  const chunk = candidate.hit.chunk;
  const lines = chunk.text.slice(0, Math.max(0, candidate.start - chunk.start)).split('\n');
  // Walk up over the body rows above, to the delimiter; its line above is the header. The last line is
  // the row's own start; a blank line above it ends the table (an earlier table's header is not its).
  for (let i = lines.length - 2; i >= 1; i--) {
    const line = lines[i]!.trim();
    if (!line.startsWith('|')) return undefined;
    if (!DELIMITER_ROW.test(line)) continue;
    const header = lines[i - 1]!.trim();
    return header.startsWith('|') ? header : undefined;
  }
  return undefined;
}

/** Whether `candidate` is a table row whose first cell the question names ("필스너 … 언제 마실 수 있어요?" and
 *  "| 필스너 | 12℃ | 14일 |"): the row is that thing's, as a code's row is the code's. */
export function isRowNamedBy(question: string, candidate: Candidate): boolean {
  if (tableHeaderOf(candidate) === undefined) return false;
  const key = (candidate.text.split('|')[1] ?? '').replace(/\s+/g, '');
  return /[가-힣A-Za-z]{2}/.test(key) && question.replace(/\s+/g, '').includes(key);
}
