// Loads eval sets from disk: `*.jsonl` (one case a line, CONTRACT.md "Eval sets") and
// `*.korquad.json` (a small spec expanded from the KorQuAD file at run time, so no
// dataset question is ever committed). Every bad line is reported as file:line.
import { readFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { LIMITS } from '../domain/limits.js';
import type { Article } from '../domain/types.js';
import { AppError, errnoCode, errorMessage } from '../errors/app-error.js';
import { KORQUAD_ATTRIBUTION, loadKorquad, type KorquadData } from './korquad-data.js';
import { normalizeForMatch, type EvalCase } from './metrics.js';

type EvalSetKind = 'corpus' | 'korquad';

export interface EvalSet {
  /** The file name without `.jsonl` / `.korquad.json`; the key of the report and baseline. */
  name: string;
  file: string;
  kind: EvalSetKind;
  cases: EvalCase[];
  /** korquad: every paragraph of the dataset, to index (not only the sampled ones). */
  articles?: Article[];
  /** korquad: the resolved dataset path, so sets over the same file share one engine. */
  dataset?: string;
  attribution?: string;
  /** corpus: the fixture corpus the set was written for (absolute), from `corpora.json` beside the set. */
  corpusDir?: string;
}

/** `corpora.json` beside the set files: which fixture corpus each set was written for. */
const CORPORA_FILE = 'corpora.json';
const corporaSchema = z.object({ note: z.string().optional(), sets: z.record(z.string(), z.string().min(1)) });

async function readCorpora(dir: string, rootDir: string, issues: string[]): Promise<Map<string, string>> {
  const file = join(dir, CORPORA_FILE);
  const text = await readText(resolve(rootDir, file));
  if (typeof text !== 'string') return new Map();
  let parsed;
  try {
    parsed = corporaSchema.safeParse(JSON.parse(text));
  } catch {
    issues.push(`${file}: 올바른 JSON이 아닙니다`);
    return new Map();
  }
  if (!parsed.success) {
    issues.push(`${file}: ${parsed.error.issues.map(describeIssue).join('; ')}`);
    return new Map();
  }
  return new Map(Object.entries(parsed.data.sets).map(([name, corpus]) => [name, resolve(rootDir, corpus)]));
}

/** One or more set files could not be read; `issues` holds one Korean `file:line: …` line each. */
export class EvalSetError extends AppError {
  readonly issues: string[];

  constructor(issues: string[]) {
    super('VALIDATION', `평가 세트 오류 ${issues.length}건:\n${issues.map((issue) => `  ${issue}`).join('\n')}`);
    this.name = 'EvalSetError';
    this.issues = issues;
  }
}

const JSONL = '.jsonl';
const KORQUAD_SPEC = '.korquad.json';

export function isEvalSetFile(file: string): boolean {
  return file.endsWith(JSONL) || file.endsWith(KORQUAD_SPEC);
}

function setNameOf(file: string): string {
  const name = basename(file);
  if (name.endsWith(KORQUAD_SPEC)) return name.slice(0, -KORQUAD_SPEC.length);
  if (name.endsWith(JSONL)) return name.slice(0, -JSONL.length);
  return name;
}

const phrase = z
  .string()
  .refine((value) => normalizeForMatch(value).length > 0, { message: '빈 문구나 문장부호만으로 된 문구는 비교할 수 없습니다' });
const phrases = z.array(phrase).min(1);

const caseSchema = z.strictObject({
  id: z.string().regex(/\S/, { message: 'id가 비어 있습니다' }),
  question: z.string().regex(/\S/, { message: '질문이 비어 있습니다' }).max(LIMITS.questionChars),
  history: z
    .array(z.strictObject({ role: z.enum(['user', 'assistant']), content: z.string() }))
    .max(LIMITS.historyTurns)
    .optional(),
  expect: z
    .strictObject({
      includes: phrases.optional(),
      anyOf: phrases.optional(),
      articles: z.array(z.string().min(1)).min(1).optional(),
      refuse: z.boolean().optional(),
    })
    .refine((expect) => expect.includes || expect.anyOf || expect.articles || expect.refuse !== undefined, {
      message: 'expect가 비어 있습니다: includes, anyOf, articles, refuse 중 하나 이상이 필요합니다',
    }),
});

const korquadSpecSchema = z.strictObject({
  /** Path of the SQuAD-shaped file; relative paths resolve against the project root (the cwd of `npm run eval`). */
  dataset: z.string().min(1),
  sample: z
    .strictObject({
      /** Take every n-th question in file order (1 = all). */
      every: z.number().int().min(1).default(1),
      /** Index of the first question taken. */
      offset: z.number().int().min(0).default(0),
      /** At most this many questions. */
      limit: z.number().int().min(1).optional(),
    })
    .optional(),
  note: z.string().optional(),
});

type KorquadSpec = z.infer<typeof korquadSpecSchema>;

/** One Korean line for a zod issue; zod's own messages are English. */
function describeIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  switch (issue.code) {
    case 'invalid_type':
      return `${where}${issue.expected} 형식이어야 합니다`;
    case 'unrecognized_keys':
      return `${where}알 수 없는 필드 ${issue.keys.join(', ')}`;
    case 'too_small':
      return `${where}${issue.origin === 'array' ? '항목 수가' : '길이가'} ${String(issue.minimum)} 이상이어야 합니다`;
    case 'too_big':
      return `${where}${issue.origin === 'array' ? '항목 수가' : '길이가'} ${String(issue.maximum)} 이하여야 합니다`;
    case 'invalid_value':
      return `${where}${issue.values.map(String).join(' | ')} 중 하나여야 합니다`;
    default:
      return `${where}${issue.message}`;
  }
}

