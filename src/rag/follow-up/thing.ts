// What "그건/그걸/그거" stands for when it names no category: the value the last answer gave, the last
// question's topic (as the answer names it in full), or a new phrase of a short answer.
import { contentWords } from '../../text/tokens.js';
import { NAME_ATTRIBUTES } from './korean-tables.js';
import { nounPhrases, type Phrase } from './noun-phrases.js';
import { splitQuestion } from './question.js';
import { attributeOf, topicOf, type Context } from './referents.js';
import { CONFIRMING_ANSWER, splitParticle } from './words.js';

/** The value an answer gives for the attribute asked about: "코드명은 buster" → buster. */
function valueOf(answers: string[], question: string, attribute: Phrase): string | undefined {
  const head = attribute.words.at(-1) ?? '';
  // Asked for a name: the name the answer quotes ("세균 이름이 뭐야?" → '한울리아 폴라리스').
  if (NAME_ATTRIBUTES.has(head)) {
    const asked = new Set(splitQuestion(question).map((word) => splitParticle(word.clean)[0]));
    const quoted = answers
      .flatMap((answer) => nounPhrases(answer))
      .find((phrase) => phrase.quoted && !phrase.words.every((word) => asked.has(word)));
    if (quoted) return quoted.words.join(' ');
  }
  for (const answer of answers) {
    const phrases = nounPhrases(answer);
    for (let i = 0; i + 1 < phrases.length; i++) {
      const phrase = phrases[i];
      const next = phrases[i + 1];
      if (phrase && next && phrase.words.at(-1) === head && ['은', '는', '이', '가'].includes(phrase.particle)) return next.words.join(' ');
    }
  }
  return undefined;
}

const ASKS_NO_THING = /어디|어떻게|언제|몇|얼마|방법/;

/**
 * What "그건/그걸" stands for: the value the last answer gave for the attribute asked about
 * ("코드명은 buster" → buster), else the topic and attribute of the last question, else (unless it
 * asked where, how, when or how many) the first new phrase of a short answer.
 */
export function findThing(context: Context): string | undefined {
  const attribute = attributeOf(context.question);
  const answers = context.answers.slice(0, 1);
  if (attribute) {
    const value = valueOf(answers, context.question, attribute);
    if (value !== undefined) return value;
    const topic = topicOf(context.question);
    const attributeText = attribute.words.join(' ');
    return topic && topic !== attributeText ? `${topic} ${attributeText}` : attributeText;
  }
  // Asked where, how, when or how many, the answer is a place, a procedure, a time or a number, no
  // thing: "그걸로 결제하면" after "바로페이 충전은 어디서 해요?" pays with 바로페이.
  const topic = ASKS_NO_THING.test(context.question) ? topicOf(context.question) : undefined;
  if (topic) return namedOutIn(answers, topic);
  const asked = new Set(contentWords(context.question).map((word) => word.text));
  for (const answer of answers) {
    // A name the answer quotes ('라온메이트') before any other new phrase ("인터넷 연결 없이 스마트폰 …"). An
    // answer that opens with yes or no ("네, 본회의에서 가결됐고 …") confirms the question's thing, and
    // its other phrases tell of it.
    const isFresh = (phrase: Phrase) => phrase.words.some((word) => !asked.has(word) && word.length >= 2);
    const phrases = nounPhrases(answer);
    const fresh =
      phrases.find((phrase) => phrase.quoted && isFresh(phrase)) ?? (CONFIRMING_ANSWER.test(answer) ? undefined : phrases.find(isFresh));
    if (fresh) return fresh.words.join(' ');
  }
  return topicOf(context.question);
}

/** A one-word topic as the answer names it in full: "탄산을 더 세게 하고 싶은데 어디서 바꿔요?" is about the
 *  setting the answer calls 탄산 세기 ("설정 > 탄산 세기에서 …"), the first phrase that goes on from it. */
function namedOutIn(answers: string[], topic: string): string {
  if (topic.includes(' ')) return topic;
  for (const { words } of answers.flatMap((answer) => nounPhrases(answer))) {
    const at = words.indexOf(topic);
    const named = at >= 0 && at + 1 < words.length ? `${topic} ${words[at + 1]}` : undefined;
    // A label in brackets names a button ("[리뷰 쓰기]를 누르면"), not the thing.
    if (named && !answers.some((answer) => answer.includes(`[${named}]`))) return named;
  }
  return topic;
}
