// Endings of chat-style Korean questions, read as the plain endings they stand for. Users end a
// question with 여 for 요 ("되나여", "뽑아여"), with a past or existential stem and the nominal 음
// ("했음?", "있음?"), and with the copula's 임 after what is asked ("얼마임", "몇명임", "누구임"). Left as
// they are, "있나여" or "했음" are words no document uses, and count against answering. Facts of Korean
// usage, in a table with tests; only word ends before a space, a question mark or the end are read.
// And the rate suffix spelled against the rule (환률 for 환율, 확율 for 확률): 율 after a vowel or ㄴ, 률 elsewhere;
// only a word's last syllable, before a particle at most (a given name's 율 in 김율하 is left alone).
import { decompose, FINAL } from './hangul.js';

const END = '(?=[\\s?!.~]|$)';

// prettier-ignore
const RULES: readonly [RegExp, string][] = [
  // 여 for 요 after the endings it replaces: 되나여, 있나여, 뽑아여, 해여, 돼여, 뭐에여, 하세여.
  [new RegExp(`([가-힣](?:나|아|어|해|돼|에|세))여${END}`, 'g'), '$1요'],
  // A past or existential stem with the nominal 음: 했음 → 했어, 있음 → 있어.
  [new RegExp(`([가-힣]*(?:했|였|었|았|됐|있|없|겠))음${END}`, 'g'), '$1어'],
  // The copula's 임 after a question word or a counted 몇: 얼마임 → 얼마야, 몇명임 → 몇명이야.
  [new RegExp(`(얼마|누구|뭐|어디|언제|거|건|것)임${END}`, 'g'), '$1야'],
  [new RegExp(`(몇\\s*[가-힣]{1,3})임${END}`, 'g'), '$1이야'],
];

/** The question with its chat-style endings read as plain ones and its rate suffixes spelled by the rule. */
export function plainEndings(question: string): string {
  return RULES.reduce((text, [pattern, replacement]) => text.replace(pattern, replacement), question).replace(
    /(?<=[가-힣])[률율](?=$|[^가-힣]|(?:은|는|이|가|을|를|도|만|의|로|에|이야|이에요|이었어|였어)(?![가-힣]))/g,
    (suffix, at: number, text: string) => rateSuffix(text.charAt(at - 1)) ?? suffix,
  );
}

/** 율 after a syllable with no final consonant or with ㄴ, 률 after any other. */
function rateSuffix(before: string): string | undefined {
  const final = decompose(before)?.final;
  if (final === undefined) return undefined;
  return final === FINAL.none || final === FINAL.nieun ? '율' : '률';
}