/** Parses JSONL text into cases; problems come back as `file:line: …`, not thrown. */
function parseCaseLines(text: string, file: string): { cases: EvalCase[]; issues: string[] } {
  const cases: EvalCase[] = [];
  const issues: string[] = [];
  const firstLineOf = new Map<string, number>();
  text.split(/\r?\n/).forEach((line, index) => {
    const lineNo = index + 1;
    if (line.trim() === '') return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      issues.push(`${file}:${lineNo}: 올바른 JSON이 아닙니다`);
      return;
    }
    const parsed = caseSchema.safeParse(json);
    if (!parsed.success) {
      issues.push(`${file}:${lineNo}: ${parsed.error.issues.map(describeIssue).join('; ')}`);
      return;
    }
    const earlier = firstLineOf.get(parsed.data.id);
    if (earlier !== undefined) {
      issues.push(`${file}:${lineNo}: id "${parsed.data.id}"가 ${earlier}행과 중복됩니다`);
      return;
    }
    firstLineOf.set(parsed.data.id, lineNo);
    cases.push(parsed.data);
  });
  if (cases.length === 0 && issues.length === 0) issues.push(`${file}: 케이스가 하나도 없습니다`);
  return { cases, issues };
}

/** Picks questions by the spec's sample and turns them into cases expecting a gold answer and its paragraph. */
function korquadCases(data: KorquadData, sample: KorquadSpec['sample']): EvalCase[] {
  const every = sample?.every ?? 1;
  const offset = sample?.offset ?? 0;
  const picked = data.questions.filter((question, index) => index >= offset && (index - offset) % every === 0);
  return picked
    .slice(0, sample?.limit ?? picked.length)
    .filter((question) => question.answers.length > 0)
    .map((question) => ({
      id: question.id,
      question: question.question,
      expect: { anyOf: question.answers, articles: [question.articleId] },
    }));
}

/** The file's text, or why it cannot be read: the errno code, else the message. */
async function readText(file: string): Promise<string | { unreadable: string }> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    return { unreadable: errnoCode(error) ?? errorMessage(error) };
  }
}

interface LoadEvalSetsOptions {
  /** Where relative set paths and `dataset` paths of KorQuAD specs resolve; default: the cwd. Messages show paths as given. */
  rootDir?: string;
}

/**
 * Reads every set before any runs, so a typo fails in a second instead of after a
 * long run. Throws EvalSetError listing every problem found.
 */
export async function loadEvalSets(files: string[], options: LoadEvalSetsOptions = {}): Promise<EvalSet[]> {
  const rootDir = options.rootDir ?? process.cwd();
  const sets: EvalSet[] = [];
  const issues: string[] = [];
  const datasets = new Map<string, Promise<KorquadData>>();
  const fileOfName = new Map<string, string>();
  const corporaOfDir = new Map<string, Map<string, string>>();

  for (const file of files) {
    if (!isEvalSetFile(file)) {
      issues.push(`${file}: 세트 파일은 .jsonl 또는 .korquad.json이어야 합니다`);
      continue;
    }
    const name = setNameOf(file);
    const clash = fileOfName.get(name);
    if (clash !== undefined) {
      issues.push(`${file}: 세트 이름 "${name}"이 ${clash}와 겹칩니다 (보고서와 기준선은 이름으로 구분합니다)`);
      continue;
    }
    fileOfName.set(name, file);
    const text = await readText(resolve(rootDir, file));
    if (typeof text !== 'string') {
      issues.push(`${file}: 파일을 읽을 수 없습니다 (${text.unreadable})`);
      continue;
    }

    if (file.endsWith(JSONL)) {
      const parsed = parseCaseLines(text, file);
      issues.push(...parsed.issues);
      const dir = dirname(file);
      let corpora = corporaOfDir.get(dir);
      if (!corpora) {
        corpora = await readCorpora(dir, rootDir, issues);
        corporaOfDir.set(dir, corpora);
      }
      const corpusDir = corpora.get(name);
      if (parsed.issues.length === 0) sets.push({ name, file, kind: 'corpus', cases: parsed.cases, ...(corpusDir ? { corpusDir } : {}) });
      continue;
    }

    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      issues.push(`${file}: 올바른 JSON이 아닙니다`);
      continue;
    }
    const spec = korquadSpecSchema.safeParse(json);
    if (!spec.success) {
      issues.push(`${file}: ${spec.error.issues.map(describeIssue).join('; ')}`);
      continue;
    }
    const dataset = resolve(rootDir, spec.data.dataset);
    let loading = datasets.get(dataset);
    if (!loading) {
      loading = loadKorquad(dataset);
      datasets.set(dataset, loading);
    }
    try {
      const data = await loading;
      const cases = korquadCases(data, spec.data.sample);
      if (cases.length === 0) issues.push(`${file}: 표본에 질문이 하나도 없습니다`);
      else sets.push({ name, file, kind: 'korquad', cases, articles: data.articles, dataset, attribution: KORQUAD_ATTRIBUTION });
    } catch (error) {
      issues.push(`${file}: ${errorMessage(error)}`);
    }
  }
  if (issues.length > 0) throw new EvalSetError(issues);
  return sets;
}
