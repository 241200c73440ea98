// Lines of a Korean news page that are about the article rather than part of it: the byline
// ("홍길동 기자 hong@example.com"), the time stamps ("입력 2025.10.24 14:05 | 수정 …"), the
// copyright notice, subscription promos, and the dateline that opens the first paragraph
// ("(서울=가상통신) 홍길동 기자 = "). Applied to extracted text one line at a time, so a
// sentence that merely mentions a reporter or a date is never touched.

/** Job titles that close a byline. */
const REPORTER = '(?:기자|특파원|선임기자|수석기자|전문기자|객원기자|인턴기자|통신원|논설위원|편집위원|앵커|리포터)';
const NAME = '[가-힣]{2,4}';
const EMAIL = '[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+';

/** The pieces a byline or time-stamp line is made of; a line that is nothing else is dropped. */
const BYLINE_PIECES = new RegExp(
  [
    `(?:글|사진|영상|취재|정리)\\s*[·ㆍ/]?\\s*(?=${NAME})`,
    `${NAME}(?:\\s*[·ㆍ,]\\s*${NAME})*\\s*${REPORTER}`,
    `\\(?${EMAIL}\\)?`,
    '(?:기사\\s*)?(?:입력|수정|승인|등록|발행|업데이트|최종\\s*수정|송고)\\s*:?',
    '\\d{4}[.\\-/]\\s?\\d{1,2}[.\\-/]\\s?\\d{1,2}\\.?(?:\\s*\\(?[월화수목금토일]\\)?)?(?:\\s*(?:오전|오후)?\\s*\\d{1,2}:\\d{2}(?::\\d{2})?)?',
  ].join('|'),
  'gu',
);
/** What must be in a line for it to be a byline or time stamp: a job title, an address or a label. */
const BYLINE_MARK = new RegExp(`${REPORTER}|@|입력|수정|승인|등록|송고`, 'u');
/** "[가상일보] 홍길동 기자": a bracketed outlet name in front of the byline. */
const OUTLET = /^[[(【][^\])】]{1,20}[\])】]/u;

/** Copyright and redistribution notices (a line that only mentions the word "copyright" is not one). */
const COPYRIGHT = /ⓒ|©|무단\s*전재|재배포\s*금지|저작권자|^copyright\b.*(?:\d{4}|all rights reserved)/iu;
const COPYRIGHT_MAX = 150;

/** "▶ 가상일보 구독하기", "☞ 기사 제보": arrows pointing away from the article. */
const PROMO = /^[▶▷►☞]\s*.{0,60}(?:구독|바로\s*가기|제보|관련\s*기사|앱\s*다운|친구\s*추가|많이\s*본)/u;

/** "(서울=가상통신) 홍길동 기자 = " or "[가상일보=홍길동 기자] " before the first sentence. */
const DATELINE = new RegExp(
  `^[\\[(【](?=[^\\])】]*(?:=|${REPORTER}))[^\\])】\\n]{1,30}[\\])】]\\s*(?:${NAME}(?:\\s*[·ㆍ]\\s*${NAME})*\\s*${REPORTER}\\s*=\\s*)?`,
  'u',
);

function isBylineOrStamp(line: string): boolean {
  if (!BYLINE_MARK.test(line)) return false;
  const rest = line.replace(OUTLET, '').replace(BYLINE_PIECES, ' ');
  return !/[\p{L}\p{N}]/u.test(rest);
}

/** True for a line that is only about the article (byline, time stamp, notice, promo), never part of it. */
export function isNewsBoilerplate(line: string): boolean {
  const trimmed = line.trim();
  if (trimmed === '') return false;
  if (isBylineOrStamp(trimmed) || PROMO.test(trimmed)) return true;
  return trimmed.length <= COPYRIGHT_MAX && COPYRIGHT.test(trimmed);
}

/** How far into the text a dateline may sit (headings and a subtitle may come first). */
const DATELINE_LINES = 3;

/** Removes boilerplate lines and the opening dateline; keeps paragraph breaks as they were. */
export function dropNewsBoilerplate(text: string): string {
  const lines = text.split('\n').filter((line) => !isNewsBoilerplate(line));
  let seen = 0;
  for (const [index, line] of lines.entries()) {
    if (seen >= DATELINE_LINES) break;
    if (line.trim() === '') continue;
    seen += 1;
    const stripped = line.replace(DATELINE, '');
    if (stripped !== line && stripped.trim() !== '') {
      lines[index] = stripped;
      break;
    }
  }
  return lines.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}
