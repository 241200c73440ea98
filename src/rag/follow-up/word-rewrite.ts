// The word rewrite: a follow-up ("그 행사는 어디서 열렸어?") made standalone from the conversation,
// without a model.
//
// 1. Detect: a pronoun (그는, 거기서, 그건 …), a determiner before a noun (그 행사, 해당 모델, 이 원장),
//    an opener (그럼 …) or a subjectless fragment ("2차전은?", "왜?").
// 2. Read the conversation as noun phrases: the last user question (itself made standalone first),
//    then the assistant's answer after it ([n] markers stripped), then older turns.
// 3. Resolve: the noun after the determiner (or the pronoun's kind) names a category (행사 → event:
//    서밋, 포럼, 축제 …; 사람 → a name with a title; 곳 → a place); the most specific phrase of that
//    category replaces the pronoun, with the particle refitted (그는 → 이홍락 원장은).
//    A fragment replaces its sibling in the last question ("그럼 3분기는?" after "2분기 매출은 얼마야?"
//    → "3분기 매출은 얼마야?"). What stays unresolved carries the last question's words instead.
import type { ChatTurn } from '../../domain/types.js';
import { bigrams } from '../../text/tokens.js';
import { DETERMINERS, EVENT_SUFFIXES, HANGUL, NOMINAL_PARTICLE_SET, ORG_SUFFIXES, SIBLING_SETS, VERBAL_END } from './korean-tables.js';
import { resolvePointers, type Resolution } from './pointers.js';
import { analyse, coordinated, isEmptyWord, leansOnHistory, render, splitQuestion, swapTopic, type Analysis } from './question.js';
import type { Word } from './question.js';
import { MODIFIED_NOUNS } from './noun-phrases.js';
import { answeredName, contextOf, topicOf, type Context } from './referents.js';
import { firstTime } from './time.js';
import { timeIntent } from '../../text/temporal.js';
import { verbStems } from '../../text/verb-stems.js';
import { categoryOfWord, endsWithAny, pronounOf, splitParticle, withoutPoliteYo, withParticle, YES_ANSWER } from './words.js';

export type RewriteMethod = 'standalone' | 'substituted' | 'sibling' | 'topic' | 'carried';

interface Rewrite {
  question: string;
  method: RewriteMethod;
  /**
   * A pointer found no fitting phrase and was filled with the last question's topic or words
   * ("그 행사" after an answer that names no event): a caller may pass background texts and retry.
   */
  guessed?: boolean;
}

/** How many earlier questions are made standalone in turn to read the last one. */
const MAX_DEPTH = 3;

/** Stems of the last question the new one lacks, without question words and the words in `skip` (a replaced slot). */
function carriedWords(previous: string, question: string, skip: Set<string> = new Set()): string[] {
  const present = new Set(splitQuestion(question).map((word) => splitParticle(word.clean)[0]));
  // A question that says which state it asks of ("지금은 몇 명으로 늘었어?") drops the last one's
  // ("처음에 몇 명 다쳤어?"): carried, the two would cancel out.
  const ownIntent = timeIntent(question) !== undefined;
  const carried: string[] = [];
  const words = splitQuestion(previous);
  for (const [i, word] of words.entries()) {
    if (isEmptyWord(word.clean) || pronounOf(word.clean) || DETERMINERS.has(word.clean)) continue;
    const [stem, particle] = splitParticle(word.clean);
    // A verb's 는 form and the way or thing it modifies go whole: "바꾸는 법", not a stem 바꾸.
    const modified = splitParticle(words[i + 1]?.clean ?? '')[0];
    if (particle === '는' && MODIFIED_NOUNS.has(modified) && !present.has(stem)) {
      carried.push(`${word.clean} ${modified}`);
      continue;
    }
    if (ownIntent && timeIntent(stem) !== undefined) continue;
    if (stem.length < 2 && HANGUL.test(stem)) continue;
    if (skip.has(stem) || skip.has(word.clean) || present.has(stem) || carried.includes(stem)) continue;
    carried.push(stem);
  }
  return carried;
}

/** The topic of the last question, when the new one does not already say it all. */
function topicWords(previous: string, question: string, skip: Set<string>): string[] {
  const topic = topicOf(previous);
  if (!topic) return [];
  const present = new Set(splitQuestion(question).map((word) => splitParticle(word.clean)[0]));
  const words = topic.split(' ').filter((word) => !skip.has(word));
  return words.every((word) => present.has(word)) ? [] : [words.join(' ')].filter(Boolean);
}

function withCarry(carried: string[], question: string): string {
  return carried.length ? `${carried.join(' ')} — ${question}` : question;
}

