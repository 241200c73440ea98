// The second sentence of an extractive answer: the sentence the first points back to, one that
// adds what the question asks and the first lacks (question terms, the asked kind) with enough
// model probability, or, on a page with no date, the sentence that goes on from the first.
import { canAnswerType } from './answer-forms.js';
import { expectedAnswerType, isHardType } from './answer-type.js';
import { asksYearsAgo, saysYearsAgo } from './article-fit.js';
import { smoothedIdf, titleTerms, type Candidate, type Lexicon } from './candidates.js';
import { holdsWord, questionContentWords } from './missing-words.js';
import { questionTerms } from './question-terms.js';
import { softmax, type SentenceModel } from './sentence-model.js';
import { goesOn } from './statement.js';
import { isOtherTimeLookalike } from './time-choice.js';

/** The question's corpus-IDF weight in `terms` that `covered` does not already hold. */
function addedWeight(questionWeights: Map<string, number>, covered: Set<string>, terms: Set<string>): number {
  let added = 0;
  for (const [term, weight] of questionWeights) if (terms.has(term) && !covered.has(term)) added += weight;
  return added;
}

/** A dated (news) article whose headline names one of the question's content words is about it. */
export function isAbout(words: readonly string[], candidate: Candidate): boolean {
  return candidate.hit.article.date !== undefined && words.some((word) => holdsWord(titleTerms(candidate.hit.article.title), word));
}

/** The longest lead-in, in characters: 15, 20 and 30 measured on the development sets (+1 −0, +3 −3, +3 −6). */
const LEAD_IN_CHARS = 15;
/** A list item that opens with its label: "- 흰 연기: …", "1. 저전력 모드: …". */
const LABELLED_ITEM = /^\s*([-*•]|\d+[.)])\s*[^:：\n]{1,20}[:：]\s/;
/** An instruction, or what a step brings about ("…뽑으세요", "…넣으면 줄어듭니다"). */
const INSTRUCTION = /(세요|십시오|[가-힣]면\s.*니다)[.!]?$/;

