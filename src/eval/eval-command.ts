// `npm run eval`: run the sets, print the report, gate on the baseline.
// Exit codes: 0 ok (or baseline updated), 1 a rate fell below the baseline,
// 2 the input is unusable (bad set line, unreadable baseline, no sets).
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Config } from '../config/config.js';
import type { Article } from '../domain/types.js';
import { errorMessage, isAppError } from '../errors/app-error.js';
import type { Engine } from '../rag/engine.js';
import { compareToBaseline, DEFAULT_TOLERANCE, mergeBaseline, readBaseline, type BaselineSet } from './baseline.js';
import { isEvalSetFile } from './eval-sets.js';
import type { EvalReport } from './metrics.js';
import { describeComparison, formatMarkdownReport, formatTerminalReport } from './report.js';
import { runEval } from './runner.js';

const DEFAULT_SETS_DIR = 'eval/sets';
const DEFAULT_BASELINE = 'eval/baseline.json';

interface EvalCommandOptions {
  /** Set files; default every `eval/sets/*.jsonl` and `eval/sets/*.korquad.json`. */
  sets?: string[];
  /** Index for corpus sets; default config.indexDir. */
  index?: string;
  /** Default eval/baseline.json; when that default is missing the run is reported, not gated. */
  baseline?: string;
  /** Writes the report JSON (CONTRACT.md "Eval sets" shape). */
  out?: string;
  /** Writes the current rates (and latencies, for information) as the baseline instead of gating. */
  updateBaseline?: boolean;
  /** Runs against a live server instead of an in-process engine. */
  url?: string;
  /** Writes the report as Markdown. */
  markdown?: string;
}

export interface EvalCommandDeps {
  config: Config;
  /** The engine on an existing index: `--index`, or INDEX_DIR for a set with no fixture corpus. */
  openEngine(indexDir: string): Promise<Engine>;
  /** The engine over a set's fixture corpus, indexed (incrementally) apart from the user's index. */
  openCorpusEngine(corpusDir: string): Promise<Engine>;
  buildKorquadEngine(articles: Article[]): Promise<Engine>;
  /** Report text; default process.stdout. */
  stdout?: (text: string) => void;
  /** Progress and problems; default process.stderr. */
  stderr?: (text: string) => void;
  /** Project root for default and relative paths; default the cwd. */
  cwd?: string;
}

/** Every set file directly under `dir`, sorted so runs and reports are stable. */
export async function defaultSetFiles(cwd: string, dir = DEFAULT_SETS_DIR): Promise<string[]> {
  const names = await readdir(resolve(cwd, dir)).catch((): string[] => []);
  return names
    .filter(isEvalSetFile)
    .sort()
    .map((name) => join(dir, name));
}

async function writeFileMakingDirs(file: string, text: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, text);
}

export async function evalCommand(options: EvalCommandOptions, deps: EvalCommandDeps): Promise<number> {
  const cwd = deps.cwd ?? process.cwd();
  const stdout = deps.stdout ?? ((text: string) => void process.stdout.write(text));
  const stderr = deps.stderr ?? ((text: string) => void process.stderr.write(text));
  const baselineFile = resolve(cwd, options.baseline ?? DEFAULT_BASELINE);

  const sets = options.sets && options.sets.length > 0 ? options.sets : await defaultSetFiles(cwd);
  if (sets.length === 0) {
    stderr(`평가 세트가 없습니다: ${DEFAULT_SETS_DIR}/*.jsonl 또는 --set FILE을 지정하세요\n`);
    return 2;
  }

  let baseline: { sets: BaselineSet[] } | 'missing';
  try {
    baseline = await readBaseline(baselineFile);
  } catch (error) {
    stderr(`${errorMessage(error)}\n`);
    return 2;
  }
  if (baseline === 'missing' && options.baseline && !options.updateBaseline) {
    stderr(`기준선 파일이 없습니다: ${options.baseline}\n`);
    return 2;
  }

  let report: EvalReport;
  try {
    report = await runEval({
      sets,
      rootDir: cwd,
      url: options.url,
      apiKey: deps.config.apiKey,
      // --index runs every corpus set against that index (a user's own set); otherwise a
      // set runs on the fixture corpus it was written for, never on corpus/ or INDEX_DIR.
      getEngine: (set) => {
        if (set.kind === 'korquad') return deps.buildKorquadEngine(set.articles ?? []);
        if (set.corpusDir && !options.index) return deps.openCorpusEngine(set.corpusDir);
        return deps.openEngine(resolve(cwd, options.index ?? deps.config.indexDir));
      },
      onSkip: (set, reason) => stderr(`[${set}] 건너뜀: ${reason}\n`),
      onCase: ({ set, done, total }) => {
        if (done === total) stderr(`[${set}] ${total}건 완료\n`);
      },
    });
  } catch (error) {
    if (!isAppError(error)) throw error;
    stderr(`${error.message}\n`);
    return 2;
  }

  const comparison = baseline === 'missing' || options.updateBaseline ? undefined : compareToBaseline(report, baseline, DEFAULT_TOLERANCE);

  // Regressions go to stderr once (below); the report on stdout names only new sets.
  const reported = comparison && { ...comparison, regressions: [] };
  stdout(`${formatTerminalReport(report, { comparison: reported, tolerance: DEFAULT_TOLERANCE })}\n`);
  if (options.out) await writeFileMakingDirs(resolve(cwd, options.out), `${JSON.stringify(report, null, 2)}\n`);
  if (options.markdown) {
    await writeFileMakingDirs(resolve(cwd, options.markdown), formatMarkdownReport(report, { comparison, tolerance: DEFAULT_TOLERANCE }));
  }

  if (options.updateBaseline) {
    await writeFileMakingDirs(baselineFile, `${JSON.stringify(mergeBaseline(baseline, report), null, 2)}\n`);
    stdout(`기준선을 갱신했습니다: ${options.baseline ?? DEFAULT_BASELINE} (세트 ${report.sets.length}개)\n`);
    return 0;
  }
  if (!comparison) {
    stdout(`기준선(${DEFAULT_BASELINE})이 없어 비교하지 않았습니다. --update-baseline으로 만드세요.\n`);
    return 0;
  }
  if (comparison.regressions.length > 0) {
    stderr(`${describeComparison({ regressions: comparison.regressions, newSets: [] }, DEFAULT_TOLERANCE).join('\n')}\n`);
    return 1;
  }
  stdout(`기준선 대비 회귀 없음 (허용 폭 ${(DEFAULT_TOLERANCE * 100).toFixed(1)}%p)\n`);
  return 0;
}