/** The word of the last question that a fragment's noun stands in for: 2분기 ↔ 3분기, 부산 ↔ 서울, Impress ↔ Writer. */
function siblingIndex(previousWords: Word[], stem: string): number {
  const shape = (word: string) => word.replace(/\d+/g, '#');
  const kindOf = (word: string) => categoryOfWord(word) ?? (/^[A-Z][A-Za-z]+$/.test(word) ? 'latin' : undefined);
  // A short code with a digit (1E, E5) stands in for another short code (IC): an appliance's error codes.
  const code = (word: string) => /^(?=.*[A-Za-z])[A-Za-z0-9-]{2,6}$/.test(word);
  const category = kindOf(stem);
  const set = SIBLING_SETS.find((members) => members.has(stem));
  return previousWords.findIndex(({ clean }) => {
    const [other] = splitParticle(clean);
    if (other === stem) return false;
    if (/\d/.test(stem) && (shape(other) === shape(stem) || (code(stem) && code(other)))) return true;
    if (set?.has(other)) return true;
    return category !== undefined && category !== 'person' && kindOf(other) === category;
  });
}

/** Stems of the last question's words that the new question's content words stand in for (the slot it fills). */
function siblingSlots(analysis: Analysis, previousQuestion: string): Set<string> {
  const previousWords = splitQuestion(previousQuestion);
  const slots = new Set<string>();
  for (const index of analysis.contentIndexes) {
    const sibling = previousWords[siblingIndex(previousWords, splitParticle(withoutPoliteYo(analysis.words[index]?.clean ?? ''))[0])];
    if (sibling) slots.add(splitParticle(sibling.clean)[0]);
  }
  return slots;
}

/** A question whose pointers were resolved: substituted, or carrying what of the last question it still lacks. */
function withPointersResolved(analysis: Analysis, context: Context, state: Resolution): Rewrite {
  const { words } = analysis;
  const resolved = render(words, state.replaced, analysis.start, state.drop);
  const guessed = state.guessed ? { guessed: true } : {};
  if (state.entity && state.carry === 'none') return { question: resolved, method: 'substituted', ...guessed };
  // "그 전달에는 몇 명이었어?" after "8월 관광객은 몇 명이야?": the last question with its time replaced.
  const previousTime = firstTime(context.question);
  // Only when the time is all it points at: "걔 그날 몇 타수였어?" asks about a person the last answer named.
  const onlyTime = analysis.pronouns.every(({ pronoun }) => pronoun.kind === 'time');
  if (state.time && !state.entity && onlyTime && analysis.contentIndexes.length === 0 && previousTime) {
    return { question: context.question.replace(previousTime, state.time), method: 'sibling' };
  }
  // "Writer에서도 그렇게 할 수 있어?": the last question's words, less the slot the new one fills.
  const skip = siblingSlots(analysis, context.question);
  if (state.time && previousTime) for (const word of previousTime.split(/\s+/)) skip.add(word);
  const carried = state.carry === 'topic' ? topicWords(context.question, resolved, skip) : carriedWords(context.question, resolved, skip);
  return { question: withCarry(carried, resolved), method: state.entity ? 'substituted' : 'carried', ...guessed };
}

