// Whether the passages answer at all: features of the sentence the answer would open with
// and of the passages as a whole, scored by a logistic model fitted on KorQuAD dev with
// near misses (each question asked again without its own paragraph; `npm run fit:answer`).
import { canAnswerType } from './answer-forms.js';
import { expectedAnswerType } from './answer-type.js';
import { passageTerms, smoothedIdf, titleTerms, type Candidate, type Lexicon } from './candidates.js';
import { scoreFeatures, sigmoid, softmax } from './sentence-model.js';
import { bigrams, isWordTerm, stripParticle, wordTerm } from '../text/tokens.js';
import { relatedTerms } from '../text/related-words.js';
import { RELATIVE_DAYS, RELATIVE_YEARS } from '../text/temporal-tables.js';
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
  // A question word the sentence says in a related word (입장료 ~ 관람료, 가격 ~ 출고가) is covered.
  const said = total > 0 ? relatedShare(terms, first, lexicon) : { all: 0, own: 0 };
  return [
    1,
    first.coverage + said.all / total,
    first.contextCoverage,
    first.attributeCoverage + said.own / total,
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

/** The IDF weight of the question's whole words that `first` holds only as a related word (`own`: those
 *  its title does not hold either). */
function relatedShare(terms: string[], first: Candidate, lexicon: Lexicon): { all: number; own: number } {
  let all = 0;
  let own = 0;
  const title = titleTerms(first.hit.article.title);
  const asked = new Set(terms);
  // A lemma as the analyzer may have cut it: 출고가 is indexed as 출고 (가 read as a particle).
  const holds = (lemma: string) => first.terms.has(wordTerm(lemma)) || first.terms.has(wordTerm(stripParticle(lemma)));
  for (const term of terms) {
    // A time word (작년 ~ 지난해) names no topic: every report says one.
    const word = term.slice(2);
    if (!isWordTerm(term) || word in RELATIVE_YEARS || word in RELATIVE_DAYS || first.terms.has(term) || !relatedTerms(word).some(holds))
      continue;
    // The word and its spelling (bigrams) the sentence lacks.
    for (const part of [term, ...bigrams(word)]) {
      if (!asked.has(part) || (part !== term && first.terms.has(part))) continue;
      const weight = smoothedIdf(lexicon, part);
      all += weight;
      if (!title.has(part)) own += weight;
    }
  }
  return { all, own };
}

export function answerabilityOf(question: string, candidates: Candidate[], first: Candidate, lexicon: Lexicon, weights: number[]): number {
  return sigmoid(scoreFeatures(answerabilityFeatures(question, candidates, first, lexicon), weights));
}
