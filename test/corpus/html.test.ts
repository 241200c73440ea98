import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { textCoverage } from '../../src/corpus/html-coverage.js';
import { LOW_TEXT_SHARE, READABILITY_MIN_COVERAGE, type HtmlOutcome, parseHtml } from '../../src/corpus/html.js';
import { dropNewsBoilerplate, isNewsBoilerplate } from '../../src/corpus/news-lines.js';
import { splitSentences } from '../../src/text/sentences.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/html');

async function fixture(name: string): Promise<{ outcome: HtmlOutcome; expected: string }> {
  const html = await readFile(join(FIXTURES, `${name}.html`), 'utf8');
  const expected = (await readFile(join(FIXTURES, `${name}.expected.txt`), 'utf8')).trim();
  return { outcome: parseHtml(html), expected };
}

function parsed(html: string): Extract<HtmlOutcome, { ok: true }> {
  const outcome = parseHtml(html);
  if (!outcome.ok) throw new Error(`not parsed: ${outcome.reason}`);
  return outcome;
}

const page = (head: string, body: string) => `<!doctype html><html lang="ko"><head>${head}</head><body>${body}</body></html>`;

/** Paragraphs long enough for Readability to take the block as the article. */
const filler = (count: number, topic: string) =>
  Array.from(
    { length: count },
    (_, index) => `<p>${topic} ${index + 1}번째 문단은 기사 본문처럼 충분히 길게 썼다, 그래서 본문 후보로 뽑힐 만하다.</p>`,
  ).join('');

describe('parseHtml on written fixtures (expected text beside each page)', () => {
  it.each([
    [
      'news-economy',
      // og:title wins over JSON-LD headline and <title>; og:site_name over JSON-LD publisher.
      { title: '가상전자, 3분기 영업이익 2조 원 돌파…반도체 회복세', date: '2025-10-24', source: '가상경제신문', url: 'https://economy.example.com/news/20251024-0031' },
    ],
    ['news-local', { title: "달빛시, 폐교 활용 '마을 도서관' 세 곳 연다", date: '2025-09-03', source: '가상통신', url: undefined }],
    [
      'news-sports',
      // No og tags: headline, publisher and url from JSON-LD @graph, the date from <time datetime>.
      { title: '은하 레드윙스, 9회말 끝내기 안타로 4연승 질주', date: '2025-07-19', source: '가상스포츠', url: 'https://sports.example.com/baseball/8841' },
    ],
    // Broken JSON-LD is ignored; article:published_time gives the date.
    ['news-science', { title: '국내 연구진, 바닷물로 작동하는 배터리 개발', date: '2025-05-12', source: undefined, url: undefined }],
    ['lo-help-impress', { title: '슬라이드에 메모 붙이기', date: undefined, source: undefined, url: undefined }],
  ])('%s: exact text and metadata, full coverage, no warning', async (name, meta) => {
    const { outcome, expected } = await fixture(name);
    if (!outcome.ok) throw new Error(outcome.reason);
    const { text, ...rest } = outcome.value;
    expect(text).toBe(expected);
    expect(rest).toEqual(meta);
    expect(outcome.extraction.coverage).toBeGreaterThanOrEqual(READABILITY_MIN_COVERAGE);
    expect(outcome.warnings).toEqual([]);
  });

  it.each([
    ['news-economy', ['이서연 기자', 'seoyeon@', '무단 전재', '관련 기사', '많이 본 뉴스', '페이스북', 'URL 복사', 'AD', '입력', '검색']],
    ['news-local', ['박민수 기자', 'minsu@', '구독하기', '제보', '저작권자', '관련뉴스', '많이 본 기사', '공유하기', '회사소개', '대구·경북']],
    ['news-sports', ['정도윤 기자', '#야구', '댓글', '인기 기사', '본문 바로가기', '취재합니다', '© 2025']],
    ['news-science', ['윤하람 기자', 'science@', '링크 복사', '광고', '편집자 메모', '함께 많이 본', '기사 더보기', '회원가입', '무단 전재']],
  ])('%s: leaves out bylines, notices, share buttons, ads and related boxes', async (name, fragments) => {
    const { outcome } = await fixture(name);
    if (!outcome.ok) throw new Error(outcome.reason);
    for (const fragment of fragments) expect(outcome.value.text).not.toContain(fragment);
  });

  it('keeps LibreOffice menu paths, the Ctrl variant and the Impress wording; drops the Calc-only note', async () => {
    const { outcome } = await fixture('lo-help-impress');
    if (!outcome.ok) throw new Error(outcome.reason);
    const { text } = outcome.value;
    expect(text).toContain('보기 - 메모를 선택합니다.');
    expect(text).toContain('파일 - 인쇄 대화 상자의');
    expect(text).toContain('Ctrl+S 키를 눌러 저장합니다.');
    expect(text).toContain('Ctrl+Page Down');
    expect(text).not.toContain('Command');
    expect(text).toContain('다시 보기 - 기본을 선택하면');
    expect(text).not.toMatch(/보기 - 페이지|보기 - 표준/);
    expect(text).not.toContain('스프레드시트');
    expect(text).not.toMatch(/디버그|This page is|목차|색인/);
  });

  it('gives every heading, list item and table cell its own sentence', async () => {
    const { outcome } = await fixture('news-sports');
    if (!outcome.ok) throw new Error(outcome.reason);
    const { text } = outcome.value;
    const sentences = splitSentences(text).map(({ start, end }) => text.slice(start, end));
    expect(sentences).toContain('선발 오태양, 6이닝 2실점');
    expect(sentences).toContain('관중 1만 8천 명 몰려');
  });
});

