// Word tables for the temporal analyser (temporal.ts). Keys are written without
// spaces: the analyser removes the optional space of "지난 달", "이번 주" before lookup.

/** Deictic days: offset in days from the reference date, and the normalised term. */
export const RELATIVE_DAYS: Readonly<Record<string, { offset: number; term: string }>> = {
  오늘: { offset: 0, term: '오늘' },
  금일: { offset: 0, term: '오늘' },
  // News prose says 이날 for the article's own day.
  이날: { offset: 0, term: '이날' },
  어제: { offset: -1, term: '어제' },
  그제: { offset: -2, term: '그제' },
  그저께: { offset: -2, term: '그제' },
  엊그제: { offset: -2, term: '그제' },
  내일: { offset: 1, term: '내일' },
  모레: { offset: 2, term: '모레' },
};

/** Deictic years: offset in years from the reference year. 전년 (as in "전년 동기 대비") is read as the year before. */
export const RELATIVE_YEARS: Readonly<Record<string, { offset: number; term: string }>> = {
  올해: { offset: 0, term: '올해' },
  금년: { offset: 0, term: '올해' },
  작년: { offset: -1, term: '작년' },
  지난해: { offset: -1, term: '작년' },
  전년: { offset: -1, term: '전년' },
  전년도: { offset: -1, term: '전년' },
  재작년: { offset: -2, term: '재작년' },
  내년: { offset: 1, term: '내년' },
  내후년: { offset: 2, term: '내후년' },
};

/** Deictic months: offset in months from the reference month. */
export const RELATIVE_MONTHS: Readonly<Record<string, { offset: number; term: string }>> = {
  이달: { offset: 0, term: '이달' },
  이번달: { offset: 0, term: '이달' },
  지난달: { offset: -1, term: '지난달' },
  전월: { offset: -1, term: '지난달' },
  다음달: { offset: 1, term: '다음달' },
  내달: { offset: 1, term: '다음달' },
};

/** Deictic weeks (Monday to Sunday): offset in weeks from the reference week. */
export const RELATIVE_WEEKS: Readonly<Record<string, { offset: number; term: string }>> = {
  지난주: { offset: -1, term: '지난주' },
  이번주: { offset: 0, term: '이번주' },
  다음주: { offset: 1, term: '다음주' },
};

/** Deictic quarters: offset in quarters from the reference quarter. */
export const RELATIVE_QUARTERS: Readonly<Record<string, { offset: number; term: string }>> = {
  지난분기: { offset: -1, term: '지난분기' },
  직전분기: { offset: -1, term: '지난분기' },
  전분기: { offset: -1, term: '지난분기' },
  이번분기: { offset: 0, term: '이번분기' },
  다음분기: { offset: 1, term: '다음분기' },
};

/** Native Korean day counts (이틀 = two days …), always durations; also read as quantities. */
export const DAY_COUNT_WORDS: Readonly<Record<string, number>> = {
  하루: 1,
  이틀: 2,
  사흘: 3,
  나흘: 4,
  닷새: 5,
  엿새: 6,
  이레: 7,
  여드레: 8,
  아흐레: 9,
  열흘: 10,
  보름: 15,
};

/** Native Korean numerals before 달 / 해 ("두 달", "한 해"); 0 stands for an unspecified few (몇, 수). */
export const NATIVE_NUMERALS: Readonly<Record<string, number>> = {
  한: 1,
  두: 2,
  세: 3,
  네: 4,
  다섯: 5,
  여섯: 6,
  일곱: 7,
  여덟: 8,
  아홉: 9,
  열: 10,
  몇: 0,
  수: 0,
  십수: 0,
};

/** Parts of a month: first and last day (31 is cut to the month's length). 중 alone means "during", so it is not here. */
export const MONTH_PARTS: Readonly<Record<string, { from: number; to: number; term: string }>> = {
  초순: { from: 1, to: 10, term: '초순' },
  초: { from: 1, to: 10, term: '초' },
  중순: { from: 11, to: 20, term: '중순' },
  하순: { from: 21, to: 31, term: '하순' },
  말: { from: 21, to: 31, term: '말' },
};

/** Question words asking for the newest or the first state of a fact. */
export const LATEST_WORDS = ['가장 최근', '최근', '현재', '지금', '최종', '요즘', '최신', '결국', '마침내', '끝내'] as const;
export const EARLIEST_WORDS = ['맨 처음', '처음', '당초', '최초', '애초', '원래'] as const;
