// `npm run bench:grounding`: the grounding check on labelled answer sentences.
// eval/grounding/passages.jsonl holds the passages: news passages written for the set
// (`{ key, title, text, date? }`) or KorQuAD paragraphs by id (`{ key, korquad }`, read at
// run time, never copied). Every other eval/grounding/*.jsonl holds sentences:
// `{ id, label, passages: [key…], answer }`, the answer's [n] pointing into `passages`.
// Labels: faithful at three paraphrase levels (light, moderate, heavy) or one defect.
// Prints the kept share per faithful level and the caught share per defect.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { TermStatistics } from '../answer/grounding/check.js';
import { AppError } from '../errors/app-error.js';
import { analyze } from '../text/tokens.js';
import { verifyAnswer, type VerifyInput } from '../verify/verify.js';
import { loadKorquad } from './korquad-data.js';

const FAITHFUL_LABELS = ['light', 'moderate', 'heavy'] as const;
const DEFECT_LABELS = ['wrong-passage', 'evaluation', 'unstated', 'number', 'entity', 'polarity'] as const;
type GroundingLabel = (typeof FAITHFUL_LABELS)[number] | (typeof DEFECT_LABELS)[number];

const passageSchema = z.union([
  z.object({ key: z.string(), title: z.string(), text: z.string().min(1), date: z.string().optional() }),
  z.object({ key: z.string(), korquad: z.string() }),
]);
const sentenceSchema = z.object({
  id: z.string(),
  label: z.enum([...FAITHFUL_LABELS, ...DEFECT_LABELS]),
  passages: z.array(z.string()).min(1),
  answer: z.string().min(1),
});
type SentenceCase = z.infer<typeof sentenceSchema>;

interface ClassFigures {
  label: GroundingLabel;
  cases: number;
  /** Faithful: kept under their own citation. Defects: dropped or re-cited. */
  hits: number;
  share: number;
  /** Sentences re-cited to another passage. */
  recited: number;
  /** Ids of the sentences the check got wrong. */
  misses: Array<{ id: string; reason?: string }>;
}

interface GroundingBenchResult {
  sentences: number;
  skipped: number;
  withCorpusStatistics: boolean;
  faithful: ClassFigures[];
  defects: ClassFigures[];
  faithfulKept: number;
  defectsCaught: number;
}

function readJsonl<T>(text: string, file: string, schema: z.ZodType<T>): T[] {
  return text.split('\n').flatMap((line, index) => {
    if (line.trim() === '') return [];
    const parsed = schema.safeParse(JSON.parse(line.trim()));
    if (!parsed.success)
      throw new AppError('VALIDATION', `${file}:${index + 1}: ${parsed.error.issues[0]?.message ?? parsed.error.message}`);
    return [parsed.data];
  });
}

/** Document frequencies of index terms (the analyzer the BM25 index uses) over `documents`. */
export function termStatistics(documents: string[]): TermStatistics {
  const frequencies = new Map<string, number>();
  for (const document of documents) for (const term of new Set(analyze(document))) frequencies.set(term, (frequencies.get(term) ?? 0) + 1);
  return { documentCount: documents.length, documentFrequency: (term) => frequencies.get(term) ?? 0 };
}

interface GroundingBenchOptions {
  dir: string;
  korquadFile: string;
  /** Use corpus statistics (KorQuAD paragraphs and the set's passages) for IDF; default true. */
  statistics?: boolean;
}