describe('parseHtml: completeness', () => {
  it('keeps inline elements whose class mentions "menu" or "related" (Readability deletes them)', () => {
    const { value } = parsed(
      page(
        '<title>설정 안내</title>',
        `<article>${filler(4, '설정 안내의')}<p>단어 완성을 조정하려면 <span class="menuitem">도구 - 자동 고침 옵션</span>을 선택하고 <span class="related-term">단어 완성</span> 탭을 엽니다.</p></article>`,
      ),
    );
    expect(value.text).toContain('단어 완성을 조정하려면 도구 - 자동 고침 옵션을 선택하고 단어 완성 탭을 엽니다.');
  });

  it('falls back to the main text when Readability drops a section', () => {
    const outcome = parsed(
      page(
        '<title>두 구역 문서</title>',
        `<div class="content">${filler(5, '첫 구역의')}</div><div class="extra"><h2>문제 해결</h2><p>전원이 켜지지 않으면 배터리를 확인합니다.</p><ul><li>케이블을 다시 꽂습니다.</li></ul></div>`,
      ),
    );
    expect(outcome.extraction.method).toBe('main');
    expect(outcome.extraction.readabilityCoverage).toBeLessThan(READABILITY_MIN_COVERAGE);
    expect(outcome.value.text).toContain('문제 해결\n\n전원이 켜지지 않으면 배터리를 확인합니다.\n\n케이블을 다시 꽂습니다.');
    expect(outcome.extraction.coverage).toBe(1);
  });

  it('keeps Readability when it keeps the main text, and drops a first heading that repeats the title', () => {
    const outcome = parsed(page('<title>한 구역 문서</title>', `<article><h1>한 구역 문서</h1>${filler(4, '본문의')}</article>`));
    expect(outcome.extraction.method).toBe('readability');
    expect(outcome.value.text.startsWith('본문의 1번째 문단은')).toBe(true);
  });

  it('treats hidden elements as invisible, unless one of a group of variants', () => {
    const { value } = parsed(
      page(
        '<title>단축키</title>',
        `<article>${filler(3, '단축키의')}<p>저장하려면 <span class="switchinline"><span hidden class="MAC">Command</span><span hidden>Ctrl</span></span>+S를 누릅니다.<span hidden>내부 메모</span><span style="display: none">숨은 글</span></p></article>`,
      ),
    );
    expect(value.text).toContain('저장하려면 Ctrl+S를 누릅니다.');
    expect(value.text).not.toMatch(/Command|내부 메모|숨은 글/);
  });

  it('keeps a platform-only variant when no default exists', () => {
    const { value } = parsed(
      page('<title>예제</title>', `<article>${filler(3, '예제의')}<span class="switch"><span hidden class="WIN"><p>윈도에서는 경로에 역슬래시를 씁니다.</p></span></span></article>`),
    );
    expect(value.text).toContain('윈도에서는 경로에 역슬래시를 씁니다.');
  });

  it('keeps a block whose class says chrome when it holds most of the page', () => {
    const { value } = parsed(page('<title>통째 문서</title>', `<div class="sidebar">${filler(3, '통째 문서의')}</div><p>짧은 꼬리말.</p>`));
    expect(value.text).toContain('통째 문서의 1번째 문단은');
  });
});

describe('parseHtml: warnings', () => {
  it('warns when the text is a small share of what the page shows', () => {
    const outcome = parsed(page('<title>곁가지 문서</title>', `<main><p>짧은 본문 한 줄.</p></main><aside>${filler(12, '곁가지의')}</aside>`));
    expect(outcome.extraction.pageShare).toBeLessThan(LOW_TEXT_SHARE);
    expect(outcome.warnings).toEqual([expect.stringMatching(/^본문으로 읽은 글이 적음: 화면 글자의 \d+%만 남김/)]);
  });

  it('does not warn on a short page whose chrome outweighs its text', () => {
    const outcome = parsed(page('<title>짧은 문서</title>', '<header>사이트 이름 메뉴 도움말</header><p>한 줄 설명입니다.</p><footer>바닥글 안내 문구</footer>'));
    expect(outcome.warnings).toEqual([]);
  });
});

