// Whether a claim word is found in a source unit: exactly for names and other specific
// words, loosely (inflection, abbreviation, synonym poles, shared bigrams) for the rest.
import { bigramShare, bigrams } from '../../text/tokens.js';
import { polesOf } from './lexicon.js';
import { containsWord, type Token } from './tokenize.js';
import type { Unit } from './units.js';

/** A claim's word counts as present when 60% of its bigrams are: stricter than the focus check,
 *  since a claim's word that the passage only half spells is a fact the passage may not state. */
const CLAIM_BIGRAM_SHARE = 0.6;
const HANGUL_SYLLABLE_BASE = 0xac00;
/** A syllable without its final consonant ("났" → "나"), for matching inflected stems. */
const open = (syllable: string) => {
  const code = syllable.charCodeAt(0) - HANGUL_SYLLABLE_BASE;
  return code < 0 || code > 11171 ? syllable : String.fromCharCode(HANGUL_SYLLABLE_BASE + code - (code % 28));
};

function isSubsequence(short: string, long: string): boolean {
  let i = 0;
  for (const ch of long) if (ch === short[i]) i++;
  return i === short.length;
}

/** True when `stem` names the same thing as `other`, tolerating inflection ("만났" ~ "만나", "줄어든" ~ "줄었다", "바꾸지" ~ "바꾼다"). */
export function looseMatch(stem: string, other: string): boolean {
  if (stem === other) return true;
  if (stem.endsWith('+') !== other.endsWith('+')) return false;
  if (stem.length >= 2 && other.includes(stem)) return true;
  if (other.length >= 2 && stem.includes(other) && (other.length >= stem.length - 1 || stem.endsWith(other))) return true;
  // Same first syllables, then one differing only in its final consonant: 만났/만나, 줄어/줄었, 바꾸/바꾼.
  let k = 0;
  while (k < stem.length && k < other.length && stem[k] === other[k]) k++;
  if (k >= 1 && k < stem.length && k < other.length && open(stem.charAt(k)) === open(other.charAt(k))) return true;
  // An abbreviation keeps the first and last syllables in order: 서울시 ~ 서울특별시.
  if (stem.length >= 3 && other.length > stem.length && stem[0] === other[0] && stem.at(-1) === other.at(-1) && isSubsequence(stem, other))
    return true;
  const poles = polesOf(stem);
  if (poles.length > 0) {
    const otherPoles = polesOf(other);
    if (poles.some((pole) => otherPoles.some((o) => o.concept === pole.concept && o.pole === pole.pole))) return true;
  }
  return false;
}

/** Bigrams of a unit's Hangul words, for compounds split differently ("법정구속" ~ "법정에서 구속"). */
function unitBigrams(unit: Unit): Set<string> {
  const set = new Set<string>();
  for (const token of unit.tokens) if (!token.latin) for (const pair of bigrams(token.stem)) set.add(pair);
  return set;
}

function findIn(token: Token, unit: Unit, exact: boolean): boolean {
  if (token.latin) return unit.tokens.some((other) => other.latin && other.stem === token.stem);
  if (containsWord(unit.text, token.stem)) return true;
  if (exact) return false;
  if (unit.tokens.some((other) => !other.latin && looseMatch(token.stem, other.stem))) return true;
  // Two predicate forms of one short root ("탔다" ~ "탔고").
  if (
    !token.nounLike &&
    unit.tokens.some((other) => !other.nounLike && !other.latin && other.stem[0] === token.stem[0] && token.stem.length <= 3)
  )
    return true;
  if (token.stem.length < 3) return false;
  const present = unitBigrams(unit);
  return bigramShare(token.stem, (pair) => present.has(pair)) >= CLAIM_BIGRAM_SHARE;
}

/** Whether a token is found in a unit: exactly for specific words, loosely for the rest. */
export function foundIn(token: Token, unit: Unit, exact: boolean): boolean {
  const key = `${exact ? 1 : 0}${token.latin ? 1 : 0}${token.nounLike ? 1 : 0}${token.stem}`;
  unit.memo ??= new Map();
  let found = unit.memo.get(key);
  if (found === undefined) {
    found = findIn(token, unit, exact);
    unit.memo.set(key, found);
  }
  return found;
}
