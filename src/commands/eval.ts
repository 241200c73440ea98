// `npm run eval` (the fixed question sets against a baseline) and `fit:answer` (the extractive
// answerer's sentence model, fitted on KorQuAD dev and optionally the sets).
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Article } from '../domain/types.js';
import { AppError } from '../errors/app-error.js';
import { defaultSetFiles, evalCommand as runEvalCommand } from '../eval/eval-command.js';
import { KORQUAD_ATTRIBUTION } from '../eval/korquad-data.js';
import { buildEngine, buildRetrieval, EVAL_INDEX_ROOT, openCorpusEngine, openEngine } from '../wiring.js';
import { ensureEngine } from './ingest.js';
import { withConfig } from './load-config.js';
import { notice } from './output.js';

export interface EvalCommandOptions {
  set?: string[];
  index?: string;
  baseline?: string;
  out?: string;
  markdown?: string;
  updateBaseline?: boolean;
  url?: string;
}

export async function evalCommand(options: EvalCommandOptions): Promise<void> {
  const config = withConfig();
  const code = await runEvalCommand(
    {
      sets: options.set,
      index: options.index,
      baseline: options.baseline,
      out: options.out,
      markdown: options.markdown,
      updateBaseline: options.updateBaseline,
      url: options.url,
    },
    {
      config,
      // A set with no fixture corpus and no --index: the default corpus, indexed first when needed, as `npm start` does.
      openEngine: async (indexDir) => (options.index ? openEngine({ ...config, indexDir }) : ensureEngine(config, notice)),
      openCorpusEngine: (corpusDir) =>
        openCorpusEngine(config, corpusDir, join(EVAL_INDEX_ROOT, `${basename(corpusDir)}-${config.embeddingsProvider}`)),
      buildKorquadEngine: async (articles) => buildEngine(config, articles, await mkdtemp(join(tmpdir(), 'eval-korquad-'))),
    },
  );
  process.exitCode = code;
}

export interface FitCommandOptions {
  data: string;
  limit?: number;
  set?: string[];
  withSets?: boolean;
  write: string;
  dryRun?: boolean;
  thresholdOnly?: boolean;
  newsThreshold?: boolean;
  pageThreshold?: boolean;
  sectionWeight?: boolean;
}

export async function fitAnswerCommand(options: FitCommandOptions): Promise<void> {
  // Each of these fits writes another part of the weights file: two at once would keep one silently.
  const modes = [
    options.thresholdOnly ? '--threshold-only' : undefined,
    options.newsThreshold ? '--news-threshold' : undefined,
    options.pageThreshold ? '--page-threshold' : undefined,
    options.sectionWeight ? '--section-weight' : undefined,
  ].filter((mode) => mode !== undefined);
  if (modes.length > 1) throw new AppError('VALIDATION', `${modes.join(', ')} 중 하나만 쓸 수 있습니다.`);
  const { fitAnswerModel, writeWeights } = await import('../eval/fit-answer-model.js');
  const { evalSetExamples, korquadExamples } = await import('../eval/fit-data.js');
  const config = withConfig({ embeddingsProvider: 'local', llmProvider: 'extractive' });
  const build = (articles: Article[], indexDir: string) => buildRetrieval(config, articles, indexDir);
  // The development sets named by --set, else every corpus set in eval/sets (KorQuAD's is read apart).
  const setFiles = async () => options.set ?? (await defaultSetFiles(process.cwd())).filter((file) => file.endsWith('.jsonl'));
  if (options.sectionWeight) {
    // The help-page sets alone: KorQuAD has no headings to weigh.
    const { refitSectionWeight } = await import('../eval/fit-section-weight.js');
    const model = (await import('../answer/sentence-weights.js')).FITTED_SENTENCE_MODEL;
    const result = refitSectionWeight(await evalSetExamples(await setFiles(), process.cwd(), build), model, notice);
    process.stdout.write(`${JSON.stringify({ sectionWeight: result.weight, outOfFold: result.outOfFold }, null, 2)}\n`);
    if (!options.dryRun) await writeWeights(options.write, result.model);
    return;
  }
  if (options.newsThreshold || options.pageThreshold) {
    // The development sets of one side only: news sets for dated openings, help-page sets for undated ones.
    const side = options.newsThreshold ? 'news' : 'pages';
    const { refitSideThreshold } = await import('../eval/fit-set-threshold.js');
    const model = (await import('../answer/sentence-weights.js')).FITTED_SENTENCE_MODEL;
    const result = refitSideThreshold(await evalSetExamples(await setFiles(), process.cwd(), build), model, side, notice);
    const key = side === 'news' ? 'newsThreshold' : 'pageThreshold';
    process.stdout.write(`${JSON.stringify({ [key]: result.threshold, outOfFold: result.outOfFold }, null, 2)}\n`);
    if (!options.dryRun) await writeWeights(options.write, result.model);
    return;
  }
  const examples = await korquadExamples(options.data, build, options.limit);
  if (options.withSets) {
    examples.push(...(await evalSetExamples(await setFiles(), process.cwd(), build)));
  }
  notice(`학습 데이터: ${examples.length}개 질문`);
  const result = options.thresholdOnly
    ? (await import('../eval/fit-threshold.js')).refitThreshold(
        examples,
        (await import('../answer/sentence-weights.js')).FITTED_SENTENCE_MODEL,
        notice,
      )
    : fitAnswerModel(examples, notice);
  process.stdout.write(
    `${JSON.stringify({ folds: result.folds, outOfFold: result.outOfFold, inSample: result.inSample }, null, 2)}\n${KORQUAD_ATTRIBUTION}\n`,
  );
  if (!options.dryRun) await writeWeights(options.write, result.model);
}
