// Korean verbs and adjectives change their last syllables as they conjugate: the question's
// "바꾼" is the passage's "바꿔", "바꿨다" and "바꾸고"; "오른" is "올라" and "올랐다". Bigrams of
// the surface form never meet (바꾼 / 바꿔), so the analyzer adds the stem ("바꾸", "오르") that
// these rules recover. The rules are facts of Korean spelling (vowel contraction, the 르 and
// past-tense ㅆ forms, the present ㄴ다), kept in tables; they guess, so a stem is an extra term, never a
// replacement, and one-syllable stems (too ambiguous: 늘, 열, 가) are not kept.

import { compose, CONTRACTED_VOWELS, decompose, endsInNieunOrRieul, FINAL, INITIAL, VOWEL, type Syllable } from './hangul.js';

// A noun takes some of the same syllables as particles or a dropped copula ("사회는", "학교야",
// "학교다"), so only endings no noun takes leave the stem itself ("바꾸고", "바꾸려면"); the others
// only reveal a past or contracted syllable before them ("바꿨다", "바꿔서").
// prettier-ignore
const VERB_ENDINGS = ['습니다', '는데', '지만', '면서', '려면', '려고', '다고', '다며', '고', '며', '면', '게', '기', '던'];
// prettier-ignore
const OTHER_ENDINGS = ['어요', '아요', '어야', '아야', '다는', '니까', '서', '요', '야', '냐', '니', '죠', '네', '도', '다', '어', '아', '는'];
const ENDINGS: readonly [string, boolean][] = [
  ...VERB_ENDINGS.map((ending): [string, boolean] => [ending, true]),
  ...OTHER_ENDINGS.map((ending): [string, boolean] => [ending, false]),
].sort((a, b) => b[0].length - a[0].length);

// Particles that end in ㄴ or ㄹ like a noun-modifying verb ("그룹을", "학생인", "사람만"); a
// consonant stem's own 은/을 form (넣은, 받을) has a one-syllable stem, which is not kept anyway.
const PARTICLE_SYLLABLES: ReadonlySet<string> = new Set(['은', '을', '를', '인', '만', '란', '론']);

// ㅐ is 하+여 (했, 해: 하다 verbs, whose noun is indexed) as often as a stem's own vowel (보내).
const contractedVowel = (vowel: number) => (vowel === VOWEL.ae ? undefined : CONTRACTED_VOWELS.get(vowel));

/** Stems `base` (a word with its ending peeled) may be: the syllable rules for its last syllable. */
function stemsOfBase(base: string, peeled: boolean, modifier: false | 'modifier' | 'present'): string[] {
  if (base.length === 0) return [];
  const head = base.slice(0, -1);
  const last = decompose(base.charAt(base.length - 1));
  if (!last) return [];
  const out: string[] = [];
  const withLast = (syllable: Syllable) => head + compose(syllable);
  // 르 verbs: 오르+아 → 올라 (the ㄹ moves onto the syllable before).
  const rieulShift = () => {
    const before = head.length > 0 ? decompose(head.charAt(head.length - 1)) : undefined;
    if (!before || before.final !== FINAL.rieul) return;
    out.push(head.slice(0, -1) + compose({ ...before, final: FINAL.none }) + '르');
  };
  if (last.final === FINAL.ssangsios) {
    // The past tense: 바꿨 → 바꾸, 숨졌 → 숨지, 올랐 → 오르, 끝났 → 끝나, 늘었 → 늘.
    const open = { ...last, final: FINAL.none };
    if (last.initial === INITIAL.ieung && (last.vowel === VOWEL.eo || last.vowel === VOWEL.a)) out.push(head);
    else if (last.initial === INITIAL.rieul && (last.vowel === VOWEL.eo || last.vowel === VOWEL.a)) rieulShift();
    const contracted = contractedVowel(last.vowel);
    if (contracted !== undefined) out.push(withLast({ ...open, vowel: contracted }));
    if (last.initial !== INITIAL.ieung && (last.vowel === VOWEL.a || last.vowel === VOWEL.eo)) out.push(withLast(open));
    return out;
  }
  if (last.final === FINAL.none) {
    const contracted = contractedVowel(last.vowel);
    if (contracted !== undefined && !(last.initial === INITIAL.ieung && last.vowel === VOWEL.yeo)) {
      out.push(withLast({ ...last, vowel: contracted }));
    }
    if (last.initial === INITIAL.rieul && (last.vowel === VOWEL.eo || last.vowel === VOWEL.a)) rieulShift();
    // 늘어, 넣어: the ending 어/아 on a stem that ends in a consonant.
    if (last.initial === INITIAL.ieung && (last.vowel === VOWEL.eo || last.vowel === VOWEL.a) && head.length > 0) out.push(head);
    if (peeled) out.push(base);
    return out;
  }
  // The present ㄴ다 ends in ㄴ; a noun-modifying form in ㄴ or ㄹ.
  const ending = modifier === 'present' ? last.final === FINAL.nieun : last.final === FINAL.nieun || last.final === FINAL.rieul;
  if (ending && modifier && !PARTICLE_SYLLABLES.has(base.charAt(base.length - 1))) {
    // The noun-modifying forms: 바꾼/바꿀 → 바꾸, 열린 → 열리, 오른 → 오르.
    out.push(withLast({ ...last, final: FINAL.none }));
    // ㄹ verbs drop their ㄹ before ㄴ: 만든 → 만들.
    if (last.final === FINAL.nieun && modifier === 'modifier') out.push(withLast({ ...last, final: FINAL.rieul }));
    return out;
  }
  if (peeled) out.push(base);
  return out;
}

