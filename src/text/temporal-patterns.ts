// The temporal analyser's patterns, compiled once, and the character tests its scan uses.

export const DASH = '[~∼〜–-]';
// prettier-ignore
const TIME_WORDS = [
  '오늘', '금일', '이날', '어제', '그저께', '그제', '엊그제', '내일', '모레', '올해', '금년', '재작년', '작년', '지난[ ]?해', '내후년', '내년', '전년도?', '지난[ ]?달',
  '이번[ ]?달', '이달', '다음[ ]?달', '내달', '전월', '지난[ ]?주', '이번[ ]?주', '다음[ ]?주', '(?:지난|직전|전|이번|다음)[ ]?분기', '상반기', '하반기', '하루', '이틀',
  '사흘', '나흘', '닷새', '엿새', '이레', '여드레', '아흐레', '열흘', '보름',
].join('|');

export const MASTER = new RegExp(
  [
    // 2025.6.18, 2025-06-18, 2025. 6. 18 (one separator throughout)
    String.raw`(?<dotY>\d{4})[ ]?(?<dotS>[./-])[ ]?(?<dotM>\d{1,2})[ ]?\k<dotS>[ ]?(?<dotD>\d{1,2})(?!\d)`,
    // 2013~2014년, 2013년~2014년
    String.raw`(?<yA>\d{4})[ ]?(?:년[ ]?)?${DASH}[ ]?(?<yB>\d{4})년`,
    // 1~10일, 1일~10일, 6~8월
    String.raw`(?<rA>\d{1,2})(?:(?<rAu>[일월])[ ]?${DASH}[ ]?(?<rB>\d{1,2})\k<rAu>|[ ]?${DASH}[ ]?(?<rB2>\d{1,2})(?<rBu>[일월]))`,
    // 1·4분기, 1/4분기 (the older way to write a quarter)
    String.raw`(?<qOld>[1-4])[ ]?[·ㆍ・/][ ]?4[ ]?분기`,
    String.raw`(?<qQ>[1-4])Q(?<qYY>\d{2})?(?![0-9A-Za-z])`,
    String.raw`(?<slM>\d{1,2})/(?<slD>\d{1,2})(?![\d/])`,
    String.raw`(?<num>\d{1,4})(?<unit>개월|시간|분기|차전|회차|회전|라운드|강전|일차|주차|년차|번째|쿼터|년|월|일|주|차|회|강)`,
    `(?<word>${TIME_WORDS})`,
    // 두 달, 한 해 (해 needs the space: 수해 is a flood)
    String.raw`(?<native>한|두|세|네|다섯|여섯|일곱|여덟|아홉|열|몇|십수|수)(?:[ ]?(?<nUnitM>달)|[ ](?<nUnitY>해))`,
  ].join('|'),
  'g',
);

/** Quick rejection: no digit and no time word means no time expression. */
export const QUICK = new RegExp(
  String.raw`[0-9]|오늘|금일|이날|어제|그제|그저께|내일|모레|올해|금년|작년|지난|이번|이달|다음|내달|전월|내년|후년|전년|분기|반기|하루|이틀|사흘|나흘|닷새|엿새|이레|여드레|아흐레|열흘|보름|[한두세네섯곱덟홉열몇수][ ]?달|[한두세네섯곱덟홉열몇수] 해`,
);

// What may follow a time word: a particle or anything that is not Hangul. Rejects 오늘날,
// 그제서야, 이날짜, 다음 주요, 한 달러, 한 해외, 보름달.
export const WORD_FOLLOW =
  /(?:$|[^가-힣]|에|엔|는|은|도|의|까지|부터|보다|와|과|만|를|을|이|가|인|로|으로|처럼|쯤|께|경|말|초|중|간|동안|째|내|여|새)/y;
// A part of a month after it: "6월 하순", "이달 말까지"; not "6월 말했다", "6월 초청".
export const PART_AFTER = /[ ]?(초순|중순|하순|초|말)(?=$|[^가-힣]|에|엔|부터|까지|께|쯤|경|인|의|로|을|이|무렵)/y;
// A duration marker after a number and counter: "5일간", "3일 연속", "3년 만에", "15일째", "주 5일제".
export const DURATION_AFTER =
  /(?:간|째|씩|여|새|제|만에|만의|만이|[ ]?(?:동안|연속|만에|만의|가량|이상|이내|넘게|가까이|정도|내내|남짓|이하|미만|걸려|걸리|걸쳐))/y;
// "3일 전", "2주 후", "5년 뒤" (not 전후 "around", not 후보).
export const AGO_AFTER = /[ ]?(전|후|뒤)(?=$|[^가-힣]|에|엔|의|까지|부터|인|이|보다|만)/y;
// Clause tense, for a month or day whose year or month the text leaves open.
export const PAST = /(?:었|았|였|했|됐|졌|웠|났|섰|렸|겼|쳤|왔|냈|뒀|줬|봤|갔)(?:다|고|으며|는데|지만|으나|던|음|어|나|니|는지|습니다|죠)/;
// Every syllable ending in ㄴ, for the present tense that news uses for scheduled events
// ("연다", "열린다", "시행한다고").
const NIEUN_FINAL = Array.from({ length: 19 * 21 }, (_, i) => String.fromCharCode(0xac00 + i * 28 + 4)).join('');
export const FUTURE = new RegExp(
  `예정|계획|방침|전망|목표|할 것|될 것|하겠|되겠|[${NIEUN_FINAL}]다(?:고|며|는|면서)?(?![가-힣])|(?:할|될|릴) `,
);
export const CLAUSE_END = /[.!?\n]/;
// A month named as a target or bound ("10월로 미뤄졌다", "10월까지") says nothing by its verb's tense.
export const TARGET_AFTER = /(?:으로|로|까지|부터|께|쯤|경|중)/y;

// ---------------------------------------------------------------------------------------------
// Character helpers

export const isHangul = (code: number) => code >= 0xac00 && code <= 0xd7a3;
export const isDigit = (code: number) => code >= 0x30 && code <= 0x39;
export const isLatin = (code: number) => (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);

export function stickyAt(pattern: RegExp, text: string, index: number): RegExpExecArray | null {
  pattern.lastIndex = index;
  return pattern.exec(text);
}

const PREFIXES = ['지난', '오는', '이번', '올'] as const;
export type Prefix = (typeof PREFIXES)[number];

/** 지난 / 오는 / 이번 / 올 just before `start` (one optional space), as a whole word. */
export function prefixBefore(text: string, start: number, allowOl: boolean): { prefix: Prefix; start: number } | undefined {
  let p = start;
  if (text.charCodeAt(p - 1) === 0x20) p--;
  for (const prefix of PREFIXES) {
    if (prefix === '올' && !allowOl) continue;
    const at = p - prefix.length;
    if (at >= 0 && text.startsWith(prefix, at) && !isHangul(text.charCodeAt(at - 1))) return { prefix, start: at };
  }
  return undefined;
}
