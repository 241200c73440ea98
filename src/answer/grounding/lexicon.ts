// Korean facts the grounding check relies on, kept as tables so they can be read,
// tested and extended without touching the logic: negators, antonym pairs common in
// news, evaluative and causal words, titles that mark a name, fillers.

/**
 * Negating endings and words. A predicate is negated by 않다/못하다/없다/아니다 after it
 * ("바꾸지 않기로", "지키지 못했다", "지장이 없는", "사실이 아니다"); these forms start a word
 * or close it after -지.
 */
const NEGATOR_WORDS = ['않', '못', '없', '아니', '아닌', '아님', '아냐'];

/** Words that start like a negator but mean something else: 없어지다 (disappear), 없애다 (remove), 못지않다, 아니라 (not A but B). */
const NOT_NEGATORS = /^(없어지|없어져|없어졌|없어진|없어질|없앤|없애|없앴|없앨|못지|못된|아니라)/;

/** Word-initial spellings of the negators, for spotting them in a word ("않았다", "못한", "없이"). */
function isNegatorWord(word: string): boolean {
  return !NOT_NEGATORS.test(word) && NEGATOR_WORDS.some((negator) => word.startsWith(negator));
}

/** True when `word` negates: a negator word ("않았다", "못한", "없는", "아니다") or one glued after -지 ("바꾸지않았다"). */
export function isNegation(word: string): boolean {
  return isNegatorWord(word) || /지(않|못)/.test(word) || word === '못' || word === '안';
}

/**
 * "…밖에 …않다" and "…뿐 …없다" say "only", not "not": a negator after one of these
 * in the same clause is not a negation ("58%밖에 내리지 않았다" = only 58% fell).
 */
export const ONLY_MARKERS = ['밖에', '뿐'];

/**
 * Pairs of opposite meanings common in news: each concept lists word beginnings for
 * its two poles. A claim that takes one pole where the aligned source takes the other
 * contradicts it ("증가했다" vs "감소했다", "승리했다" vs "패배했다"). The spellings cover
 * the usual inflections (늘었다/늘어난, 떨어졌다/떨어진) by their stable beginning.
 */
const ANTONYMS: Array<{ concept: string; plus: string[]; minus: string[] }> = [
  {
    concept: 'increase',
    // prettier-ignore
    plus: [
      '증가', '늘었', '늘어', '늘리', '늘린', '늘면', '늘고', '상승', '올랐', '오른', '오르', '올라', '높아', '높였', '확대', '급증', '불어',
    ],
    minus: ['감소', '감축', '줄었', '줄어', '줄이', '줄인', '줄고', '하락', '떨어', '내렸', '내린', '내려', '낮아', '낮췄', '축소', '급감'],
  },
  { concept: 'high', plus: ['높다', '높은', '높고', '높아', '높았'], minus: ['낮다', '낮은', '낮고', '낮아', '낮았'] },
  { concept: 'many', plus: ['많다', '많은', '많고', '많을', '많았', '많아'], minus: ['적다', '적은', '적고', '적을', '적었', '적어'] },
  { concept: 'support', plus: ['찬성'], minus: ['반대'] },
  { concept: 'win', plus: ['승리', '이겼', '이긴', '이기'], minus: ['패배', '졌다', '진 ', '패했'] },
  { concept: 'permit', plus: ['허용', '허가'], minus: ['금지', '불허'] },
  { concept: 'success', plus: ['성공'], minus: ['실패'] },
  { concept: 'accept', plus: ['수락', '받아들', '수용'], minus: ['거절', '거부', '반려'] },
  { concept: 'keep', plus: ['유지', '지켰', '지킨', '지키'], minus: ['상실', '잃었', '잃은', '놓쳤', '빼앗'] },
  { concept: 'release', plus: ['석방', '풀려'], minus: ['구속', '체포', '수감'] },
  { concept: 'surplus', plus: ['흑자'], minus: ['적자'] },
  { concept: 'pass', plus: ['통과', '가결'], minus: ['부결', '폐기'] },
  { concept: 'admit', plus: ['인정', '시인'], minus: ['부인', '부정'] },
  { concept: 'agree', plus: ['합의', '타결'], minus: ['결렬'] },
  { concept: 'attend', plus: ['참석', '참가'], minus: ['불참'] },
  { concept: 'improve', plus: ['개선', '호전'], minus: ['악화'] },
  { concept: 'open', plus: ['개막', '개장', '개통'], minus: ['폐막', '폐장', '폐쇄'] },
  { concept: 'labour', plus: ['노조', '노동자', '근로자'], minus: ['사측', '사용자', '경영진'] },
  { concept: 'life', plus: ['생존', '살아'], minus: ['사망', '숨졌', '숨진'] },
];

