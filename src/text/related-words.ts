// Related words: synonyms and common paraphrases of news and documentation vocabulary, so that a
// question in one wording can meet a sentence in another (일주일 ↔ 매주, 거래처 ↔ 협력사, 숨졌다 ↔
// 사망). A word belongs to a group by its lemma: nouns particle-stripped (사망자는 → 사망자), verbs by
// stem (숨졌다 → 숨지, 올린 → 올리, 맡았다 → 맡), phrases word by word (목숨을 잃었다 → 목숨 잃).
// Groups are small and close in meaning; a word may sit in two groups (열리: 개최, 공개 is not).
import { RELATED_GROUPS } from './related-word-groups.js';
import { compose, CONTRACTED_VOWELS, decompose, FINAL } from './hangul.js';
import { stripParticle } from './tokens.js';

// ---------------------------------------------------------------- lemmas

/** Endings after a verb stem, longest first; what is left is the stem (or its contracted last syllable). */
// prettier-ignore
const VERB_ENDINGS = [
  '었으며', '았으며', '었는데', '았는데', '었지만', '았지만', '으면서', '었다고', '았다고', '었다', '았다', '었어', '았어', '었고', '았고', '었던', '았던', '어서', '아서', '으며',
  '으면', '는다', '면서', '지만', '다고', '도록', '다', '고', '며', '면', '는', '은', '을', '던', '게', '기', '어', '아', '요',
];

/** Lemmas a surface word may have, most likely first: itself, without a particle, verb stems. */
function candidates(word: string): { nouns: string[]; verbs: string[] } {
  const nouns = [word];
  const stripped = stripParticle(word);
  if (stripped !== word) nouns.push(stripped);
  // One-syllable nouns keep their particle in stripParticle (키를, 값이): drop it here.
  const single = /^([가-힣])(은|는|이|가|을|를|의|에|와|과|로|도|만)$/.exec(word)?.[1];
  if (single) nouns.push(single);

  const verbs: string[] = [];
  const addStem = (stem: string) => {
    if (!stem) return;
    verbs.push(stem);
    const last = decompose(stem.charAt(stem.length - 1));
    if (!last) return;
    const head = stem.slice(0, -1);
    // Past-tense contractions undone on the stem's last syllable: 졌 → 지, 웠 → 우, 왔 → 오,
    // 됐 → 되, 했 → 하; and plain 갔 → 가, 섰 → 서.
    if (last.final === FINAL.ssangsios) {
      const plain = CONTRACTED_VOWELS.get(last.vowel);
      if (plain !== undefined) verbs.push(head + compose({ ...last, vowel: plain, final: FINAL.none }));
      verbs.push(head + compose({ ...last, final: FINAL.none }));
    }
    // The -어 form contracts the same way without the past tense: 깜빡여 → 깜빡이, 바꿔 → 바꾸.
    if (last.final === FINAL.none) {
      const plain = CONTRACTED_VOWELS.get(last.vowel);
      if (plain !== undefined) verbs.push(head + compose({ ...last, vowel: plain }));
    }
    // Adnominal and present forms add ㄴ or ㄹ to a vowel stem: 숨진, 올린, 지운, 숨질.
    if (last.final === FINAL.nieun || last.final === FINAL.rieul) verbs.push(head + compose({ ...last, final: FINAL.none }));
  };
  addStem(word);
  for (const ending of VERB_ENDINGS) {
    if (word.length <= ending.length || !word.endsWith(ending)) continue;
    const stem = word.slice(0, word.length - ending.length);
    // A one-syllable stem before a one-syllable ending is often a noun (사고, 사기, 줄기, 열기):
    // accept it only with a final consonant and never before 기 (맡은, 열고; not 사고), or as 다 (사다).
    if (stem.length === 1 && ending.length === 1 && ending !== '다' && (!decompose(stem)?.final || ending === '기')) continue;
    addStem(stem);
  }
  // 하다 and 되다 verbs are their noun: 설치했다 → 설치 (stripParticle already did it).
  return { nouns, verbs };
}

// ---------------------------------------------------------------- the index

interface Entry {
  /** The lemma shown to callers: nouns as written, verbs by stem, phrases word by word. */
  lemma: string;
  groups: number[];
}

function lemmaOfEntry(term: string): { key: string; lemma: string; verb: boolean } {
  const words = term.split(' ');
  const last = words.pop() ?? '';
  // Verbs end in 다; 주마다, 해마다 are nouns with 마다 (every).
  const verb = last.length >= 2 && last.endsWith('다') && !last.endsWith('마다');
  const head = words.map((word) => stripParticle(word));
  const lemma = [...head, verb ? last.slice(0, -1) : last].join(' ');
  return { key: lemma.toLowerCase(), lemma, verb };
}

const nounIndex = new Map<string, Entry>();
const verbIndex = new Map<string, Entry>();

RELATED_GROUPS.forEach((group, groupIndex) => {
  for (const term of group) {
    const { key, lemma, verb } = lemmaOfEntry(term);
    const index = verb ? verbIndex : nounIndex;
    const entry = index.get(key) ?? { lemma, groups: [] };
    if (!entry.groups.includes(groupIndex)) entry.groups.push(groupIndex);
    index.set(key, entry);
  }
});

/** The lemma of each group member, computed once. */
const groupLemmas = RELATED_GROUPS.map((group) => [...new Set(group.map((term) => lemmaOfEntry(term).lemma))]);

function lookupWord(word: string): Entry | undefined {
  const { nouns, verbs } = candidates(word);
  for (const noun of nouns) {
    const entry = nounIndex.get(noun);
    if (entry) return entry;
  }
  for (const verb of verbs) {
    const entry = verbIndex.get(verb);
    if (entry) return entry;
  }
  return undefined;
}

/** The table entry of a word or phrase, if it has one: 숨졌다 → 숨지, 사망자는 → 사망자, 목숨을 잃었다 → 목숨 잃. */
export function relatedLemma(word: string): string | undefined {
  return lookup(word)?.lemma;
}

function lookup(text: string): Entry | undefined {
  const words = text.normalize('NFC').trim().toLowerCase().split(/\s+/).filter(Boolean);
  const last = words.pop();
  if (last === undefined) return undefined;
  if (words.length === 0) return lookupWord(last);
  // A phrase: particles off every word but the last, which is analysed as a word (목숨을 잃었다).
  const head = words.map((word) => stripParticle(word)).join(' ');
  const { nouns, verbs } = candidates(last);
  for (const noun of nouns) {
    const entry = nounIndex.get(`${head} ${noun}`);
    if (entry) return entry;
  }
  for (const verb of verbs) {
    const entry = verbIndex.get(`${head} ${verb}`);
    if (entry) return entry;
  }
  return undefined;
}

/**
 * Words related to `word` (a surface word or phrase, particles and verb endings allowed), as lemmas:
 * nouns as written, verbs by stem, phrases word by word. Empty when the table does not know it.
 * relatedTerms('숨졌다') → ['사망', '목숨 잃', '사망자', …]; the word's own lemma is not included.
 */
export function relatedTerms(word: string): string[] {
  const entry = lookup(word);
  if (!entry) return [];
  const out = new Set<string>();
  for (const group of entry.groups) for (const lemma of groupLemmas[group] ?? []) if (lemma !== entry.lemma) out.add(lemma);
  return [...out];
}

/** True when two words share a group (or have the same lemma): 거래처 ~ 협력사, 숨진 ~ 사망. */
export function areRelated(a: string, b: string): boolean {
  const first = lookup(a);
  const second = lookup(b);
  if (!first || !second) return false;
  return first === second || first.groups.some((group) => second.groups.includes(group));
}
