// The committed baseline (eval/baseline.json): which rates it gates, how a run compares
// with it, and how it is read and rewritten by `npm run eval -- --update-baseline`.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { AppError } from '../errors/app-error.js';
import { errnoCode } from '../errors/app-error.js';
import type { EvalReport, SetReport } from './metrics.js';

/** The rates a baseline gates; latencies are reported, never gated. */
const GATED_METRICS = ['answerAccuracy', 'citationHitRate', 'refusalPrecision', 'refusalRecall', 'citationValidity'] as const;
export type GatedMetric = (typeof GATED_METRICS)[number];

/** How far (absolute) a rate may fall below its baseline before the run fails. */
export const DEFAULT_TOLERANCE = 0.02;

interface Regression {
  set: string;
  metric: GatedMetric;
  baseline: number;
  current: number;
}

export interface BaselineComparison {
  /** Rates that fell more than the tolerance below the baseline: these fail the run. */
  regressions: Regression[];
  /** Sets run now that the baseline does not know: reported, never a failure. */
  newSets: string[];
}

/** Figures needed from a baseline: the rates per set (other fields are ignored). */
export type BaselineSet = Pick<SetReport, 'name'> & Partial<Record<GatedMetric, number | null>>;

/**
 * Compares rates set by set. A metric null on either side is not compared; a set the
 * baseline lacks is new; a baseline set not run now is ignored (e.g. `--set` picked one).
 */
export function compareToBaseline(
  current: { sets: SetReport[] },
  baseline: { sets: BaselineSet[] },
  tolerance = DEFAULT_TOLERANCE,
): BaselineComparison {
  const byName = new Map(baseline.sets.map((set) => [set.name, set]));
  const regressions: Regression[] = [];
  const newSets: string[] = [];
  for (const set of current.sets) {
    const before = byName.get(set.name);
    if (!before) {
      newSets.push(set.name);
      continue;
    }
    for (const metric of GATED_METRICS) {
      const was = before[metric];
      const now = set[metric];
      if (typeof was !== 'number' || typeof now !== 'number') continue;
      // The epsilon keeps 0.90 → 0.88 (exactly the tolerance) from failing on float noise.
      if (was - now > tolerance + 1e-9) regressions.push({ set: set.name, metric, baseline: was, current: now });
    }
  }
  return { regressions, newSets };
}

const rate = z.number().nullable().optional();
const baselineSchema = z.object({
  sets: z.array(
    z.looseObject({
      name: z.string().min(1),
      answerAccuracy: rate,
      citationHitRate: rate,
      refusalPrecision: rate,
      refusalRecall: rate,
      citationValidity: rate,
    }),
  ),
});

/** The baseline file, or 'missing' when there is none; a file that is not a baseline throws AppError. */
export async function readBaseline(file: string): Promise<{ sets: BaselineSet[] } | 'missing'> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return 'missing';
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError('VALIDATION', `기준선 파일이 올바른 JSON이 아닙니다: ${file}`);
  }
  const parsed = baselineSchema.safeParse(json);
  if (!parsed.success) {
    throw new AppError('VALIDATION', `기준선 파일 형식 오류: ${file} (${parsed.error.issues[0]?.path.join('.') ?? ''})`);
  }
  return parsed.data;
}

/**
 * The baseline keeps figures only: failures are dropped, because the baseline is
 * committed and KorQuAD questions must not be (CC BY-ND). Sets not run now keep
 * their old figures, so `--set one.jsonl --update-baseline` touches only that set.
 */
export function mergeBaseline(previous: { sets: BaselineSet[] } | 'missing', report: EvalReport): { sets: BaselineSet[] } {
  const fresh: SetReport[] = report.sets.map((set) => ({ ...set, failures: [] }));
  const freshByName = new Map(fresh.map((set) => [set.name, set]));
  const kept = previous === 'missing' ? [] : previous.sets.map((set) => freshByName.get(set.name) ?? set);
  const known = new Set(kept.map((set) => set.name));
  return { sets: [...kept, ...fresh.filter((set) => !known.has(set.name))] };
}
