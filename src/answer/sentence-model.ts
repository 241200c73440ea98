// A linear ranking model over candidate answer sentences. Features describe how a
// sentence relates to the question (IDF-weighted coverage, the answer kind, whether it
// adds anything to the question's own words), what kind of sentence it is (statement,
// question, heading, caption, pointing back) and where it comes from (passage rank,
// retrieval score, lead sentence). The weights are fitted on KorQuAD dev with a listwise
// softmax loss, five folds split by article (`npm run fit:answer`); the figures each
// weight file reports are out-of-fold.

export const FEATURES = [
  'coverage', // share of the question's corpus-IDF weight in the sentence
  'local', // the same, weighted by rarity among the candidates
  'before', // question weight found only in the sentence just before
  'rank', // passage rank, 1 for the best passage
  'retrieval', // retrieval score relative to the best passage
  'typeMatch', // the question asks for a kind and the sentence holds one
  'typeMiss', // the question asks for a kind and the sentence holds none
  'novelty', // share of the sentence's words the question does not already say
  'coverageNovelty', // coverage × novelty: covers the question and adds to it
  'question', // a question (FAQ entry, rhetorical)
  'heading', // a heading, list label or fragment
  'pointsBack', // opens with a bare pronoun
  'length', // log length, 1 at 400 characters
  'lead', // the article's first sentence
  'number', // holds a digit
  'related', // question words matched only through the related-words table
  'wordCoverage', // share of the question's whole words (particle-stripped) in the sentence
  'rarest', // the rarest question term the sentence holds, relative to the rarest overall
  'localSquared', // local², so that near-complete coverage stands out
  'topPassage', // from the best-ranked passage
  'typeLocal', // typeMatch × local: the asked kind where the question's words are
  'beforeLocal', // before × local: the question's words split over two sentences
  'contextCoverage', // coverage counting the article's title and the sentence before
  'attributeCoverage', // coverage by question words the title does not hold
  'attributeShare', // attributeCoverage / coverage: the sentence's own part beyond the headline's topic
  'typeAttribute', // typeMatch × attributeCoverage: the asked kind beside the asked attribute
] as const;

export const FEATURE_COUNT = FEATURES.length;

/** Features of the best candidate and the passages as a whole that say whether the
 *  passages answer at all; a logistic model over them decides refusals. */
export const ANSWERABILITY_FEATURES = [
  'bias',
  'coverage', // the chosen sentence's coverage of the question, a word said in a related word counted
  'contextCoverage', // …counting its passage and headline
  'attributeCoverage', // …by words the headline does not hold (related words counted too)
  'local', // its candidate-weighted coverage
  'wordCoverage', // share of the question's whole words it holds
  'rarest', // the rarest question term it holds, relative to the rarest overall
  'bestCoverage', // the best coverage of any candidate sentence
  'passagesCoverage', // the question's weight found anywhere in the passages and headlines
  'probability', // the ranker's softmax probability of the chosen sentence
  'unknown', // the question's weight in words the corpus never uses
  'typeMatch', // the question asks for a kind and the sentence holds one
  'typed', // the question asks for a kind
  'missingPassages', // IDF share of the question's content words no passage holds (missing-words.ts)
  'missingArticle', // …that the opening sentence's article passages do not hold
  'missingSentence', // …that the opening sentence (with the one before it) does not hold
] as const;

export interface AnswerabilityModel {
  /** One weight per ANSWERABILITY_FEATURES entry. */
  weights: number[];
  /** Answer when the model's probability is at least this. */
  threshold: number;
  /** The threshold for an opening from a dated article (news), when fitted apart on the news
   *  sets (`fit:answer --news-threshold`): a news question that the passages do not answer
   *  shares their names and words more than a KorQuAD near miss does. */
  newsThreshold?: number;
  /** The threshold for an opening from an undated document (a help page), when fitted apart on the
   *  help-page sets (`fit:answer --page-threshold`): users ask help pages in their own words. */
  pageThreshold?: number;
}

/** The probability below which `answerability` refuses to open with `opening`. */
export function answerThreshold(answerability: AnswerabilityModel, opening: { hit: { article: { date?: string } } }): number {
  return opening.hit.article.date !== undefined
    ? (answerability.newsThreshold ?? answerability.threshold)
    : (answerability.pageThreshold ?? answerability.threshold);
}

export function sigmoid(value: number): number {
  return 1 / (1 + Math.exp(-value));
}

export interface SentenceModel {
  /** One weight per feature, in FEATURES order. */
  weights: number[];
  /** A second sentence is added when it adds question terms or the asked kind that the
   *  first lacks and the model gives it at least this probability (softmax over the
   *  candidates)… */
  secondMinProbability: number;
  /** …or, adding nothing visible, when the model still gives it this much: it likely
   *  holds the answer the first may miss. */
  secondLikelyProbability: number;
  /** Weight of the question's share in the Markdown heading a sentence sits under ("## 신호 세기
   *  확인하기" over "앱의 기기 설정 > 네트워크 > 신호 세기에서 …"). KorQuAD's paragraphs have no headings, so
   *  it is fitted apart on the help-page sets (`fit:answer --section-weight`, one set left out at a time). */
  sectionWeight?: number;
  /** Refusal model; without one, the hand thresholds of ExtractiveOptions decide. */
  answerability?: AnswerabilityModel;
  /** How the weights were fitted and their out-of-fold figures, for the record. */
  fitted?: Record<string, unknown>;
}

export function scoreFeatures(features: Float64Array | number[], weights: number[]): number {
  let score = 0;
  for (let i = 0; i < weights.length; i++) score += weights[i]! * features[i]!;
  return score;
}

/** Softmax probabilities of `scores` (numerically stable). */
export function softmax(scores: number[]): number[] {
  if (scores.length === 0) return [];
  const top = Math.max(...scores);
  const exps = scores.map((score) => Math.exp(score - top));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((value) => value / sum);
}