const poleCache = new Map<string, Array<{ concept: string; pole: 1 | -1 }>>();

/** Pole of `word` for each concept it names: +1 / -1. */
export function polesOf(word: string): Array<{ concept: string; pole: 1 | -1 }> {
  const cached = poleCache.get(word);
  if (cached) return cached;
  const poles = findPoles(word);
  if (poleCache.size > 10_000) poleCache.clear();
  poleCache.set(word, poles);
  return poles;
}

function findPoles(word: string): Array<{ concept: string; pole: 1 | -1 }> {
  const poles: Array<{ concept: string; pole: 1 | -1 }> = [];
  for (const { concept, plus, minus } of ANTONYMS) {
    if (plus.some((prefix) => word.startsWith(prefix))) poles.push({ concept, pole: 1 });
    else if (minus.some((prefix) => word.startsWith(prefix))) poles.push({ concept, pole: -1 });
  }
  return poles;
}

/**
 * Words that judge, rank or exaggerate. A model adds them freely ("크게 성공했다", "역대 최대");
 * each must appear in the aligned source (a claim may say "가장" only where the source does).
 */
// prettier-ignore
export const EVALUATIVE_WORDS = [
  '가장', '최초', '최대', '최고', '최저', '최다', '최소', '최악', '최상', '역대', '사상', '처음', '유일', '압도', '크게', '대폭', '폭락', '폭등', '급등', '급락', '큰',
  '매우', '아주', '이례적', '심각', '호응', '뛰어난', '앞선', '성공적', '획기적', '기록적', '눈부신', '대규모', '세계적', '대표적', '완벽', '결정적', '절대적', '막대',
];

/** Causal connectives: a claim that says why must be backed by a source that says why. */
export const CAUSAL_WORDS = ['때문', '덕분', '덕에', '탓', '인해', '인한', '영향으로', '영향을', '바람에', '결과로', '까닭', '여파'];

/** Titles and roles after (or before) a person's name ("이홍락 원장", "감독 임하늘"). A word ending in one counts too ("해온시장", "교육문화비서관"). */
// prettier-ignore
const NAME_TITLES = [
  '사장', '대표', '회장', '부회장', '의장', '장관', '차관', '의원', '위원장', '교수', '대통령', '총리', '시장', '지사', '군수', '구청장', '씨', '감독', '선수', '원장', '청장',
  '부장', '이사', '본부장', '센터장', '소장', '총장', '박사', '변호사', '대변인', '국장', '팀장', '비서관', '부사장', '전무', '상무', '위원', '검사', '판사', '기자', '작가',
  '배우', '가수', '건축가', '사령관', '수상', '외무장관', '국무장관', '비서실장', '실장', '처장', '단장', '주석', '총재', '이사장', '부총리', '공격수', '수비수', '투수', '타자',
  '코치',
];
const TITLE_SET = new Set(NAME_TITLES);
const TITLES_BY_LENGTH = [...NAME_TITLES].sort((a, b) => b.length - a.length);

/** The title `word` is or ends in ("해온시장" → "시장"), or undefined. One-syllable 씨 only alone. */
export function titleOf(word: string): string | undefined {
  if (TITLE_SET.has(word)) return word;
  for (const title of TITLES_BY_LENGTH) if (title.length >= 2 && word.length > title.length && word.endsWith(title)) return title;
  return undefined;
}