/** The second sentence for `first`, or none (see the file's head). */
export function secondSentence(
  question: string,
  first: Candidate,
  candidates: Candidate[],
  lexicon: Lexicon,
  model: SentenceModel,
  type: ReturnType<typeof expectedAnswerType>,
  fits: (candidate: Candidate) => boolean,
): Candidate | undefined {
  // A pronoun at the start ("그는 …") needs what it points back to.
  if (first.pointsBack && first.previous) {
    const antecedent = candidates.find(
      (candidate) => candidate.hit.article.id === first.hit.article.id && candidate.start === first.previous!.start,
    );
    // Only a sentence that names something itself: one that points back too explains nothing.
    if (antecedent && antecedent.kind === 'statement' && !antecedent.pointsBack) return antecedent;
  }
  // A short lead-in ("유출 원인도 달라졌다.") announces what the sentence after it tells; a labelled list item
  // of a help page ("- 검은 연기: 음식이 타고 있다는 신호입니다. 즉시 …") goes on in the same item with what to do
  // (an instruction or what a step brings about: "…뽑으세요", "…넣으면 줄어듭니다").
  const labelled = first.hit.article.date === undefined && LABELLED_ITEM.test(first.text);
  if (first.text.length <= LEAD_IN_CHARS || labelled) {
    const next = candidates
      .filter((candidate) => candidate.hit.chunk.id === first.hit.chunk.id && candidate.start >= first.end)
      .sort((a, b) => a.start - b.start)[0];
    const sameItem = (candidate: Candidate) =>
      !candidate.hit.chunk.text.slice(first.end - candidate.hit.chunk.start, candidate.start - candidate.hit.chunk.start).includes('\n');
    if (next && next.kind === 'statement' && !next.pointsBack && (!labelled || (sameItem(next) && INSTRUCTION.test(next.text))))
      return next;
  }
  const part = otherPartAnswer(question, first, candidates);
  if (part) return part;
  const probabilities = softmax(candidates.map((candidate) => candidate.score));
  const questionWeights = new Map<string, number>();
  for (const term of questionTerms(question, lexicon)) questionWeights.set(term, smoothedIdf(lexicon, term));
  const firstLacksType = type !== undefined && !canAnswerType(first.text, type);
  const { secondMinProbability, secondLikelyProbability } = model;
  // A sentence of another article must name something the question names: one that shares only
  // "많이" or "결과" with it is about something else ("표가 많이 남았다" beside a typhoon's rain);
  // and beside an article about the subject, one that mentions it in passing adds a second report.
  const words = questionContentWords(question);
  // …and its article must fit the question's times and sides as the opening's does (`fits`: a coach's
  // "2차전에서 우승을 확정하겠다" in the first game's report adds nothing to a question about the second game).
  const offTopic = (candidate: Candidate) =>
    candidate.hit.article.id !== first.hit.article.id &&
    (!fits(candidate) ||
      (words.length > 0 &&
        (!words.some((word) => holdsWord(candidate.terms, word)) || (isAbout(words, first) && !isAbout(words, candidate)))));
  const pick = (allowed: (candidate: Candidate) => boolean): Candidate | undefined => {
    for (const [i, candidate] of candidates.entries()) {
      if (candidate === first || candidate.kind !== 'statement' || isOtherTimeLookalike(candidate, first) || offTopic(candidate)) continue;
      const probability = probabilities[i]!;
      if (probability < Math.min(secondMinProbability, secondLikelyProbability)) break; // sorted by score
      if (!allowed(candidate)) continue;
      if (probability >= secondLikelyProbability) return candidate;
      const addsTerms = addedWeight(questionWeights, first.terms, candidate.terms) > 0;
      const addsType = firstLacksType && canAnswerType(candidate.text, type);
      if (addsTerms || addsType) return candidate;
    }
    return undefined;
  };
  // A news answer goes on in its own article when that article has what to add: a second report
  // beside it mixes two articles for what one says ("윤 부행장은 … 입행했다" and its own lead).
  // Another article's sentence, when the question asks a kind with a visible form, must hold one.
  const sameArticle = (candidate: Candidate) => candidate.hit.article.id === first.hit.article.id;
  // When the first lacks an asked kind with a visible form (a sum, a count, a time, or whether it
  // costs), a sentence that holds it comes before one the model merely finds likely ("관람료는 무료이며"
  // over another line of the exhibition's lead): soft kinds' patterns are too loose for that (−7 +5).
  const visibleKind = type !== undefined && (isHardType(type) || type.kind === 'cost');
  const addsKind = (candidate: Candidate) => firstLacksType && visibleKind && canAnswerType(candidate.text, type);
  if (first.hit.article.date === undefined) return pick(addsKind) ?? pick(() => true) ?? continuation(first, candidates);
  const holdsKind = (candidate: Candidate) => type === undefined || !isHardType(type) || canAnswerType(candidate.text, type);
  return pick((candidate) => sameArticle(candidate) && addsKind(candidate)) ?? pick(sameArticle) ?? pick(holdsKind);
}

/** The sentence right after `first` that goes on from it ("이때 세워지는 내각을 …라고 부른다"): an
 *  encyclopedia names a thing in the sentence after the one that describes it. Measured on KorQuAD
 *  as a last resort only (+6 questions); before the model's pick it cost 15. */
function continuation(first: Candidate, candidates: Candidate[]): Candidate | undefined {
  return candidates.find(
    (candidate) =>
      candidate.hit.article.id === first.hit.article.id &&
      candidate.previous?.start === first.start &&
      candidate.kind === 'statement' &&
      goesOn(candidate.text),
  );
}

/**
 * A question asked in two parts ("국화축제 작년엔 몇 명 왔어? 올해 목표는?"): a sentence of the first's
 * article that answers the part the first does not, by that part's asked kind and, in the news, the
 * year it asks of ("지난해 축제에는 … 52만명이 다녀갔다").
 */
function otherPartAnswer(question: string, first: Candidate, candidates: Candidate[]): Candidate | undefined {
  const parts = question
    .split(/[?？]/)
    .map((part) => part.trim())
    .filter(Boolean);
  if (parts.length < 2) return undefined;
  const date = first.hit.article.date;
  for (const part of parts) {
    const type = expectedAnswerType(part);
    if (!type || !isHardType(type, date !== undefined)) continue;
    const years = date ? asksYearsAgo(part) : 0;
    const answers = (candidate: Candidate) =>
      canAnswerType(candidate.text, type, part) && (years === 0 || saysYearsAgo(candidate.text, date!, years));
    if (answers(first)) continue;
    return candidates.find(
      (candidate) =>
        candidate !== first && candidate.kind === 'statement' && candidate.hit.article.id === first.hit.article.id && answers(candidate),
    );
  }
  return undefined;
}
