// `.md` articles: YAML front matter (title required) followed by the text.

import matter from 'gray-matter';
import { z } from 'zod';
import { type ArticleDraft, type Outcome, dateFromUtc, describeIssue, draftOf, fail, isRecord, optionalDate, parseDate } from './fields.js';

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
  const { reason, mark, message }: Record<string, unknown> = isRecord(error) ? error : {};
  if (typeof reason === 'string' && isRecord(mark) && typeof mark.line === 'number') return `${reason} (${mark.line + 1}행)`;
  const [firstLine = ''] = String(message ?? error).split('\n');
  return firstLine.replace(/:$/, '');
}

/** A date js-yaml turned into a Date: the line as written when it is there, else the Date's UTC day. */
function yamlDate(date: Date, frontMatter: string): Outcome<string> {
  const raw = RAW_DATE_LINE.exec(frontMatter)?.[1];
  return raw ? parseDate(raw) : dateFromUtc(date);
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
  if (!isRecord(data)) return fail('front matter를 읽을 수 없음: "키: 값" 형식이 아님');
  const parsed = FrontMatter.safeParse(data);
  if (!parsed.success) return fail(describeIssue(parsed.error.issues[0], data));
  const fields = parsed.data;
  const date = fields.date instanceof Date ? yamlDate(fields.date, file.matter) : optionalDate(fields.date);
  // A numeric id is taken as written (`0012` stays 0012), not as YAML's number.
  const id = typeof fields.id === 'number' ? (RAW_NUMBER_ID_LINE.exec(file.matter)?.[1] ?? fields.id) : fields.id;
  return draftOf({ ...fields, id, title: String(fields.title), text: file.content }, date);
}
