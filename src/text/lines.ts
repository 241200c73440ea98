// Lines of a passage: what a sentence's own line says about it (a caption, a table row read with the
// line after it) and the heading a help page puts over it.

/** The line after the one that ends at `end`; undefined at the end of the text. */
export function lineAfter(text: string, end: number): string | undefined {
  const from = text.indexOf('\n', end);
  if (from < 0) return undefined;
  const to = text.indexOf('\n', from + 1);
  return text.slice(from + 1, to < 0 ? text.length : to);
}

/** The line (paragraph) of `text` that holds [start, end). */
export function lineAround(text: string, start: number, end: number): string {
  const from = text.lastIndexOf('\n', start - 1) + 1;
  const to = text.indexOf('\n', end);
  return text.slice(from, to < 0 ? text.length : to);
}

/** A Markdown heading ("## 신호 세기 확인하기"): it names what the lines under it are about. */
export function isMarkdownHeading(line: string): boolean {
  return /^#{1,6}\s+\S/.test(line);
}

/** Whether a section heading (## and below, not the page's # title) starts at `at`, a line's start:
 *  a chunk starts there, so the heading stays with the lines it names (chunk.ts). */
export function startsSectionHeading(text: string, at: number): boolean {
  return (at === 0 || text[at - 1] === '\n') && /^#{2,6}[ \t]/.test(text.slice(at, at + 7));
}
