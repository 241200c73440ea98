// "어느 정당", "무슨 요일", "어떤 대학교": a determiner question word before a kind noun asks for
// an instance of that kind, and Korean names instances with the kind's suffix: a party is
// 민주당 or 한나라당, a university 서울대학교, a weekday 월요일. A sentence without such a word
// names no instance, so it cannot answer (KorQuAD's 22 questions of this form all answer so).

interface InstanceKind {
  /** What a word naming an instance ends with. */
  suffixes: string;
  /** Whole words that name an instance without the suffix ("무소속" for a party). */
  others?: string;
  /** A foreign name may stand apart from the suffix ("퓨젯 사운드 대학교"). */
  spaced?: true;
}

// Particles and words that may follow the instance ("민주당 소속", "서울대학교 출신").
const AFTER = '(?![가-힣])|(?=(은|는|이|가|을|를|의|에|에서|으로|로|과|와|도|만|까지|부터|소속|출신|졸업|후보))';

// "서울대 출신", "한빛대를 나와": a university's short name, told by what follows it (최대, 세대 are no schools).
const SHORT_UNIVERSITY = '[가-힣]대\\s*(출신|졸업|재학|입학)|[가-힣]대(를|에서|에)\\s*(나와|나왔|졸업|입학|다니|다녔|진학)';

export const INSTANCE_KINDS: Record<string, InstanceKind> = {
  정당: { suffixes: '당', others: '무소속' },
  당: { suffixes: '당', others: '무소속' },
  대학: { suffixes: '대학교|대학|대학원', others: SHORT_UNIVERSITY, spaced: true },
  대학교: { suffixes: '대학교|대학|대학원', others: SHORT_UNIVERSITY, spaced: true },
  학교: { suffixes: '학교|고교|대학', others: SHORT_UNIVERSITY, spaced: true },
  병원: { suffixes: '병원|의원|의료원' },
  은행: { suffixes: '은행' },
  요일: { suffixes: '요일', others: '주말|평일|공휴일' },
  // A bus or subway line is named by its number: "101번", "2호선", "가온순환선".
  노선: { suffixes: '노선|순환선|호선', others: '\\d+\\s*(번|호선)' },
};

/** The question's kind noun after 어느/무슨/어떤 ("어느 정당 소속이야?" → 정당), if the table knows it. */
export const INSTANCE_QUESTION = new RegExp(
  `(어느|무슨|어떤)\\s*(${Object.keys(INSTANCE_KINDS)
    .sort((a, b) => b.length - a.length)
    .join('|')})(?=[^가-힣]|$|은|는|이|가|을|를|의|에|에서|으로|로|과|와|출신|소속|시절)`,
);

const answerForms = new Map(
  Object.entries(INSTANCE_KINDS).map(([noun, kind]) => [
    noun,
    new RegExp(`[가-힣A-Za-z)]${kind.spaced ? '\\s?' : ''}(${kind.suffixes})(${AFTER})${kind.others ? `|${kind.others}` : ''}`),
  ]),
);

/** True when the sentence names an instance of the kind `noun` ("민주당" for 정당). */
export function namesInstance(sentence: string, noun: string): boolean {
  return answerForms.get(noun)?.test(sentence) ?? false;
}
