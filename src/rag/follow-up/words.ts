// One word at a time: the category a word names by its ending, person names, the particle a
// word carries and how it is refitted after a replacement, and the pronouns.
import { SURNAMES } from '../../text/korean-names.js';
import { hasBatchim, splitContraction, stripParticle } from '../../text/tokens.js';
import {
  CONTRACTIONS,
  COPULAS,
  EVENT_SUFFIXES,
  HANGUL,
  HEAD_CATEGORIES,
  NOMINAL_PARTICLE_SET,
  ORG_SHORT_SUFFIXES,
  ORG_SUFFIXES,
  PARTICLE_PAIRS,
  PLACE_SHORT_SUFFIXES,
  PLACE_SUFFIXES,
  PRONOUNS,
  REGIONS,
  TITLES,
  type Category,
} from './korean-tables.js';

export function endsWithAny(word: string, suffixes: readonly string[]): string | undefined {
  return suffixes.find((suffix) => word.endsWith(suffix));
}

// People news names without a name: "70대 남성", "운전자", "실종자".
const PERSON_NOUNS = ['남성', '여성', '실종자', '운전자', '피해자', '부상자', '희생자'];

// A conditional verb ending: "줄이려면", "누르면", "켜지면".
const CONDITIONAL = /(려면|으면|하면|되면|지면|르면|우면|이면|시면)$/;

/** The category a single word names by its ending, if any: 세종시 → place, 한빛전자 → org. */
/** A player's rank in dan after the name (윤재하 4단, 이세돌 9단): Go, janggi and the martial arts. */
const DAN = /^[1-9]단$/;

export function categoryOfWord(word: string): Category | undefined {
  // A conditional verb ("줄이려면", "누르면", "켜지면") ends like a township (…면) but names nothing.
  if (CONDITIONAL.test(word)) return undefined;
  if (endsWithAny(word, TITLES) || endsWithAny(word, PERSON_NOUNS) || DAN.test(word) || isNameWithSsi(word)) return 'person';
  if (endsWithAny(word, EVENT_SUFFIXES) && word !== '경기') return 'event';
  if (endsWithAny(word, ORG_SUFFIXES)) return 'org';
  if (REGIONS.has(word) || endsWithAny(word, PLACE_SUFFIXES)) return 'place';
  if (/^[가-힣]{3,}$/.test(word) && endsWithAny(word, ORG_SHORT_SUFFIXES)) return 'org';
  if (/^[가-힣]{3,}$/.test(word) && endsWithAny(word, PLACE_SHORT_SUFFIXES) && !NOT_PLACE_ENDS.has(word.slice(-2))) return 'place';
  return undefined;
}

// Common nouns that end in a one-syllable place suffix and end compounds (충전속도, 결제한도, 주의사항,
// 블루투스연동, 배터리): no 리, 도, 항, 산, 구, 시, 동 or 천 of a place.
// prettier-ignore
const NOT_PLACE_ENDS: ReadonlySet<string> = new Set([
  '터리', '러리', '고리', '모리', '서리', '토리', '트리', '한도', '속도', '온도', '습도', '농도', '밀도', '강도', '빈도', '각도', '정도', '족도', '지도',
  '확도', '상도', '감도', '호도', '요도', '이도', '채도', '명도', '제도', '태도', '용도', '의도', '사항', '예산', '동산', '자산', '생산', '계산', '정산',
  '도구', '연구', '요구', '가구', '표시', '게시', '동시', '수시', '임시', '자동', '이동', '작동', '연동', '활동', '행동', '변동', '진동', '구동', '가동', '추천',
]);

/** 김덕수씨, 김모씨: a name, or a surname with 모 (someone of that surname), and the honorific 씨, the way a
 *  news report names a resident once his age in brackets is read off ("김덕수(72)씨"). */
export function isNameWithSsi(word: string): boolean {
  const base = /^([가-힣]{2,4})씨$/.exec(word)?.[1];
  return base !== undefined && (isPersonName(base) || (base.length === 2 && base.endsWith('모') && SURNAMES.has(base.charAt(0))));
}

/** True for a Hangul name of three syllables (four with a two-syllable surname) that starts with a common surname (이홍락). */
export function isPersonName(word: string): boolean {
  // Two-syllable words starting with a surname are mostly nouns (이름, 정부, 한국): names need three.
  if (!/^[가-힣]{3,4}$/.test(word) || categoryOfWord(word) || HEAD_CATEGORIES.has(word)) return false;
  return SURNAMES.has(word.slice(0, word.length === 4 ? 2 : 1));
}

// Nouns whose last syllable is 로 (고속도로, 통로): 로 there is no particle, unless it follows ("고속도로로").
const RO_NOUN = /(도로|대로|통로|경로|선로|항로|차로|활주로|산책로|진입로)$/;

/** A word without the polite 요 after its topic particle ("압축기는요" → 압축기는): the 요 is the particle's. */
export function withoutPoliteYo(word: string): string {
  return word.replace(/(은|는)요$/, '$1');
}