export async function runGroundingBench(options: GroundingBenchOptions): Promise<GroundingBenchResult> {
  const files = (await readdir(options.dir)).filter((name) => name.endsWith('.jsonl')).sort();
  if (!files.includes('passages.jsonl')) throw new AppError('VALIDATION', `${options.dir}/passages.jsonl이 없습니다`);
  const passageRows = readJsonl(await readFile(join(options.dir, 'passages.jsonl'), 'utf8'), 'passages.jsonl', passageSchema);
  const cases: SentenceCase[] = [];
  for (const file of files.filter((name) => name !== 'passages.jsonl'))
    cases.push(...readJsonl(await readFile(join(options.dir, file), 'utf8'), file, sentenceSchema));

  const korquad = await loadKorquad(options.korquadFile).catch(() => undefined);
  const korquadArticles = new Map((korquad?.articles ?? []).map((article) => [article.id, article]));
  const passages = new Map<string, { title: string; text: string; date?: string }>();
  for (const row of passageRows) {
    if ('korquad' in row) {
      const article = korquadArticles.get(row.korquad);
      if (article) passages.set(row.key, { title: article.title, text: article.text });
    } else passages.set(row.key, row);
  }
  const documents = [
    ...(korquad?.articles ?? []).map((article) => `${article.title}\n${article.text}`),
    ...passageRows.flatMap((row) => ('korquad' in row ? [] : [`${row.title}\n${row.text}`])),
  ];
  const terms = options.statistics === false ? undefined : termStatistics(documents);

  const newFigures = (labels: readonly GroundingLabel[]) =>
    labels.map((label): ClassFigures => ({ label, cases: 0, hits: 0, share: 0, recited: 0, misses: [] }));
  const faithfulFigures = newFigures(FAITHFUL_LABELS);
  const defectFigures = newFigures(DEFECT_LABELS);
  let skipped = 0;
  for (const item of cases) {
    const given = item.passages.flatMap((key) => passages.get(key) ?? []);
    const faithfulFigure = faithfulFigures.find((candidate) => candidate.label === item.label);
    const figure = faithfulFigure ?? defectFigures.find((candidate) => candidate.label === item.label);
    if (given.length < item.passages.length || !figure) {
      skipped++;
      continue;
    }
    const input: VerifyInput = {
      id: item.id,
      answer: item.answer,
      passages: given.map((passage, index) => ({ n: index + 1, ...passage })),
    };
    const result = verifyAnswer(input, terms ? { terms } : {});
    figure.cases++;
    // Each case is one sentence; a split into several counts as kept only if all are kept.
    const keptAsCited =
      result.sentences.length > 0 && result.sentences.every((sentence) => sentence.supported && sentence.recitedTo === undefined);
    if (result.sentences.some((sentence) => sentence.recitedTo !== undefined)) figure.recited++;
    const hit = faithfulFigure ? keptAsCited : !keptAsCited;
    if (hit) figure.hits++;
    else figure.misses.push({ id: item.id, ...(result.sentences[0]?.reason ? { reason: result.sentences[0].reason } : {}) });
  }
  for (const figure of [...faithfulFigures, ...defectFigures])
    figure.share = figure.cases === 0 ? 0 : Math.round((figure.hits / figure.cases) * 1000) / 1000;
  const share = (list: ClassFigures[]) => {
    const total = list.reduce((sum, figure) => sum + figure.cases, 0);
    return total === 0 ? 0 : Math.round((list.reduce((sum, figure) => sum + figure.hits, 0) / total) * 1000) / 1000;
  };
  return {
    sentences: cases.length - skipped,
    skipped,
    withCorpusStatistics: terms !== undefined,
    faithful: faithfulFigures,
    defects: defectFigures,
    faithfulKept: share(faithfulFigures),
    defectsCaught: share(defectFigures),
  };
}

const LABEL_NAMES: Record<GroundingLabel, string> = {
  light: '충실 · 가벼운 바꿔 쓰기',
  moderate: '충실 · 중간 바꿔 쓰기',
  heavy: '충실 · 많이 바꿔 쓰기',
  'wrong-passage': '결함 · 다른 기사 인용',
  evaluation: '결함 · 근거 없는 평가·원인',
  unstated: '결함 · 기사에 없는 관련 사실',
  number: '결함 · 틀린 수치·날짜',
  entity: '결함 · 틀린 인물·기관',
  polarity: '결함 · 부정·역할 뒤바뀜',
};

/** The result as a table for the terminal. */
export function formatGroundingBench(result: GroundingBenchResult, verbose = false): string {
  const row = (figure: ClassFigures, verb: string) =>
    `${LABEL_NAMES[figure.label].padEnd(22)} ${verb} ${String(figure.hits).padStart(3)}/${String(figure.cases).padEnd(3)} ${figure.share.toFixed(3)}${figure.recited ? `  (다른 출처로 바로잡음 ${figure.recited})` : ''}` +
    (verbose && figure.misses.length > 0
      ? `\n${figure.misses.map((miss) => `    - ${miss.id}${miss.reason ? `: ${miss.reason}` : ''}`).join('\n')}`
      : '');
  return [
    `문장 ${result.sentences}개${result.skipped ? ` (참조 기사를 찾지 못해 건너뜀 ${result.skipped}개)` : ''}, 코퍼스 IDF ${result.withCorpusStatistics ? '사용' : '없음'}`,
    ...result.faithful.map((figure) => row(figure, '유지')),
    ...result.defects.map((figure) => row(figure, '차단')),
    `충실한 문장 유지 ${result.faithfulKept.toFixed(3)} · 결함 문장 차단 ${result.defectsCaught.toFixed(3)}`,
  ].join('\n');
}
