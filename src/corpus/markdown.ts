// `.md` articles: YAML front matter (title required) followed by the text.

import matter from 'gray-matter';
import { z } from 'zod';
import {
  type ArticleDraft,
  type Outcome,
  cleanTags,
  cleanUrl,
  dateFromUtc,
  describeIssue,
  fail,
  optionalInline,
  parseDate,
} from './fields.js';

// YAML reads `title: 2025` as a number and an unquoted date as a Date, so both are allowed.
const scalar = z.union([z.string(), z.number()]);
const FrontMatter = z.object({
  id: scalar.nullish(),
  title: scalar.refine((value) => String(value).trim() !== ''),
  date: z.union([z.string(), z.date()]).nullish(),
  source: scalar.nullish(),
  url: z.string().nullish(),
  tags: z.union([z.array(scalar), z.string()]).nullish(),
});

const MATTER_OPTIONS = {
  // Passing options also turns off gray-matter's cache, which would otherwise keep every
  // parsed file (keyed by its content) for the life of the process.
  engines: {
    // gray-matter evaluates `---js` front matter with eval(); a corpus file must never run code.
    javascript: () => {
      throw new Error('JavaScript front matter는 지원하지 않음');
    },
  },
};

/** The `date:` line as written, to see through js-yaml's Date (which rolls 02-30 into March). */
const RAW_DATE_LINE = /^date[ \t]*:[ \t]*["']?(\d{4}-\d{2}-\d{2}[^"'\s#]*)/m;
/** The `id:` line as written: YAML 1.1 reads an unquoted `0012` as octal 10, `1e3` as 1000. */
const RAW_NUMBER_ID_LINE = /^id[ \t]*:[ \t]*([^\s"'#]+)[ \t]*(?:#.*)?$/m;

/**
 * js-yaml's message ends with a code excerpt; keep its reason and line. The front matter
 * block starts right after the opening `---`, so its line numbers are the file's.
 */
function describeYamlError(error: unknown): string {
  const { reason, mark, message } = (error ?? {}) as { reason?: unknown; mark?: { line?: unknown }; message?: unknown };
  if (typeof reason === 'string' && typeof mark?.line === 'number') return `${reason} (${mark.line + 1}행)`;
  return String(message ?? error).split('\n')[0].replace(/:$/, '');
}

/** Parses one `.md` file (already decoded, LF line ends). */
export function parseMarkdown(source: string): Outcome<ArticleDraft> {
  let file: matter.GrayMatterFile<string>;
  try {
    file = matter(source, MATTER_OPTIONS);
  } catch (error) {
    return fail(`front matter를 읽을 수 없음: ${describeYamlError(error)}`);
  }
  const data: unknown = file.data;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return fail('front matter를 읽을 수 없음: "키: 값" 형식이 아님');
  }
  const record = data as Record<string, unknown>;
  const parsed = FrontMatter.safeParse(record);
  if (!parsed.success) return fail(describeIssue(parsed.error.issues[0], record));
  const fields = parsed.data;

  let date: string | undefined;
  if (fields.date instanceof Date) {
    const raw = RAW_DATE_LINE.exec(file.matter)?.[1];
    const outcome = raw ? parseDate(raw) : dateFromUtc(fields.date);
    if (!outcome.ok) return outcome;
    date = outcome.value;
  } else if (fields.date?.trim()) {
    const outcome = parseDate(fields.date);
    if (!outcome.ok) return outcome;
    date = outcome.value;
  }

  return {
    ok: true,
    value: {
      id: optionalInline(typeof fields.id === 'number' ? (RAW_NUMBER_ID_LINE.exec(file.matter)?.[1] ?? fields.id) : fields.id),
      title: String(fields.title),
      date,
      source: optionalInline(fields.source),
      url: cleanUrl(fields.url),
      tags: cleanTags(fields.tags),
      text: file.content,
    },
  };
}