/**
 * Endings of organisation and place names: an unmatched word ending in one is a named
 * body ("기획재정부", "자유당", "물리학과", "부산지법"), which a sentence may not invent.
 */
// prettier-ignore
const ORGANISATION_SUFFIXES = [
  '부', '처', '청', '당', '학과', '대학교', '대학', '지법', '법원', '고법', '지검', '위원회', '재단', '협회', '공단', '공사', '은행', '그룹', '기술원', '의료원', '병원',
  '경찰서', '소방서', '시청', '구청', '군청', '도청', '연맹', '조합', '노조', '학회', '박물관', '연구소', '증권', '전자', '반도체', '건설', '방송', '신문', '일보',
];

/** True for a word of three or more syllables ending in an organisation suffix. */
export function isOrganisationName(word: string): boolean {
  return word.length >= 3 && ORGANISATION_SUFFIXES.some((suffix) => word.endsWith(suffix) && word.length > suffix.length);
}

/** Particles after a noun; a word that lost one of these to stripParticle was a noun ("한빛반도체는"). */
// prettier-ignore
export const NOMINAL_PARTICLES = new Set([
  '은', '는', '이', '가', '을', '를', '의', '에', '에서', '에게', '로', '으로', '와', '과', '도', '만', '까지', '부터', '에서는', '에서도', '으로는', '으로도', '로는',
  '로도', '에는', '에도', '처럼', '보다', '마다', '이나', '와의', '과의', '으로서', '로서', '께서', '한테', '이라는', '라는', '이란', '란',
]);

/** Last syllables of inflected predicates; a word ending in one with no particle is a verb form, not a name. */
// prettier-ignore
export const PREDICATE_ENDINGS = new Set([
  '다', '고', '며', '서', '게', '지', '어', '아', '여', '해', '던', '든', '된', '한', '난', '진', '린', '른', '운', '날', '할', '될', '을', '킬', '면',
  '록', '자', '니', '나', '요', '죠', '까', '냐', '데', '만', '써', '워', '와', '봐', '놓', '져', '려', '쳐', '혀', '켜', '돼', '했', '됐', '였', '겠',
  '은', '는', '인', '단', '란', '간', '온', '준', '둔', '본', '친', '도', '쳤', '졌', '왔', '웠', '렸', '었', '았',
]);

/** Words that carry no claim: fillers, connectives, reporting verbs, time deixis a model adds freely. */
// prettier-ignore
export const FILLER_WORDS = new Set([
  '것', '수', '등', '및', '이번', '또한', '그는', '그', '이는', '이', '있다', '있', '있는', '있으며', '있고', '있습니다', '있었다', '했다', '했', '하는', '한다', '된다',
  '됐다', '된', '하고', '하며', '했으며', '했고', '밝혔다', '밝혔', '밝힌', '말했다', '말했', '전했다', '전했', '설명했다', '설명했', '강조했다', '강조했', '덧붙였다', '덧붙였',
  '예정이다', '예정', '계획이다', '계획', '알려졌다', '전해졌다', '위해', '통해', '대해', '따라', '따르면', '의해', '이후', '당시', '지난', '올해', '오는', '현재', '이날', '관련',
  '그러나', '하지만', '이에', '그리고', '또는', '다만', '이어', '한편', '특히', '모두', '함께', '이러한', '이런', '그런', '해당', '경우', '가운데', '다른', '여러', '최근',
  '앞서', '이들', '그들', '기사', '보도', '발췌', '내용', '이라고', '라고', '했습니다', '합니다', '입니다', '됩니다', '이다', '같은', '위한', '통한', '대한', '했다고', '한다고',
  '라며', '이라며', '면서', '중', '뒤', '후', '전', '때', '동안', '만에', '만', '총', '약', '당', '측', '해', '하', '되', '된다고', '이라는', '라는', '이며', '으며',
  '며', '고', '로', '에', '에서', '의', '를', '을', '는', '은', '가', '도', '과', '와', '까지', '부터', '이상', '이하', '정도', '가량', '여', '내', '안', '속',
  '씨',
]);