describe('parseHtml: metadata', () => {
  const article = (jsonLd: unknown, extraHead = '') =>
    page(`<title>제목 태그 | 사이트</title>${extraHead}<script type="application/ld+json">${JSON.stringify(jsonLd)}</script>`, `<article>${filler(3, '메타의')}</article>`);

  it.each<[string, string, { title?: string; date?: string; source?: string; url?: string }]>([
    ['NewsArticle headline, datePublished, publisher.name', article({ '@type': 'NewsArticle', headline: '헤드라인', datePublished: '2025-04-05T08:00:00+09:00', publisher: { name: '가상일보' } }), { title: '헤드라인', date: '2025-04-05', source: '가상일보' }],
    ['an array of objects', article([{ '@type': 'BreadcrumbList' }, { '@type': 'ReportageNewsArticle', headline: '현장 기사', datePublished: '2025-04-06' }]), { title: '현장 기사', date: '2025-04-06' }],
    ['og:title and og:site_name before JSON-LD', article({ '@type': 'NewsArticle', headline: '헤드라인', publisher: '발행사' }, '<meta property="og:title" content="오픈그래프 제목"><meta property="og:site_name" content="오픈그래프 사이트">'), { title: '오픈그래프 제목', source: '오픈그래프 사이트' }],
    ['a publisher given as a name', article({ '@type': 'Article', headline: '헤드라인', publisher: '발행사' }), { title: '헤드라인', source: '발행사' }],
    ['an unreadable date, then <time datetime>', article({ '@type': 'NewsArticle', headline: '헤드라인', datePublished: '지난주' }, '').replace('</article>', '<time datetime="2025-04-07">4월 7일</time></article>'), { title: '헤드라인', date: '2025-04-07' }],
    ['no article object: <title>', article({ '@type': 'WebSite', name: '사이트' }), { title: '제목 태그 | 사이트' }],
  ])('%s', (_what, html, meta) => {
    const { value } = parsed(html);
    expect({ title: value.title, date: value.date, source: value.source, url: value.url }).toEqual({ title: undefined, date: undefined, source: undefined, url: undefined, ...meta });
  });
});

describe('news boilerplate lines', () => {
  it.each([
    '홍길동 기자 hong@example.com',
    '홍길동 기자',
    '홍길동·김철수 기자',
    '윤하람 기자 · 김도현 기자 science@example.com',
    '[가상일보] 홍길동 기자 (hong@example.com)',
    '글·사진 홍길동 선임기자',
    'hong@example.com',
    '입력 2025.10.24 14:05',
    '기사입력 2025.09.03 10:12 | 최종수정 2025.09.03 11:40',
    '정도윤 기자 2025-07-19 22:31',
    'ⓒ 가상경제신문, 무단 전재 및 재배포 금지',
    '<저작권자(c) 가상통신, 무단 전재-재배포 금지> 2025/09/03 송고',
    'Copyright 2025 Example News. All rights reserved.',
    '▶ 가상통신 채널 구독하기',
    '☞ 기사 제보는 카카오톡으로',
  ])('drops %j', (line) => {
    expect(isNewsBoilerplate(line)).toBe(true);
  });

  it.each([
    '홍길동 기자는 이날 현장에서 주민 10명을 만났다.',
    '경찰은 김 기자에게 사과했다.',
    '회의는 2025.10.24 오후에 열린다.',
    'Copyright 정보는 이미지 속성에서 바꿀 수 있습니다.',
    '메뉴에서 보기 - 메모를 선택합니다.',
    '▶ 다음 단계로 이동합니다.',
    '문의: 고객센터',
  ])('keeps %j', (line) => {
    expect(isNewsBoilerplate(line)).toBe(false);
  });

  it.each([
    ['(서울=가상통신) 홍길동 기자 = 시가 예산을 늘렸다.', '시가 예산을 늘렸다.'],
    ['[가상스포츠=정도윤 기자] 은하팀이 이겼다.', '은하팀이 이겼다.'],
    ['부제목 한 줄\n\n【달빛=가상뉴스】 달빛시가 문을 열었다.', '부제목 한 줄\n\n달빛시가 문을 열었다.'],
    ['(사진) 행사 모습이다.', '(사진) 행사 모습이다.'],
    ['첫 문장이다.\n\n둘째 문단이다.\n\n셋째 문단이다.\n\n(서울=가상통신) 넷째 문단이다.', '첫 문장이다.\n\n둘째 문단이다.\n\n셋째 문단이다.\n\n(서울=가상통신) 넷째 문단이다.'],
  ])('strips the dateline of %j', (text, expected) => {
    expect(dropNewsBoilerplate(text)).toBe(expected);
  });
});

describe('textCoverage', () => {
  it.each<[string, string, string, number]>([
    ['everything kept', '메뉴를 선택합니다.', '메뉴를 선택합니다', 1],
    ['nothing kept', '메뉴를 선택합니다.', '다른 글', 0],
    ['an empty reference', '', '무엇이든', 1],
    ['order does not matter', '가나 다라', '다라 가나', 1],
    ['weighted by length: 2 of 6 characters lost', '가나다라 마바', '가나다라', 4 / 6],
    ['a repeated word must be found as often', '반복 반복', '반복', 0.5],
    ['punctuation and spacing never count', 'Ctrl + S !!', 'Ctrl+S', 1],
  ])('%s', (_what, reference, candidate, share) => {
    expect(textCoverage(reference, candidate)).toBeCloseTo(share, 10);
  });
});
