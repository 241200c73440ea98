// Counters and units of Korean counts (answer-forms.ts reads them): the numerals a count is said
// with, the counters that answer for one another, and the measures a value must carry its unit for.

// Sino-Korean numeral syllables (일, 이, 구 …) are left out: they hide inside ordinary
// words ("연구원" would read as 9 won).
export const NUMBER = String.raw`(\d[\d,.]*|한|두|세|네|넉|다섯|여섯|일곱|여덟|아홉|열|스무|서른|마흔|쉰|수십|수백|수천|수만|여러|몇)`;
export const ORDINAL_COUNTERS = new Set(['번째', '번', '회', '차례', '시즌', '호', '대']);
export const RANK_COUNTERS = new Set(['위', '등', '등급']);

// Counters that answer for one another: "몇 명" → "3인", "몇 개" → "9가지".
export const COUNTER_CLASSES: Record<string, string> = {
  명: '명|인',
  인: '명|인',
  표: '표|명',
  // 개 is the counter of anything: what is counted keeps its own ("4매", "3채널", "17,472 셀"), but
  // not a unit of time ("2006년" counts nothing), a designation ("3호선", "2호기" name one) nor a
  // particle ("E3에서").
  개: '개|가지|종|곳|단지|(?!년|월|일|시|분|초|세기|주|차|호|에|의|로|으로|와|과|은|는|이|가|을|를|도|만)[가-힣]',
  가지: '개|가지|종',
  // Places: "몇 군데" is answered by "32곳", "12개소".
  곳: '곳|군데|개소',
  군데: '군데|곳|개소',
  종: '종|종류|개|가지',
  등급: '등급|단계|개|종류',
  번: '번|차례|회|번째|째|호',
  번째: '번째|째|호',
  채: '채|척',
  척: '채|척',
  차례: '번|차례|회',
  회: '번|차례|회',
  시간: '시간|분',
  주: '주|일',
  개월: '개월|달|년',
  // Points a player scores or a side concedes: "몇 점 올렸어?" → "29득점을 올렸다".
  점: '점|득점|실점',
  // Sheets: a help page and a price list count paper in 매 ("10매"), users in 장.
  장: '장|매',
  매: '매|장',
  // Games in a row: "몇 경기째 연속 이겼어?" → "12연승", "5연패".
  경기: '경기|연승|연패|승|패|게임',
  // Households: "몇 세대" → "504가구".
  세대: '세대|가구',
  가구: '가구|세대',
  // Degrees of temperature: "영하 2도", "4℃".
  도: "도|℃|°|'C",
  // Measures by their units (a height in cm or m, a weight in kg or t, an area in ㎡, 헥타르 or 평).
  cm: 'cm|센티미터|센티|㎝|m|미터',
  mm: 'mm|㎜|밀리미터|밀리', // 98㎜ is how news writes 98mm
  kg: 'kg|킬로그램|킬로|㎏|g|그램|t|톤',
  톤: '톤|t',
  t: 't|톤',
  m: 'm|미터|km|킬로미터|cm|센티미터|층',
  km: 'km|킬로미터|㎞',
  키로: 'km|킬로미터|㎞|kg|킬로그램|㎏|키로|킬로',
  kW: 'kW|킬로와트|㎾',
  kcal: 'kcal|킬로칼로리|㎉',
  g: 'g|그램',
  ml: 'ml|mL|㎖|밀리리터|cc',
  L: 'L|ℓ|리터|l(?![a-z])',
  '㎡': '㎡|m2|제곱미터|헥타르|ha|평|㎢|제곱킬로미터|에이커',
  'km/h': 'km|킬로미터|노트|m/s|마하',
  // Storage, which users say in Hangul ("몇 기가까지 돼요?") and pages write in symbols (256GB).
  GB: 'GB|기가|TB|테라',
  TB: 'TB|테라|GB|기가',
  MB: 'MB|메가|GB|기가',
};

/** Units asked in Hangul ("몇 미터나 돼?") that a passage writes in their symbols (5.5m): the counter
 *  the answer is read in (COUNTER_CLASSES above spells each both ways). */
export const SPELLED_UNITS: Record<string, string> = {
  킬로미터: 'km',
  키로미터: 'km',
  센티미터: 'cm',
  센티: 'cm',
  밀리리터: 'ml',
  밀리미터: 'mm',
  밀리: 'mm',
  리터: 'L',
  미터: 'm',
  킬로그램: 'kg',
  그램: 'g',
  기가바이트: 'GB',
  기가: 'GB',
  테라바이트: 'TB',
  테라: 'TB',
  메가바이트: 'MB',
  메가: 'MB',
  킬로와트: 'kW',
  킬로칼로리: 'kcal',
  // 키로 and 킬로 are said for a kilometre and a kilogram alike ("구간 몇 키로야?", "몇 키로 나가요?"): last, so
  // that 키로미터 and 킬로그램 match whole.
  키로: '키로',
  킬로: '키로',
};

/** Units of measure written in Hangul, time among them ("징역 몇 년": "1천240건" counts no years). */
const MEASURE_WORDS = new Set(['도', '톤', '키로', '년', '개월', '주', '일', '시간', '분', '초', '세', '살']);

/** A unit of measure (a weight, a length, a temperature, a span of time …): its value is written with
 *  it, so a bare large number ("30만") states none. */
export function isMeasure(counter: string): boolean {
  return /^[A-Za-z㎜㎝㎞㎏㎡℃°]/.test(counter) || MEASURE_WORDS.has(counter);
}
