// Resolving the words of a follow-up that point back: each determiner before a noun (그 행사,
// 해당 모델, 그 전달) and each pronoun (그는, 거기서, 그때, 그렇게) is replaced by what it stands
// for, or marks what of the last question the rewrite must carry instead.
import {
  COMPANY_HEADS,
  COMPANY_SUFFIXES,
  GENERIC_HEADS,
  HEAD_CATEGORIES,
  MANNER_HEADS,
  RELATIVE_DETERMINERS,
  TITLES,
  type Category,
} from './korean-tables.js';
import type { Analysis, Determiner } from './question.js';
import { menuPathIn } from './noun-phrases.js';
import { answeredName, findCategory, findSameHead, headWords, namedInAnswer, topicOf, type Context } from './referents.js';
import { findThing } from './thing.js';
import { expectedAnswerType } from '../../answer/answer-type.js';
import { resolveTime } from './time.js';
import { isPersonName, splitParticle, withParticle, type Pronoun } from './words.js';

/** What resolving a question's pointers found. */
export interface Resolution {
  /** Word index → its replacement. */
  replaced: Map<number, string>;
  /** Word indexes left out (a head noun folded into its replacement). */
  drop: Set<number>;
  /** A referent replaced a pointer: the question now names what it is about. */
  entity: boolean;
  /** A pointer that names no entity (그때, 그렇게, 그중) or found none: carry the last question's words. */
  carry: 'none' | 'topic' | 'all';
  /** The time a time pointer stands for. */
  time?: string;
  /** Determiners read as something else ("이 원장" as a surname and a title). */
  skipped: number;
  /** A pointer was filled with a guess (see Rewrite.guessed). */
  guessed: boolean;
  /** The question asks for someone's position (ASKS_POSITION). */
  asksPosition: boolean;
}

interface Referent {
  text: string | undefined;
  guessed: boolean;
}

/** The phrase a pointer of `category` stands for (`head`: the noun after a determiner). */
function referent(context: Context, category: Category, head?: string): Referent {
  if (category === 'thing') {
    if (!head) return { text: findThing(context), guessed: false };
    const same = findSameHead(context.sources, head) ?? findSameHead(context.background, head);
    return same ? { text: same.text, guessed: false } : { text: topicOf(context.question), guessed: true };
  }
  // 거기 after "제작사가 어디야?" is the company the answer named ("스튜디오 하늘결이라는 제작사예요"), and so
  // is 그 회사 when the answer says which it is ("…윤성케미칼이에요").
  const asksOrg = expectedAnswerType(context.question)?.kind === 'org';
  if (asksOrg && category === 'place' && !head) {
    const company = answeredName(context);
    if (company) return { text: company, guessed: false };
  }
  if (asksOrg && category === 'org' && head !== undefined && COMPANY_HEADS.has(head)) {
    const company = answeredName(context, true);
    if (company) return { text: company, guessed: false };
  }
  // 거기 after an answer that gave a menu path is the screen the path ends at ("[알림 기록]"): the
  // whole path would repeat the words of the steps that lead there and outweigh what is asked.
  const path = category === 'place' && !head ? menuPathIn(context.sources) : undefined;
  // …or, when the path ends on a button that does something (발급하기), the screen the button is on.
  if (path) {
    const items = path.split(/\s*[>→]\s*/);
    return { text: (/하기$/.test(items.at(-1)!) && items.length > 1 ? items.at(-2) : items.at(-1))!, guessed: false };
  }
  const prefer = head && TITLES.includes(head) ? [head] : head && COMPANY_HEADS.has(head) ? COMPANY_SUFFIXES : [];
  // The conversation first, then the background texts (the passages the last answer came from).
  for (const sources of [context.sources, context.background]) {
    const found = findCategory(sources, category, prefer);
    if (found?.specific) return { text: found.text, guessed: false };
    const same = head ? findSameHead(sources, head) : undefined;
    if (same) return { text: same.text, guessed: false };
    // 거기 is also an institution spoken of as a place ("거기랑 같이 연구한 회사" after an answer that named a
    // university's team): the conversation's organisation, when it names no place. A name joined to its kind
    // (한빛과학기술대학교) is specific though it opens a longer phrase; a bare kind (정부, 대학) is not.
    const institution = category === 'place' && !head && sources === context.sources ? findCategory(sources, 'org') : undefined;
    if (institution && (institution.specific || institution.text.length >= MIN_NAMED_INSTITUTION))
      return { text: institution.text, guessed: false };
  }
  return {
    text: findCategory(context.sources, category, prefer)?.text ?? (head ? namedInAnswer(context)?.words.join(' ') : undefined),
    guessed: true,
  };
}

