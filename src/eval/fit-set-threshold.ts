// `npm run fit:answer -- --news-threshold` and `-- --page-threshold`: fit the refusal threshold for
// one side of the corpus on the development sets of that side, the ranker and the refusal weights
// unchanged. News: openings from dated articles, fitted on the sets over news fixture corpora. Pages:
// openings from undated documents (help pages), fitted on the sets over help-page corpora.
//
// The KorQuAD threshold is a quantile over near misses made by removing a paragraph. A news question
// the articles do not answer is closer than that (the same company, another figure); a help-page
// question is typed in users' words (비번 까먹었어요) and scores lower than a Wikipedia question
// even when the page answers it. So each side gets its own cut, the one that answers the most of its
// cases right. Out-of-fold figures leave one whole set out at a time: every set was written apart
// from the others, so a held-out set is as new as a user's own documents.
import { chooseOpening, DEFAULT_EXTRACTIVE, scoreCandidates, selectSentences, servedAnswer } from '../answer/extractive.js';
import { answerabilityFeatures } from '../answer/answerability.js';
import { scoreFeatures, sigmoid, type SentenceModel } from '../answer/sentence-model.js';
import type { FitExample } from './fit-answer-model.js';
import { roundTo } from './round.js';

/** News (dated articles) or pages (undated documents such as help pages). */
export type Side = 'news' | 'pages';

/** The thresholds for dated and for undated openings. */
export interface Cuts {
  dated: number;
  undated: number;
}

/** What a case does at any threshold. */
export interface ThresholdRow {
  source: string;
  refuse: boolean;
  /** Refused by the rules before the refusal model: no threshold answers it. */
  ruleRefused: boolean;
  /** The opening is from a dated article: the dated cut decides it. */
  dated: boolean;
  /** The refusal model's probability for the opening. */
  probability: number;
  /** Answered, the answer is right. */
  rightIfAnswered: boolean;
}

export interface SetFigures {
  accuracy: number;
  refusalRecall: number | null;
  /** Answerable cases refused. */
  refusalRate: number;
  cases: number;
}

export interface SetThresholdResult {
  /** Per held-out set: with the threshold fitted on the other sets, and with the shipped model. */
  outOfFold: Record<string, { fitted: SetFigures & { threshold: number }; shipped: SetFigures }>;
  threshold: number;
  model: SentenceModel;
}

export const isNews = (example: FitExample) => example.candidates.some((candidate) => candidate.hit.article.date !== undefined);

/** The cases of the sets on `side` (news: some candidate from a dated article; pages: none), each
 *  answered as served but with no refusal threshold, so any threshold can be applied after. */
export function thresholdRows(examples: FitExample[], model: SentenceModel, side: Side): ThresholdRow[] {
  const answerability = model.answerability;
  if (!answerability) throw new Error('the model has no refusal part whose threshold could be fitted');
  const open = {
    ...DEFAULT_EXTRACTIVE,
    model: { ...model, answerability: { ...answerability, threshold: 0, newsThreshold: 0, pageThreshold: 0 } },
  };
  const rows: ThresholdRow[] = [];
  for (const example of examples) {
    if (isNews(example) !== (side === 'news')) continue;
    const ranked = scoreCandidates([...example.candidates], model);
    const chosen = selectSentences(example.question, ranked, example.lexicon, open);
    const opening = chosen.length ? chooseOpening(example.question, ranked, example.lexicon, open)?.best : undefined;
    const answer = servedAnswer(example.question, chosen).answer;
    rows.push({
      source: example.source,
      refuse: example.refuse,
      ruleRefused: opening === undefined,
      dated: opening?.hit.article.date !== undefined,
      probability: opening
        ? sigmoid(scoreFeatures(answerabilityFeatures(example.question, ranked, opening, example.lexicon), answerability.weights))
        : 0,
      rightIfAnswered: !example.refuse && opening !== undefined && (example.correct?.(answer) ?? false),
    });
  }
  return rows;
}

const refused = (row: ThresholdRow, cuts: Cuts) => row.ruleRefused || row.probability < (row.dated ? cuts.dated : cuts.undated);
const isRight = (row: ThresholdRow, cuts: Cuts) => (refused(row, cuts) ? row.refuse : row.rightIfAnswered);