/** A fragment with no pointer: "그럼 3분기는?", "2차전은?", "예산은?", "왜?". */
function fragmentRewrite(analysis: Analysis, context: Context): Rewrite {
  const { words, contentIndexes } = analysis;
  const rest = render(words, new Map(), analysis.start);
  // "얼마예요?" after "정기권 같은 거 있어요?" → "네, 월간 패스가 있습니다": it asks about what the yes named.
  // "왜?" and "어떻게?" still ask about the last question's proposition.
  const [answer] = context.answers;
  const asksProposition = words.some((word) => /^(왜|어째서|어떻게|어떡)/.test(word.clean));
  if (contentIndexes.length === 0 && !asksProposition && answer !== undefined && YES_ANSWER.test(answer)) {
    const named = answeredName({ ...context, answers: [answer.replace(YES_ANSWER, '')] });
    if (named) return { question: `${named} ${rest}`, method: 'topic' };
  }
  // "그럼 작년엔?" after "청솔시 온열질환자 올해 몇 명이야?": the last question, at the time the fragment names.
  const time = contentIndexes.length === 0 ? firstTime(rest) : undefined;
  const previousTime = firstTime(context.question);
  if (time && previousTime && time !== previousTime) return { question: context.question.replace(previousTime, time), method: 'sibling' };
  const [only] = contentIndexes;
  const fragment = contentIndexes.length === 1 && only !== undefined ? words[only] : coordinated(words, contentIndexes);
  if (fragment) {
    // The polite 요 after a particle ("압축기는요?") is the particle's, and asks the last question of another.
    const clean = withoutPoliteYo(fragment.clean);
    const polite = clean !== fragment.clean;
    const [stem, particle] = splitParticle(clean);
    const previousWords = splitQuestion(context.question);
    const sibling = siblingIndex(previousWords, stem);
    const replacedWord = previousWords[sibling];
    if (replacedWord) {
      const [, otherParticle] = splitParticle(replacedWord.clean);
      const swapped = new Map([[sibling, withParticle(stem, otherParticle, replacedWord.trailing)]]);
      return { question: render(previousWords, swapped, 0), method: 'sibling' };
    }
    // An adverb ("밤늦게는요?") asks the last question again at another time or in another manner: it
    // swaps no topic and is no noun whose topic to carry.
    const adverb = /[가-힣](게|히|이)$/.test(stem) && !categoryOfWord(stem);
    const topicSwapped = polite && !adverb ? swapTopic(previousWords, stem + particle) : undefined;
    if (topicSwapped) return { question: topicSwapped, method: 'sibling' };
    const nominal =
      !adverb && (particle !== '' ? NOMINAL_PARTICLE_SET.has(particle) : !VERBAL_END.test(stem) || Boolean(categoryOfWord(stem)));
    const topic = topicOf(context.question);
    // "폰으로도 돼?", "모바일에서도 돼?": with 도 the fragment asks the last question again for another
    // thing, so all of that question is carried below, not only its topic (바꾸는 법, 단축키).
    if (nominal && topic && !topic.split(' ').includes(stem) && !particle.endsWith('도')) {
      return { question: `${topic} ${rest}`, method: 'topic' };
    }
  }
  // The last question's words, less the slot the fragment fills ("해령에서 열린 대회는?" replaces 청솔마라톤)
  // but with that slot's kind (마라톤): the new thing is another of it.
  const slots = siblingSlots(analysis, context.question);
  const kinds = [...slots].flatMap((slot) => {
    const kind = endsWithAny(slot, EVENT_SUFFIXES) ?? endsWithAny(slot, ORG_SUFFIXES);
    return kind && kind !== slot && !rest.includes(kind) ? [kind] : [];
  });
  return { question: withCarry([...kinds, ...carriedWords(context.question, rest, slots)], rest), method: 'carried' };
}

/** The conversation up to its last user question, that question made standalone first (up to MAX_DEPTH). */
function conversationOf(history: ChatTurn[], depth: number, background: readonly string[]): Context | undefined {
  const last = history.map((turn) => turn.role).lastIndexOf('user');
  const turn = history[last];
  if (!turn) return undefined;
  const question = depth < MAX_DEPTH ? rewrite(turn.content, history.slice(0, last), depth + 1, []).question : turn.content;
  return contextOf(history, last, question, background);
}

/** Hangul bigrams of the nouns of `text`: content words that do not end like a verb (열린, 나왔을). */
function contentBigrams(text: string): Set<string> {
  const out = new Set<string>();
  for (const word of splitQuestion(text)) {
    if (isEmptyWord(word.clean)) continue;
    const [stem] = splitParticle(word.clean);
    if (VERBAL_END.test(stem) || stem.length < 2) continue;
    for (const pair of bigrams(stem)) if (HANGUL.test(pair)) out.add(pair);
  }
  return out;
}

// The bound noun 거 (것) with the closing predicate: "…내린 거래?", "…한 거야?", "…된 건데?".
const BOUND_PREDICATE = /^(거|건|게)(래|야|지|예요|에요|라|냐|래요)?$/;

/** Whether a question names a noun of its own: a content word that is no verb and no bound predicate. */
function namesNoun(question: string): boolean {
  return splitQuestion(question).some((word) => {
    const [stem] = splitParticle(word.clean);
    return (
      !isEmptyWord(word.clean) &&
      stem.length >= 2 &&
      !VERBAL_END.test(stem) &&
      !BOUND_PREDICATE.test(stem) &&
      verbStems(word.clean, { modifiers: true }).length === 0
    );
  });
}

/** The verb stems of `text` (내린, 내렸어 → 내리). */
function verbsOf(text: string): Set<string> {
  return new Set(splitQuestion(text).flatMap((word) => verbStems(word.clean, { modifiers: true })));
}

/**
 * Korean drops the subject a conversation already set: "처음 이적설 나왔을 때는 얼마로 거론됐어?"
 * after "박시온 라인펠스 이적료 얼마야?" still asks about 박시온. A question with content of its own
 * that goes on from the last turn (shares a word stem with that question or its answer, 이적설 ~
 * 이적료) but never names the last question's topic gets the topic carried. A question about
 * something new shares nothing and stands alone.
 */