/** Splits a word into its stem and nominal particle: "AI연구원이" → [AI연구원, 이], "ECO로" → [ECO, 로]. */
export function splitParticle(word: string): [string, string] {
  if (RO_NOUN.test(word)) return [word, ''];
  const [, head, tail] = /^(.*[A-Za-z0-9])([가-힣]+)$/.exec(word) ?? [];
  if (head !== undefined && tail !== undefined && NOMINAL_PARTICLE_SET.has(tail)) return [head, tail];
  // Headlines shorten 에서 to 서 after a name: "APEC CEO 서밋서".
  if (word.endsWith('서') && word.length >= 3 && categoryOfWord(word.slice(0, -1))) return [word.slice(0, -1), '서'];
  // "김하늘 선수다": 다 alone is the copula only after a noun we recognise (크다, 빠르다 are verbs).
  if (word.endsWith('다') && word.length >= 3 && !hasBatchim(word.charAt(word.length - 2)) && categoryOfWord(word.slice(0, -1)))
    return [word.slice(0, -1), '다'];
  const copula = COPULAS.find((ending) => word.endsWith(ending) && word.length - ending.length >= 1);
  if (copula && (copula.startsWith('이') || !hasBatchim(word.charAt(word.length - copula.length - 1)))) {
    return [word.slice(0, word.length - copula.length), copula];
  }
  const contracted = splitContraction(word);
  if (contracted) return contracted;
  const stem = stripParticle(word);
  // A one-syllable noun keeps its particle in stripParticle ("칩으로" would read 칩으 + 로): split it
  // when the particle fits the noun's last sound.
  if (stem === word || stem.endsWith('으')) {
    const [head, tail] = [word.charAt(0), word.slice(1)];
    // Only a particle of two syllables or more: "신인", "사과" end in one-syllable look-alikes.
    if (HANGUL.test(head) && tail.length >= 2 && NOMINAL_PARTICLE_SET.has(tail) && fitParticle(head, tail) === tail) return [head, tail];
  }
  return [stem, word.slice(stem.length)];
}

/** Whether a word's last sound has a final consonant, and whether it is ㄹ (for 으로/로). */
function finalSound(word: string): { batchim: boolean; rieul: boolean } {
  const last = word.slice(-1);
  if (HANGUL.test(last)) {
    const code = last.charCodeAt(0) - 0xac00;
    return { batchim: hasBatchim(last), rieul: code % 28 === 8 };
  }
  if (/\d/.test(last)) return { batchim: '013678'.includes(last), rieul: '178'.includes(last) };
  if (/^[A-Z0-9&.-]+$/.test(word)) return { batchim: 'LMNR'.includes(last), rieul: 'LR'.includes(last) };
  const lower = word.toLowerCase();
  if (lower.endsWith('le')) return { batchim: true, rieul: true };
  return { batchim: /[bcdgklmnpt]$/.test(lower), rieul: lower.endsWith('l') };
}

/** Refits a particle to the word it now follows: ("이홍락 원장", "는") → "은". */
export function fitParticle(word: string, particle: string): string {
  const pair = PARTICLE_PAIRS.find(([consonant, vowel]) => particle === consonant || particle === vowel);
  if (!pair) return particle;
  const { batchim, rieul } = finalSound(word);
  if (pair[0].startsWith('으로')) return batchim && !rieul ? pair[0] : pair[1];
  return batchim ? pair[0] : pair[1];
}

/** `text` with `particle` refitted to its last sound, then `trailing` punctuation. */
export function withParticle(text: string, particle: string, trailing = ''): string {
  return `${text}${particle ? fitParticle(text, particle) : ''}${trailing}`;
}

export interface Pronoun {
  kind: Category | 'manner' | 'partitive';
  particle: string;
}

export function pronounOf(word: string): Pronoun | undefined {
  const contracted = CONTRACTIONS.get(word);
  const contractedKind = contracted && PRONOUNS.get(contracted[0]);
  if (contracted && contractedKind) return { kind: contractedKind, particle: contracted[1] };
  for (const [stem, kind] of PRONOUNS) {
    if (!word.startsWith(stem)) continue;
    const particle = word.slice(stem.length);
    if (particle === '' || NOMINAL_PARTICLE_SET.has(particle) || particle === '에서는') return { kind, particle };
  }
  // 그 alone points at a person only with a particle: 그는, 그가, 그의 (그린벨트 is a word).
  const [, particle] = /^그(는|가|를|의|에게|에게는|도|와|랑|한테)$/.exec(word) ?? [];
  if (particle !== undefined) return { kind: 'person', particle };
  return undefined;
}

export function stripMarkers(text: string): string {
  return text.replace(/\s*\[\d+\]/g, '');
}

// The words an answer opens with to say yes ("네, 월간 패스가 있습니다") or no.
const YES = '네|예|응';
/** An answer that opens with yes or no: it confirms (or denies) the question's own thing. */
export const CONFIRMING_ANSWER = new RegExp(`^\\s*(${YES}|아니요|아니오|아뇨|아니)[,.!\\s]`);
/** An answer that opens with yes, perhaps naming the thing it has: "네, 월간 패스가 있습니다". */
export const YES_ANSWER = new RegExp(`^\\s*(${YES}|맞아요|있어요|있습니다)[,.!\\s]`);