/**
 * The stems a Hangul word may be a form of ("바꿨다" → 바꾸, "올라" → 오르, "열린" → 열리),
 * two syllables or longer, without the 하다/되다 verbs whose noun ("발표") is indexed already.
 * A word that is no verb form may yield a stem no real verb has; it then only meets itself.
 */
export function verbStems(word: string, options: { modifiers?: boolean } = {}): string[] {
  const modifiers = options.modifiers === true;
  const found = new Set<string>();
  // The longest ending only: "고치려면" is 고치 + 려면, not 고치려 + 면.
  const match = ENDINGS.find(([ending]) => word.length > ending.length && word.endsWith(ending));
  if (match) {
    const [ending, verbal] = match;
    // In a question "되돌리는" is far likelier a verb than a noun with 는.
    // The present tense ㄴ다 ("나온다", "바꾼다"): a noun takes 이다, never ㄴ다, so this form is read
    // in passages too (without the ㄹ-verb guess 만든다 → 만들, which cost KorQuAD 0.3 points).
    const present = ending === '다' ? 'present' : false;
    for (const stem of stemsOfBase(word.slice(0, -ending.length), verbal || (modifiers && ending === '는'), present)) found.add(stem);
  }
  // The noun form in ㅁ a help page's table writes a state with: 켜짐 → 켜지, 꺼짐 → 꺼지, 깜빡임 → 깜빡이.
  if (/[짐임]$/.test(word)) found.add(word.slice(0, -1) + (word.endsWith('짐') ? '지' : '이'));
  // "바꾼", "열린": only a word no ending explains ("끝나면" is 끝나 + 면, not 끝나며 + ㄴ).
  if (found.size === 0) for (const stem of stemsOfBase(word, false, modifiers ? 'modifier' : false)) found.add(stem);
  return [...found].filter((stem) => {
    const last = decompose(stem.charAt(stem.length - 1));
    return stem.length >= 2 && stem !== word && !/[하되]$/.test(stem) && last !== undefined && last.final !== FINAL.ssangsios;
  });
}

/** The index term of a verb stem. */
export const stemTerm = (stem: string) => `v:${stem}`;

export const isStemTerm = (term: string) => term.startsWith('v:');

/** "왜 난 거래?", "터진 거야?": 거 after a verb's ㄴ or ㄹ form (`before`) closes the question (것이래, 것이야).
 *  Determiners end in ㄴ too: "무슨 거래?" asks which deal. */
export function closesWithGeo(word: string, before: string): boolean {
  if (!/^(거|건)(래|래요|야|예요|에요|죠|지|냐|니|임|라던데|라며|라고)?$/.test(word)) return false;
  if (/^(무슨|어떤|그런|이런|저런|다른|웬|온|한)$/.test(before)) return false;
  return endsInNieunOrRieul(before);
}
