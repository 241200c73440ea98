// The question's terms as the answer's features weigh them: the analyzer's terms, without verb
// stems no passage has, and with the corpus words of a question typed without spaces.
import { analyze, isCompoundTerm, splitWords, stripParticle, wordTerm } from '../text/tokens.js';
import { isStemTerm } from '../text/verb-stems.js';
import type { Lexicon } from './candidates.js';

/**
 * The question's index terms the features weigh: a verb stem guessed from a question's
 * noun-modifying form ("감독은" read as a verb) that no passage ever has is no word of the
 * question, and must not count as one the passages lack.
 */
export function questionTerms(question: string, lexicon: Lexicon): string[] {
  const counted = countedPeople(question);
  const agents = agentNouns(question, lexicon);
  if (agents.length > 0) for (const term of PEOPLE_TERMS) counted.add(term);
  const terms = [...new Set(analyze(question, { query: true }))].filter(
    (term) => !isCompoundTerm(term) && (!isStemTerm(term) || lexicon.documentFrequency(term) > 0) && !counted.has(term),
  );
  return [...new Set([...terms, ...agents, ...runOnWords(question, lexicon)])];
}

/** A run of Hangul this long with no word of the corpus as a whole is a question typed without spaces. */
const RUN_ON_SYLLABLES = 6;
const LONGEST_WORD = 8;

/**
 * The corpus words a question typed without spaces is made of ("이홍락원장이패널로나선세션주제는" →
 * 이홍락, 원장, 패널, 세션, 주제): the longest corpus word (particle stripped) at each position, left
 * to right. Its bigrams alone match any passage that shares two syllables with it.
 */
function runOnWords(question: string, lexicon: Lexicon): string[] {
  const out: string[] = [];
  const known = (word: string) => lexicon.documentFrequency(wordTerm(word)) > 0;
  for (const { text, kind } of splitWords(question)) {
    if (kind !== 'hangul' || text.length < RUN_ON_SYLLABLES || known(stripParticle(text))) continue;
    let i = 0;
    while (i < text.length - 1) {
      let found = 0;
      for (let j = Math.min(text.length, i + LONGEST_WORD); j >= i + 2; j--) {
        const piece = stripParticle(text.slice(i, j));
        if (piece.length >= 2 && known(piece)) {
          out.push(wordTerm(piece));
          found = j;
          break;
        }
      }
      i = found > 0 ? found : i + 1;
    }
  }
  return out;
}

/** Asked how many people ("피한 사람 몇 명이야?", "사람 얼마나 왔어?"), 사람 is what is counted: a passage says
 *  who ("주민 140여 명"), and "사람이 살던 집" shares nothing with the question. */
const PEOPLE_COUNTED = /(?<![가-힣])사람(들|이|은|는|을|를|도)?\s*(몇|얼마)|몇\s*사람/;

function countedPeople(question: string): Set<string> {
  return PEOPLE_COUNTED.test(question) ? new Set(PEOPLE_TERMS) : new Set();
}

const PEOPLE_TERMS = ['사람', wordTerm('사람')];

/** "신고한 사람" is the 신고자 a passage names: a Sino-Korean verbal noun with 하다 before 사람 (or 분) is the
 *  agent noun in 자 (참가한 사람 → 참가자, 신청하는 분 → 신청자), when the corpus has that word. It then
 *  stands for 사람, which the passage that names the agent need not say. */
const AGENT = /([가-힣]{2})(?:한|하는|했던|하던|할)\s*(?:사람|분)(?:들)?(?:이|은|는|을|를|도|의)?(?![가-힣])/g;

function agentNouns(question: string, lexicon: Lexicon): string[] {
  const out: string[] = [];
  for (const [, noun = ''] of question.matchAll(AGENT)) {
    const term = wordTerm(`${noun}자`);
    if (lexicon.documentFrequency(term) > 0) out.push(term);
  }
  return out;
}
