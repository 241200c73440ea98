// `npm run fit:answer -- --section-weight`: fits how much the Markdown heading a sentence sits under
// counts (SentenceModel.sectionWeight), on the help-page sets, the ranker, the refusal model and the
// thresholds unchanged. KorQuAD's Wikipedia paragraphs have no headings, so its fit cannot say; a help
// page files each answer under a heading that names it ("## 신호 세기 확인하기"). Out-of-fold figures
// leave one whole set out at a time, as fit-set-threshold.ts does: each set was written apart.
import { DEFAULT_EXTRACTIVE } from '../answer/extractive.js';
import type { SentenceModel } from '../answer/sentence-model.js';
import { servedOutcome, type FitExample } from './fit-answer-model.js';
import { isNews } from './fit-set-threshold.js';

/** The weights tried, from none up. */
export const SECTION_WEIGHTS = [0, 0.5, 1, 1.5, 2, 3, 4, 5, 6, 8];

/** One case: its set, and whether it is answered right at each of SECTION_WEIGHTS. */
export interface SectionRow {
  source: string;
  right: boolean[];
}

export interface SectionWeightResult {
  /** Per held-out set: right answers with the weight fitted on the other sets, and with none. */
  outOfFold: Record<string, { weight: number; right: number; rightWithout: number; cases: number }>;
  weight: number;
  model: SentenceModel;
}

/** The help-page cases (no dated candidate), each answered as served at every weight. */
export function sectionRows(examples: FitExample[], model: SentenceModel, weights = SECTION_WEIGHTS): SectionRow[] {
  return examples
    .filter((example) => !isNews(example))
    .map((example) => ({
      source: example.source,
      right: weights.map((sectionWeight) => servedOutcome(example, { ...DEFAULT_EXTRACTIVE, model: { ...model, sectionWeight } }).right),
    }));
}

/** The index of the weight that answers the most rows right; of equally good ones the smallest, so a
 *  heading counts no more than the data show. */
export function pickSectionWeight(rows: SectionRow[], weights = SECTION_WEIGHTS): number {
  const scores = weights.map((_, i) => rows.filter((row) => row.right[i]).length);
  return scores.indexOf(Math.max(...scores));
}

export function refitSectionWeight(
  examples: FitExample[],
  model: SentenceModel,
  onProgress?: (message: string) => void,
): SectionWeightResult {
  const rows = sectionRows(examples, model);
  if (rows.length === 0) throw new Error('제목 가중치를 맞출 사례가 없습니다: 날짜 없는 문서(도움말) 평가 세트가 필요합니다');
  const sources = [...new Set(rows.map((row) => row.source))].sort();
  const outOfFold: SectionWeightResult['outOfFold'] = {};
  for (const source of sources) {
    const held = rows.filter((row) => row.source === source);
    const index = pickSectionWeight(rows.filter((row) => row.source !== source));
    outOfFold[source] = {
      weight: SECTION_WEIGHTS[index]!,
      right: held.filter((row) => row.right[index]).length,
      rightWithout: held.filter((row) => row.right[0]).length,
      cases: held.length,
    };
    onProgress?.(`${source}: ${JSON.stringify(outOfFold[source])}`);
  }
  const weight = SECTION_WEIGHTS[pickSectionWeight(rows)]!;
  const total = (pick: (figures: SectionWeightResult['outOfFold'][string]) => number) =>
    sources.reduce((sum, source) => sum + pick(outOfFold[source]!), 0);
  const record = { sets: sources, cases: rows.length, outOfFoldRight: total((f) => f.right), rightWithout: total((f) => f.rightWithout) };
  return { outOfFold, weight, model: { ...model, sectionWeight: weight, fitted: { ...model.fitted, sectionWeight: record } } };
}