function ellipsisRewrite(analysis: Analysis, question: string, context: Context): Rewrite | undefined {
  const topic = topicOf(context.question);
  if (!topic) return undefined;
  const present = new Set(splitQuestion(question).map((word) => splitParticle(word.clean)[0]));
  if (topic.split(' ').some((word) => present.has(word))) return undefined;
  const earlier = contentBigrams([context.question, ...context.answers].join(' '));
  // A bare condition ("분자가 여러 항이면?", "가게에서 이미 접수했으면요?") has no main clause of its own:
  // it asks the last question again under that condition, whatever words it shares.
  // So does a thing asked for alongside the last one ("결정 계수도 같이 보여줄 수 있어?" after the trend
  // line's equation): 도 with 같이 or 함께 adds it to what was asked before.
  const condition = BARE_CONDITION.test(question) || ALONG_WITH.test(question) || CHOICE.test(question);
  // A question of a verb alone goes on from a turn that used the verb ("왜 내린 거래?" after "금리 내렸어?"):
  // with no noun of its own it has no subject but the last one.
  const sharesVerb = () => {
    if (namesNoun(question)) return false;
    const earlierVerbs = verbsOf([context.question, ...context.answers].join(' '));
    return [...verbsOf(question)].some((stem) => earlierVerbs.has(stem));
  };
  if (!condition && ![...contentBigrams(question)].some((pair) => earlier.has(pair)) && !sharesVerb()) return undefined;
  // The slot the new question fills is not carried: "2라운드" replaces the last question's "1라운드".
  const carried = topicWords(context.question, question, siblingSlots(analysis, context.question));
  return carried.length > 0 ? { question: withCarry(carried, question), method: 'topic' } : undefined;
}

const BARE_CONDITION = /[가-힣](면|면요)\s*[?？]\s*$/;
const ALONG_WITH = /[가-힣A-Za-z0-9]도\s+(같이|함께)\s/;
// One of the things the last turn named, picked by a quality ("비싼 쪽은 한 달에 얼마예요?", "싼 거는?").
const CHOICE = /(?<![가-힣])(비싼|싼|저렴한|큰|작은|긴|짧은|빠른|느린|높은|낮은|많은|적은|가벼운|무거운|새|최신|오래된)\s*(쪽|거|것)/;

function rewrite(question: string, history: ChatTurn[], depth: number, background: readonly string[]): Rewrite {
  const trimmed = question.trim();
  const standalone: Rewrite = { question: trimmed, method: 'standalone' };
  const analysis = analyse(trimmed);
  const context = conversationOf(history, depth, background);
  if (!context) return standalone;
  if (!leansOnHistory(analysis)) return ellipsisRewrite(analysis, trimmed, context) ?? standalone;
  const state = resolvePointers(analysis, context);
  const pointers = analysis.pronouns.length + analysis.determiners.length - state.skipped;
  // Only "이 원장"-like words, read as a surname and a title, in a question with content of its own.
  if (pointers === 0 && state.skipped > 0 && !analysis.opener && analysis.contentIndexes.length + state.skipped > 1) return standalone;
  return pointers > 0 ? withPointersResolved(analysis, context, state) : fragmentRewrite(analysis, context);
}

/** The standalone question and how it was made (for logs and tests). */
export function explainRewrite(question: string, history: ChatTurn[] | undefined, background: readonly string[] = []): Rewrite {
  if (!history?.length) return { question: question.trim(), method: 'standalone' };
  return rewrite(question, history, 0, background);
}

/**
 * Standalone form of a follow-up, resolved from the whole conversation (the last question and the
 * answer after it). Returns the question unchanged when it stands alone or there is nothing to resolve.
 *
 * `background`: optional texts the conversation came from (the title and passage retrieved for the
 * last question), searched only when the conversation itself names nothing that fits a pointer: after
 * an answer that quotes only the goal, "그 행사" still finds the summit in the article it came from.
 */
export function rewriteFollowUp(question: string, history: ChatTurn[] | undefined, background: readonly string[] = []): string {
  const result = explainRewrite(question, history, background);
  return result.method === 'standalone' ? question : result.question;
}

/** The last user question of a conversation, made standalone: what a caller retrieves `background` for. */
export function lastQuestion(history: ChatTurn[] | undefined): string | undefined {
  const index = history ? history.map((turn) => turn.role).lastIndexOf('user') : -1;
  const turn = history?.[index];
  if (!history || !turn) return undefined;
  return rewrite(turn.content, history.slice(0, index), 1, []).question;
}
