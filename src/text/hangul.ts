// Hangul syllables as their parts (initial consonant, vowel, final consonant), for the rules
// that conjugate Korean verbs: a stem's last syllable fuses with its ending (바꾸+었 → 바꿨).

const FIRST = 0xac00;
const LAST = 0xd7a3;

export interface Syllable {
  initial: number;
  vowel: number;
  final: number;
}

/** The parts of one Hangul syllable, or undefined for any other character. */
export function decompose(char: string): Syllable | undefined {
  const code = char.charCodeAt(0);
  if (!(code >= FIRST && code <= LAST)) return undefined;
  const offset = code - FIRST;
  return { initial: Math.floor(offset / 588), vowel: Math.floor((offset % 588) / 28), final: offset % 28 };
}

export function compose({ initial, vowel, final }: Syllable): string {
  return String.fromCharCode(FIRST + initial * 588 + vowel * 28 + final);
}

/** Jamo indices in Unicode order. */
export const INITIAL = { rieul: 5, ieung: 11 } as const;
export const VOWEL = { a: 0, ae: 1, eo: 4, yeo: 6, o: 8, wa: 9, wae: 10, oe: 11, u: 13, wo: 14, eu: 18, i: 20 } as const;
export const FINAL = { none: 0, nieun: 4, rieul: 8, sios: 19, ssangsios: 20 } as const;

/** True when a word's last syllable ends in ㄴ or ㄹ, as a verb's adnominal form does (갖춘, 넣을, 쓰는). */
export function endsInNieunOrRieul(word: string): boolean {
  const final = decompose(word.charAt(word.length - 1))?.final;
  return final === FINAL.nieun || final === FINAL.rieul;
}

/**
 * A stem's last vowel fused with the ending 어/아 (and so with the past tense 었/았): 숨지+어 → 숨져,
 * 바꾸+어 → 바꿔, 보+아 → 봐, 되+어 → 돼, 하+여 → 해. Contracted vowel → the stem's vowel.
 */
export const CONTRACTED_VOWELS: ReadonlyMap<number, number> = new Map([
  [VOWEL.yeo, VOWEL.i],
  [VOWEL.wo, VOWEL.u],
  [VOWEL.wa, VOWEL.o],
  [VOWEL.wae, VOWEL.oe],
  [VOWEL.ae, VOWEL.a],
]);
