// `npm run fit:answer -- --news-threshold`: fits the refusal threshold for openings from dated
// articles (news) on the development sets over news fixture corpora, the ranker and the refusal
// weights unchanged. The KorQuAD threshold is a quantile over near misses made by removing a
// paragraph; a news question the articles do not answer is closer than that (the same company,
// the same strike, another figure), so news gets its own cut, the one that answers the most news
// cases right. Out-of-fold figures leave one whole set out at a time: every set was written apart
// from the others, so a held-out set is as new as a user's own articles.
import { chooseOpening, DEFAULT_EXTRACTIVE, scoreCandidates, selectSentences, servedAnswer } from '../answer/extractive.js';
import { answerabilityFeatures } from '../answer/answerability.js';
import { scoreFeatures, sigmoid, type SentenceModel } from '../answer/sentence-model.js';
import type { FitExample } from './fit-answer-model.js';
import { roundTo } from './round.js';

/** What a news case does at any news threshold. */
export interface NewsRow {
  source: string;
  refuse: boolean;
  /** Refused by the rules before the refusal model: no threshold answers it. */
  ruleRefused: boolean;
  /** The opening is from a dated article: the news threshold decides it. */
  dated: boolean;
  /** The refusal model's probability for the opening. */
  probability: number;
  /** Answered, the answer is right. */
  rightIfAnswered: boolean;
}

export interface NewsFigures {
  accuracy: number;
  refusalRecall: number | null;
  /** Answerable cases refused. */
  refusalRate: number;
  cases: number;
}

export interface NewsThresholdResult {
  /** Per held-out set: with the threshold fitted on the other sets, and with the shipped model. */
  outOfFold: Record<string, { fitted: NewsFigures & { threshold: number }; shipped: NewsFigures }>;
  threshold: number;
  model: SentenceModel;
}

/** The cases of the sets whose passages are news (some candidate from a dated article), each
 *  answered as served but with no refusal threshold, so any threshold can be applied after. */
export function newsRows(examples: FitExample[], model: SentenceModel): NewsRow[] {
  const answerability = model.answerability;
  if (!answerability) throw new Error('the model has no refusal part whose threshold could be fitted');
  const open = { ...DEFAULT_EXTRACTIVE, model: { ...model, answerability: { ...answerability, threshold: 0, newsThreshold: 0 } } };
  const rows: NewsRow[] = [];
  for (const example of examples) {
    if (!example.candidates.some((candidate) => candidate.hit.article.date !== undefined)) continue;
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

function isRight(row: NewsRow, newsThreshold: number, threshold: number): boolean {
  if (row.ruleRefused) return row.refuse;
  const answered = row.probability >= (row.dated ? newsThreshold : threshold);
  return answered ? row.rightIfAnswered : row.refuse;
}

export function newsFigures(rows: NewsRow[], newsThreshold: number, threshold: number): NewsFigures {
  const refused = (row: NewsRow) => row.ruleRefused || row.probability < (row.dated ? newsThreshold : threshold);
  const refusable = rows.filter((row) => row.refuse);
  const answerable = rows.filter((row) => !row.refuse);
  return {
    accuracy: roundTo(rows.filter((row) => isRight(row, newsThreshold, threshold)).length / Math.max(1, rows.length), 4),
    refusalRecall: refusable.length ? roundTo(refusable.filter(refused).length / refusable.length, 4) : null,
    refusalRate: answerable.length ? roundTo(answerable.filter(refused).length / answerable.length, 4) : 0,
    cases: rows.length,
  };
}

/** The news threshold that answers the most `rows` right; of equally good cuts, the middle one. */
export function pickNewsThreshold(rows: NewsRow[], threshold: number): number {
  const probabilities = [...new Set(rows.filter((row) => row.dated && !row.ruleRefused).map((row) => row.probability))].sort(
    (a, b) => a - b,
  );
  // A cut below every probability, then one between each pair of neighbours.
  const cuts = [0, ...probabilities.slice(1).map((p, i) => (p + probabilities[i]!) / 2)];
  const scores = cuts.map((cut) => rows.filter((row) => isRight(row, cut, threshold)).length);
  const best = Math.max(...scores);
  const tied = cuts.filter((_, i) => scores[i] === best);
  return roundTo(tied[Math.floor((tied.length - 1) / 2)] ?? 0, 4);
}

export function refitNewsThreshold(
  examples: FitExample[],
  model: SentenceModel,
  onProgress?: (message: string) => void,
): NewsThresholdResult {
  const rows = newsRows(examples, model);
  // With no news case answered by the model, every cut fits equally and the search would write 0.
  if (!rows.some((row) => row.dated && !row.ruleRefused))
    throw new Error('뉴스 임계값을 맞출 사례가 없습니다: 날짜 있는 기사에서 답을 여는 평가 세트 사례가 필요합니다');
  const threshold = model.answerability!.threshold;
  const shippedNews = model.answerability!.newsThreshold ?? threshold;
  const sources = [...new Set(rows.map((row) => row.source))].sort();
  const outOfFold: NewsThresholdResult['outOfFold'] = {};
  for (const source of sources) {
    const held = rows.filter((row) => row.source === source);
    const fitted = pickNewsThreshold(
      rows.filter((row) => row.source !== source),
      threshold,
    );
    outOfFold[source] = {
      fitted: { ...newsFigures(held, fitted, threshold), threshold: fitted },
      shipped: newsFigures(held, shippedNews, threshold),
    };
    onProgress?.(`${source}: ${JSON.stringify(outOfFold[source])}`);
  }
  const newsThreshold = pickNewsThreshold(rows, threshold);
  const all = (pick: (figures: (typeof outOfFold)[string]) => NewsFigures) =>
    roundTo(sources.reduce((sum, source) => sum + pick(outOfFold[source]!).accuracy * outOfFold[source]!.fitted.cases, 0) / rows.length, 4);
  const record = { sets: sources, cases: rows.length, outOfFoldAccuracy: all((f) => f.fitted), shippedAccuracy: all((f) => f.shipped) };
  return {
    outOfFold,
    threshold: newsThreshold,
    model: {
      ...model,
      answerability: { ...model.answerability!, newsThreshold },
      fitted: { ...model.fitted, newsThreshold: record },
    },
  };
}