export function thresholdFigures(rows: ThresholdRow[], cuts: Cuts): SetFigures {
  const refusable = rows.filter((row) => row.refuse);
  const answerable = rows.filter((row) => !row.refuse);
  return {
    accuracy: roundTo(rows.filter((row) => isRight(row, cuts)).length / Math.max(1, rows.length), 4),
    refusalRecall: refusable.length ? roundTo(refusable.filter((row) => refused(row, cuts)).length / refusable.length, 4) : null,
    refusalRate: answerable.length ? roundTo(answerable.filter((row) => refused(row, cuts)).length / answerable.length, 4) : 0,
    cases: rows.length,
  };
}

/** The cut for `side` that answers the most `rows` right, the other side's cut as in `cuts`; of
 *  equally good cuts, the middle one. */
export function pickSideThreshold(rows: ThresholdRow[], side: Side, cuts: Cuts): number {
  const dated = side === 'news';
  const own = rows.filter((row) => row.dated === dated && !row.ruleRefused).map((row) => row.probability);
  const probabilities = [...new Set(own)].sort((a, b) => a - b);
  const withCut = (cut: number): Cuts => (dated ? { ...cuts, dated: cut } : { ...cuts, undated: cut });
  // A cut below every probability, then one between each pair of neighbours.
  const candidates = [0, ...probabilities.slice(1).map((p, i) => (p + probabilities[i]!) / 2)];
  const scores = candidates.map((cut) => rows.filter((row) => isRight(row, withCut(cut))).length);
  const best = Math.max(...scores);
  const tied = candidates.filter((_, i) => scores[i] === best);
  return roundTo(tied[Math.floor((tied.length - 1) / 2)] ?? 0, 4);
}

const NO_CASE: Record<Side, string> = {
  news: '뉴스 임계값을 맞출 사례가 없습니다: 날짜 있는 기사에서 답을 여는 평가 세트 사례가 필요합니다',
  pages: '문서 임계값을 맞출 사례가 없습니다: 날짜 없는 문서에서 답을 여는 평가 세트 사례가 필요합니다',
};

/** The shipped cuts of `model`: news and pages fall back to the general (KorQuAD) threshold. */
export function shippedCuts(model: SentenceModel): Cuts {
  const answerability = model.answerability!;
  return {
    dated: answerability.newsThreshold ?? answerability.threshold,
    undated: answerability.pageThreshold ?? answerability.threshold,
  };
}

export function refitSideThreshold(
  examples: FitExample[],
  model: SentenceModel,
  side: Side,
  onProgress?: (message: string) => void,
): SetThresholdResult {
  const rows = thresholdRows(examples, model, side);
  // With no case of the side answered by the model, every cut fits equally and the search would write 0.
  if (!rows.some((row) => row.dated === (side === 'news') && !row.ruleRefused)) throw new Error(NO_CASE[side]);
  const shipped = shippedCuts(model);
  const sources = [...new Set(rows.map((row) => row.source))].sort();
  const outOfFold: SetThresholdResult['outOfFold'] = {};
  const withCut = (cut: number): Cuts => (side === 'news' ? { ...shipped, dated: cut } : { ...shipped, undated: cut });
  for (const source of sources) {
    const held = rows.filter((row) => row.source === source);
    const fitted = pickSideThreshold(
      rows.filter((row) => row.source !== source),
      side,
      shipped,
    );
    outOfFold[source] = {
      fitted: { ...thresholdFigures(held, withCut(fitted)), threshold: fitted },
      shipped: thresholdFigures(held, shipped),
    };
    onProgress?.(`${source}: ${JSON.stringify(outOfFold[source])}`);
  }
  const threshold = pickSideThreshold(rows, side, shipped);
  const all = (pick: (figures: (typeof outOfFold)[string]) => SetFigures) =>
    roundTo(sources.reduce((sum, source) => sum + pick(outOfFold[source]!).accuracy * outOfFold[source]!.fitted.cases, 0) / rows.length, 4);
  const record = { sets: sources, cases: rows.length, outOfFoldAccuracy: all((f) => f.fitted), shippedAccuracy: all((f) => f.shipped) };
  const key = side === 'news' ? 'newsThreshold' : 'pageThreshold';
  return {
    outOfFold,
    threshold,
    model: {
      ...model,
      answerability: { ...model.answerability!, [key]: threshold },
      fitted: { ...model.fitted, [key]: record },
    },
  };
}