// A question about someone's position or title ("지금은 무슨 자리에 있어?", "직함이 뭐야?"): the title the
// conversation gave them is what is asked, perhaps out of date, so the person goes by name alone.
const ASKS_POSITION = /자리|직함|직책|직위|직급|맡고\s*있|무슨\s*일을\s*해|뭐\s*하고\s*있/;

/** "윤서진 해담은행 재무담당 부행장" → "윤서진" when the first word is a personal name. */
function nameOnly(text: string): string {
  const [first] = text.split(' ');
  return first !== undefined && isPersonName(first) ? first : text;
}

function resolveDeterminer({ index, determiner, head, particle, trailing }: Determiner, context: Context, state: Resolution): void {
  if (RELATIVE_DETERMINERS.has(determiner)) {
    if (state.carry === 'none') state.carry = 'topic';
    return;
  }
  if (MANNER_HEADS.has(head)) {
    state.carry = 'all';
    return;
  }
  const category = HEAD_CATEGORIES.get(head) ?? 'thing';
  if (category === 'time') {
    state.time = resolveTime(context.sources, head);
    state.carry = 'topic';
    if (state.time) {
      state.replaced.set(index, withParticle(state.time, particle, trailing));
      state.drop.add(index + 1);
    }
    return;
  }
  const found = referent(context, category, head);
  if (found.text && category === 'person' && state.asksPosition) found.text = nameOnly(found.text);
  if (found.guessed) state.guessed = true;
  if (!found.text) {
    // "이 원장" with nobody of that title in the conversation is a surname and a title, not a pointer.
    if (determiner === '이' && category === 'person') {
      state.skipped++;
      return;
    }
    const topic = topicOf(context.question);
    if (topic) state.replaced.set(index, topic);
    state.entity = true;
    state.guessed = true;
    return;
  }
  state.entity = true;
  const last = found.text.split(' ').at(-1) ?? '';
  if (headWords(head).some((word) => last.endsWith(word)) || GENERIC_HEADS.has(head)) {
    state.replaced.set(index, withParticle(found.text, particle, trailing));
    state.drop.add(index + 1);
  } else {
    state.replaced.set(index, found.text);
  }
}

function resolvePronoun(
  { index, pronoun, trailing }: { index: number; pronoun: Pronoun; trailing: string },
  context: Context,
  state: Resolution,
  next: string,
): void {
  if (pronoun.kind === 'manner') {
    state.carry = 'all';
    return;
  }
  if (pronoun.kind === 'partitive') {
    if (state.carry === 'none') state.carry = 'topic';
    return;
  }
  if (pronoun.kind === 'time') {
    state.time = resolveTime(context.sources, undefined);
    if (state.carry === 'none') state.carry = 'topic';
    if (state.time) state.replaced.set(index, withParticle(state.time, pronoun.particle, trailing));
    return;
  }
  // "그거 하면 설정 다 날아가?": a thing done is the action the last question asked how to do
  // (공장초기화), not a noun of the answer's steps (전원).
  // "거기 감독 이름이 뭐야?" after a question about a team: 거기 before a title is the team (or the
  // company, the school) the title belongs to, which the last question named, not a place; after a
  // which-company question it is the company answered (referent).
  const member =
    pronoun.kind === 'place' &&
    !pronoun.particle &&
    TITLES.includes(splitParticle(next)[0]) &&
    expectedAnswerType(context.question)?.kind !== 'org';
  const done = (pronoun.kind === 'thing' && DOING.test(next)) || member ? topicOf(context.question) : undefined;
  const found = done ? { text: done, guessed: false } : referent(context, pronoun.kind);
  if (found.text && pronoun.kind === 'person' && state.asksPosition) found.text = nameOnly(found.text);
  if (found.guessed) state.guessed = true;
  if (!found.text) {
    state.carry = 'all';
    state.guessed = true;
    return;
  }
  state.entity = true;
  state.replaced.set(index, withParticle(found.text, pronoun.particle, trailing));
}

/** Syllables of an organisation's name with its kind in one word (가온대학교, 해온시청): a kind alone is at most three (연구원, 대학교). */
const MIN_NAMED_INSTITUTION = 4;

/** 하다 in any form: the pronoun before it is a thing done. */
const DOING = /^(하|해|했|할|한|함)/;

/** Resolves the determiners, then the pronouns, of an analysed question against the conversation. */
export function resolvePointers(analysis: Analysis, context: Context): Resolution {
  const asksPosition = ASKS_POSITION.test(analysis.words.map((word) => word.raw).join(' '));
  const state: Resolution = {
    replaced: new Map(),
    drop: new Set(),
    entity: false,
    carry: 'none',
    skipped: 0,
    guessed: false,
    asksPosition,
  };
  for (const determiner of analysis.determiners) resolveDeterminer(determiner, context, state);
  for (const pronoun of analysis.pronouns) resolvePronoun(pronoun, context, state, analysis.words[pronoun.index + 1]?.clean ?? '');
  return state;
}
