// `.txt` articles: optional header lines (`date YYYY-MM-DD`, `title: …`), then the text.

import { type ArticleDraft, type Outcome, parseDate } from './fields.js';

/**
 * `date 2025-10-30` (or `date: 2025-10-30`), possibly indented, possibly followed on the same
 * line by the start of the text: the seed article arrived as ` date 2025-10-30 '국가대표 …`.
 */
const DATE_LINE = /^[ \t]*date(?:[ \t]*:[ \t]*|[ \t]+)(\d{4}-\d{2}-\d{2})(?:[ \t]+(.*))?[ \t]*$/i;
const TITLE_LINE = /^[ \t]*(?:title|제목)[ \t]*:[ \t]*(\S.*)$/i;

/** Title from a file name: `seoul-market_news` → `seoul market news`. */
function titleFromFileName(baseName: string): string {
  return baseName.replace(/[-_]+/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Parses one `.txt` file (already decoded, LF line ends); `baseName` is the name without extension. */
export function parsePlainText(source: string, baseName: string): Outcome<ArticleDraft> {
  const lines = source.split('\n');
  let index = 0;
  let date: string | undefined;
  let title: string | undefined;
  let inlineText: string | undefined;

  // Header lines sit at the top, in either order, blank lines allowed between them.
  while (inlineText === undefined) {
    const line = lines[index];
    if (line === undefined) break;
    if (line.trim() === '') {
      index += 1;
      continue;
    }
    const [, day, rest] = (date === undefined ? DATE_LINE.exec(line) : null) ?? [];
    if (day !== undefined) {
      const outcome = parseDate(day);
      if (!outcome.ok) return outcome;
      date = outcome.value;
      inlineText = rest?.trim() || undefined;
      index += 1;
      continue;
    }
    const [, heading] = (title === undefined ? TITLE_LINE.exec(line) : null) ?? [];
    if (heading !== undefined) {
      title = heading;
      index += 1;
      continue;
    }
    break;
  }

  const body = lines.slice(index);
  if (inlineText !== undefined) body.unshift(inlineText);
  return {
    ok: true,
    value: { title: title ?? titleFromFileName(baseName), date, text: body.join('\n') },
  };
}
