// A step of a numbered procedure ("3. 쿠폰 코드 12자리를 입력하고 [등록]을 누릅니다.") cannot be
// followed alone: asked how to do something, a help page's answer is the procedure. The steps are
// found in the passage's own lines and quoted as they are, each a candidate sentence of its own.
import type { Candidate } from './candidates.js';

/** A numbered step line: "1. …", "2) …". */
const STEP = /^\s*(\d{1,2})[.)]\s+\S/;
/** At most this many steps are quoted. */
const MAX_STEPS = 5;

interface Line {
  start: number;
  end: number;
  step?: number;
}

/** The non-blank lines of `text` (a loose Markdown list puts a blank line between its items). */
function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    const number = STEP.exec(line)?.[1];
    if (line.trim() !== '') lines.push({ start, end: start + line.length, ...(number !== undefined ? { step: Number(number) } : {}) });
    start += line.length + 1;
  }
  return lines;
}

/** True when a candidate's sentence lies within `line` of `chunk` and is no bare marker ("2."). */
function inLine(candidate: Candidate, chunk: Candidate['hit']['chunk'], line: Line): boolean {
  return candidate.start >= chunk.start + line.start && candidate.end <= chunk.start + line.end && candidate.kind !== 'fragment';
}

/**
 * The steps of the numbered list `first` stands in, from step 1, as candidates: the whole list when
 * it fits in `maxChars`, else the steps up to `first`. Undefined when `first` is no step, a step's
 * sentence is not among the candidates, or even the steps up to it do not fit.
 */
export function procedureSteps(first: Candidate, candidates: Candidate[], maxChars: number): Candidate[] | undefined {
  const chunk = first.hit.chunk;
  const lines = linesOf(chunk.text);
  const offset = first.start - chunk.start;
  const at = lines.findIndex((line) => line.start <= offset && offset < line.end);
  if (at < 0 || lines[at]!.step === undefined) return undefined;
  // The list: consecutive numbered lines counting up from 1 around `first`.
  let top = at;
  while (top > 0 && lines[top - 1]!.step === lines[top]!.step! - 1) top--;
  if (lines[top]!.step !== 1) return undefined;
  let bottom = at;
  while (bottom + 1 < lines.length && lines[bottom + 1]!.step === lines[bottom]!.step! + 1) bottom++;
  const sentencesOf = (from: number, to: number): Candidate[] | undefined => {
    const chosen: Candidate[] = [];
    for (let i = from; i <= to; i++) {
      const line = lines[i]!;
      const own = candidates.filter((candidate) => candidate.hit.article.id === first.hit.article.id && inLine(candidate, chunk, line));
      if (own.length === 0) return undefined;
      chosen.push(...own.sort((a, b) => a.start - b.start));
    }
    return chosen;
  };
  const fits = (steps: Candidate[] | undefined) =>
    steps !== undefined && steps.length <= MAX_STEPS && steps.reduce((sum, step) => sum + step.text.length, 0) <= maxChars;
  const whole = sentencesOf(top, bottom);
  if (fits(whole)) return whole;
  const upTo = sentencesOf(top, at);
  return fits(upTo) ? upTo : undefined;
}

/**
 * The sentence that closes a paragraph right before a numbered list ("대신 찾게 하려면 인증번호를
 * 공유하면 됩니다." then "1. …"), with the list's steps: asked how, the lead-in says what to do and the
 * steps how. Undefined when `first` does not end the line before step 1, or the whole does not fit.
 */
export function leadInWithSteps(first: Candidate, candidates: Candidate[], maxChars: number): Candidate[] | undefined {
  const chunk = first.hit.chunk;
  const lines = linesOf(chunk.text);
  const end = first.end - chunk.start;
  const at = lines.findIndex((line) => line.start < end && end <= line.end);
  const line = lines[at];
  const next = lines[at + 1];
  if (!line || line.step !== undefined || chunk.text.slice(end, line.end).trim() !== '' || next?.step !== 1) return undefined;
  const step = candidates.find((candidate) => candidate.hit.chunk.id === chunk.id && inLine(candidate, chunk, next));
  const steps = step && procedureSteps(step, candidates, maxChars - first.text.length);
  return steps ? [first, ...steps] : undefined;
}
