// Whether the passages answer at all: features of the sentence the answer would open with
// and of the passages as a whole, scored by a logistic model fitted on KorQuAD dev with
// near misses (each question asked again without its own paragraph; `npm run fit:answer`).
import { canAnswerType } from './answer-forms.js';
import { expectedAnswerType } from './answer-type.js';
import { passageTerms, smoothedIdf, type Candidate, type Lexicon } from './candidates.js';
import { scoreFeatures, sigmoid, softmax } from './sentence-model.js';
import { wordTerm } from '../text/tokens.js';
import { missingShare, questionContentWords } from './missing-words.js';
import { questionTerms } from './question-terms.js';

/** The answerability features of choosing `first` among `candidates` (ANSWERABILITY_FEATURES order). */
export function answerabilityFeatures(question: string, candidates: Candidate[], first: Candidate, lexicon: Lexicon): number[] {
  const terms = questionTerms(question, lexicon);
  let total = 0;
  let found = 0;
  let unknown = 0;
  const context = passageTerms(candidates);
  for (const term of terms) {
    const weight = smoothedIdf(lexicon, term);
    total += weight;
    if (context.has(term)) found += weight;
    if (lexicon.documentFrequency(term) === 0) unknown += weight;
  }
  const probabilities = softmax(candidates.map((candidate) => candidate.score));
  const words = questionContentWords(question);
  const weight = (word: string) => smoothedIdf(lexicon, wordTerm(word));
  const article = passageTerms(candidates, first.hit.article.id);
  const sentence = new Set([...first.terms, ...(first.previous?.terms ?? [])]);
  const type = expectedAnswerType(question);
  return [
    1,
    first.coverage,
    first.contextCoverage,
    first.attributeCoverage,
    first.features[1]!,
    first.features[16]!,
    first.features[17]!,
    Math.max(...candidates.map((candidate) => candidate.coverage)),
    total > 0 ? found / total : 0,
    probabilities[candidates.indexOf(first)] ?? 0,
    total > 0 ? unknown / total : 0,
    type && canAnswerType(first.text, type) ? 1 : 0,
    type ? 1 : 0,
    missingShare(words, context, weight),
    missingShare(words, article, weight),
    missingShare(words, sentence, weight),
  ];
}

export function answerabilityOf(question: string, candidates: Candidate[], first: Candidate, lexicon: Lexicon, weights: number[]): number {
  return sigmoid(scoreFeatures(answerabilityFeatures(question, candidates, first, lexicon), weights));
}
