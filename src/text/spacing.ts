// Spacing users leave out. Korean writes the dependent noun 수 ("can") apart from the verb's ㄹ form
// before 있다/없다 ("등록할 수 있나요"); users type it run on ("등록할수 있나요", "바꿀수있어요"), which
// would make one unknown word of the verb and lose its stem. A fact of Korean orthography, kept here with
// tests; only the 수 of "-ㄹ 수 있다/없다" is split, so 실수로, 탈수 and -ㄹ수록 stay whole. Likewise the
// bound noun 거 (것) after a verb's -는 form: "바꾸는거" is "바꾸는 거", and only the 는 form is read (선거,
// 근거 and 철거 end in a ㄴ or ㄹ syllable and 거 but are nouns). And 되다/하다 after -아/어야 ("must"):
// "내야돼요" is "내야 돼요", not a noun 내야 made a verb by 되다. And the nouns users most often run onto a
// verb's adnominal (-ㄴ, -ㄹ, -는, -던) form: 사람, 곳, 때 ("다친사람" is "다친 사람", "낳을때" "낳을 때").
import { decompose, FINAL } from './hangul.js';

/** Nouns that end in a ㄹ syllable and 수 ("말수 없는 사람" is a quiet person, 홀수 an odd number). */
const SU_NOUNS: ReadonlySet<string> = new Set(['말수', '실수', '탈수', '술수', '물수', '발수', '절수', '홀수', '글수']);

/** 거 and its contractions with a particle (게 = 것이, 건 = 것은, 걸 = 것을) and an ending, after 는. */
const GEO_AFTER_NEUN = /(?<=[가-힣]는)(거|게|건|걸|거야|거예요|거에요|건가요|건데|거죠|거지)$/;

/** 되다 or 하다 right after the -야 of an obligation ("내야돼요", "해야해"), with a syllable before 야. */
const MUST_AFTER_YA = /(?<=[가-힣]야)(돼|되|됩|됐|될|해|하|합|했|할)[가-힣]*$/;

/** 사람, 곳 or 때 closing a word, with a particle or 들 at most. */
const NOUN_AFTER_ADNOMINAL = /(사람|곳|때)(들)?(은|는|이|가|을|를|에|에서|도|만|의)?$/;

/** A syllable that ends a verb's adnominal form: a final ㄴ or ㄹ (다친, 낳을), or 는 and 던. */
function isAdnominal(syllable: string): boolean {
  const final = decompose(syllable)?.final;
  return final === FINAL.nieun || final === FINAL.rieul || syllable === '는' || syllable === '던';
}

/** The offsets at which `word` (Hangul, no spaces) splits, given the word after it (or ''). */
export function runOnSplits(word: string, next: string): number[] {
  const splits: number[] = [];
  for (let at = word.indexOf('수', 1); at > 0; at = word.indexOf('수', at + 1)) {
    if (decompose(word.charAt(at - 1))?.final !== FINAL.rieul || SU_NOUNS.has(word.slice(at - 1, at + 1))) continue;
    const after = word.slice(at + 1);
    const canFollows = after === '' ? /^(있|없)/.test(next) : /^(있|없|밖에)/.test(after);
    if (!canFollows) continue;
    splits.push(at);
    if (after !== '') splits.push(at + 1);
  }
  const geo = GEO_AFTER_NEUN.exec(word);
  if (geo) splits.push(geo.index);
  const must = MUST_AFTER_YA.exec(word);
  if (must) splits.push(must.index);
  const noun = NOUN_AFTER_ADNOMINAL.exec(word);
  if (noun && noun.index >= 2 && isAdnominal(word.charAt(noun.index - 1))) splits.push(noun.index);
  return splits;
}

/** A Hangul word split where users leave out a space ("등록할수" → 등록할, 수), offsets kept; `next` is the
 *  Hangul word after it, if any. */
export function splitRunOn<W extends { text: string; start: number; end: number }>(word: W, next: W | undefined): W[] {
  const splits = runOnSplits(word.text, next && next.start === word.end + 1 ? next.text : '');
  if (splits.length === 0) return [word];
  return [0, ...splits].map((at, k, all) => {
    const end = all[k + 1] ?? word.text.length;
    return { ...word, text: word.text.slice(at, end), start: word.start + at, end: word.start + end };
  });
}
