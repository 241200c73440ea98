// `npm run fit:answer -- --threshold-only`: re-picks only the refusal threshold of the shipped
// answer model, its ranker and refusal weights unchanged. Rules and tables change which sentence
// an answer opens with, and so the answerability scores the threshold was a quantile of; a full
// refit would also move the ranker, whose weights the development sets were measured with.
// The threshold is the same quantile the full fit takes (MAX_ANSWERABLE_REFUSED of the answerable
// questions), over openings chosen as the answerer serves them; its out-of-fold figures take
// the quantile on four folds and answer the fifth. Once a page threshold is fitted on the help-page
// sets (`--page-threshold`), undated openings, KorQuAD's among them, take that one: this refit then
// moves only the fallback, and its out-of-fold KorQuAD figures are those at the page threshold,
// which no KorQuAD question was used to fit.
import { DEFAULT_EXTRACTIVE } from '../answer/extractive.js';
import type { SentenceModel } from '../answer/sentence-model.js';
import {
  answerabilityRows,
  foldOf,
  FOLDS,
  MAX_ANSWERABLE_REFUSED,
  outcomes,
  pickThreshold,
  summarise,
  type FitExample,
  type FitResult,
  type Outcome,
} from './fit-answer-model.js';

function withThreshold(model: SentenceModel, examples: FitExample[]): SentenceModel {
  const answerability = model.answerability!;
  const rows = answerabilityRows(examples, model.weights, { ...DEFAULT_EXTRACTIVE, model });
  return { ...model, answerability: { ...answerability, threshold: pickThreshold(rows, answerability.weights) } };
}

export function refitThreshold(examples: FitExample[], model: SentenceModel, onProgress?: (message: string) => void): FitResult {
  if (!model.answerability) throw new Error('the model has no refusal part whose threshold could be refitted');
  const withFolds = examples.map((example) => ({ example, fold: foldOf(example.groupKey) }));
  const oofResults: Outcome[] = [];
  for (let fold = 0; fold < FOLDS; fold++) {
    const train = withFolds.filter((entry) => entry.fold !== fold).map((entry) => entry.example);
    const test = withFolds.filter((entry) => entry.fold === fold).map((entry) => entry.example);
    const foldModel = withThreshold(model, train);
    const results = outcomes(test, { ...DEFAULT_EXTRACTIVE, model: foldModel });
    oofResults.push(...results);
    onProgress?.(`fold ${fold + 1}/${FOLDS}: threshold ${foldModel.answerability!.threshold} ${JSON.stringify(summarise(results))}`);
  }
  const outOfFold = summarise(oofResults);
  const refit = withThreshold(model, examples);
  const inSample = summarise(outcomes(examples, { ...DEFAULT_EXTRACTIVE, model: refit }));
  refit.fitted = { ...model.fitted, threshold: { maxAnswerableRefused: MAX_ANSWERABLE_REFUSED, folds: FOLDS, outOfFold } };
  return { folds: FOLDS, outOfFold, inSample, model: refit };
}
