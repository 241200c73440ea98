import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { Article } from '../../src/domain/types.js';
import { readAllArticles, readCorpus, type SkippedInput } from '../../src/corpus/read-corpus.js';
import { normalizeText } from '../../src/text/normalize.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
const FORMATS_DIR = join(FIXTURES, 'corpus-formats');
const BAD_DIR = join(FIXTURES, 'corpus-bad');
const BINARY_REASON = '바이너리 파일 또는 알 수 없는 인코딩';

const tempDirs: string[] = [];
afterAll(async () => {
  await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A throwaway corpus folder holding `files` (corpus-relative path → content). */
async function makeCorpus(files: Record<string, string | Uint8Array>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'read-corpus-'));
  tempDirs.push(dir);
  for (const [relative, content] of Object.entries(files)) {
    const path = join(dir, relative);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, content);
  }
  return dir;
}

const ids = (articles: Article[]) => articles.map((article) => article.id);
const utf8Bom = (text: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
const utf16be = (text: string) => Buffer.from(utf16le(text)).swap16();
/** "해오름시장" in CP949, as Python's '해오름시장'.encode('cp949') writes it. */
const HAEOREUM_CP949 = Buffer.from('c7d8bfc0b8a7bdc3c0e5', 'hex');

describe('readCorpus: one of each format (corpus-formats)', () => {
  it('walks subfolders in sorted order, ignoring dotfiles, dot-folders and other extensions', async () => {
    const { articles, skipped } = await readAllArticles(FORMATS_DIR);
    expect(skipped).toEqual([]);
    expect(ids(articles)).toEqual([
      '1001',
      'lines#3',
      'markdown/bridge-reopening',
      'city-budget-2026',
      'page',
      'text/night-market',
      'text/seed-form',
      'text/봄꽃-축제_소식',
    ]);
  });

  const expected: Article[] = [
    {
      id: '1001',
      title: '바람섬 여객선 증편',
      date: '2025-05-02',
      source: '가상일보',
      url: 'https://news.example.com/ferry',
      text: '바람섬을 오가는 여객선이 이달부터 하루 4회에서 6회로 늘어난다. 첫 배는 오전 7시에 출발한다.',
      origin: 'lines.jsonl#L1',
    },
    {
      // A blank line 2 is skipped but still counted, so the derived id names line 3; `source: null` is absent.
      id: 'lines#3',
      title: '소리초 합창단 창단',
      text: '소리초등학교가 학생 합창단을 만들었다. 단원은 4학년부터 6학년까지 36명이다.',
      origin: 'lines.jsonl#L3',
    },
    {
      // Unquoted YAML date (a JS Date), comma-string tags (trimmed, deduplicated), id from the path.
      id: 'markdown/bridge-reopening',
      title: '강마루대교, 보수 공사 마치고 6개월 만에 재개통',
      date: '2025-07-01',
      source: '가상일보',
      url: 'https://news.example.com/bridge',
      tags: ['교통', '안전'],
      text:
        '# 강마루대교 재개통\n\n강마루대교가 보수 공사를 마치고 1일 오전 6시 다시 개통됐다. ' +
        '공사 기간 동안 하루 평균 3만 대의 차량이 다른 다리로 돌아가야 했다.\n\n시는 교량 받침 48개를 모두 새것으로 바꿨다고 설명했다.',
      origin: 'markdown/bridge-reopening.md',
    },
    {
      id: 'city-budget-2026',
      title: '누리시 내년 예산 2조 원 편성',
      date: '2025-11-20',
      tags: ['예산', '복지'],
      text: '누리시가 내년 예산으로 2조 원을 편성했다. 올해보다 5% 늘어난 규모다.\n\n늘어난 예산의 절반은 돌봄과 복지 사업에 쓰인다.',
      origin: 'markdown/city-budget.md',
    },
    {
      // og:title over <title>, canonical over og:url, the date part of article:published_time.
      id: 'page',
      title: '달빛시 중앙도서관, 24시간 운영 시작',
      date: '2025-03-02',
      source: '가상일보',
      url: 'https://news.example.com/library-24h',
      text:
        '달빛시 중앙도서관이 2일부터 24시간 운영을 시작했다. 야간에는 1층 열람실과 무인 대출기를 이용할 수 있다.\n\n' +
        '도서관은 밤 시간대 이용자를 위해 보안 요원 2명을 새로 배치했다. 열람실 좌석은 모두 120석이다.\n\n' +
        '시는 석 달 동안 시범 운영한 뒤 이용률을 보고 다른 도서관으로 넓힐지 정하기로 했다.',
      origin: 'page.html',
    },
    {
      id: 'text/night-market',
      title: '별빛공원 주말 야시장 개장',
      date: '2025-06-14',
      text: '별빛공원 주말 야시장이 14일 개장했다. 첫날에만 8천 명이 다녀갔다.\n야시장은 9월 말까지 매주 토요일 열린다.',
      origin: 'text/night-market.txt',
    },
    {
      // The seed article's form: ` date YYYY-MM-DD ` followed by the text on the same line.
      id: 'text/seed-form',
      title: 'seed form',
      date: '2025-10-30',
      text: '구름시 청년센터가 30일 문을 열었다. 센터는 취업 상담과 공유 사무실을 제공한다.\n\n센터 운영 시간은 오전 9시부터 오후 9시까지다.',
      origin: 'text/seed-form.txt',
    },
    {
      // No header: the title comes from the file name, `-` and `_` read as spaces.
      id: 'text/봄꽃-축제_소식',
      title: '봄꽃 축제 소식',
      text: '벚나무길 봄꽃 축제가 다음 달 1일부터 열흘 동안 열린다. 올해는 야간 조명 구간이 2킬로미터로 늘었다.',
      origin: 'text/봄꽃-축제_소식.txt',
    },
  ];

  it.each(expected.map((article) => [article.origin, article] as const))('reads %s', async (_origin, article) => {
    const { articles } = await readAllArticles(FORMATS_DIR);
    expect(articles.find((candidate) => candidate.id === article.id)).toEqual(article);
  });

  it.each([
    ['the inline script', '추적 스크립트'],
    ['the script inside the article', '광고 스크립트'],
    ['the style sheet', 'color'],
    ['the navigation', '스포츠'],
    ['the sidebar', '많이 본 뉴스'],
    ['the footer', '무단 전재'],
  ])('leaves %s out of the HTML text', async (_what, fragment) => {
    const { articles } = await readAllArticles(FORMATS_DIR);
    expect(articles.find((article) => article.id === 'page')?.text).not.toContain(fragment);
  });

  it('gives the same articles and ids on every read', async () => {
    const first = await readAllArticles(FORMATS_DIR);
    const second = await readAllArticles(FORMATS_DIR);
    expect(second).toEqual(first);
  });

  it('reads the seed article form: the date from the prefix, the text without it', async () => {
    const seed = await readFile(join(FORMATS_DIR, 'text/seed-form.txt'), 'utf8');
    expect(seed.startsWith(' date 2025-10-30 구름시')).toBe(true);
    const { articles } = await readAllArticles(FORMATS_DIR);
    const article = articles.find((candidate) => candidate.id === 'text/seed-form');
    expect(article?.date).toBe('2025-10-30');
    expect(article?.text.startsWith('구름시 청년센터가')).toBe(true);
  });
});

describe('readCorpus: bad inputs next to good ones (corpus-bad)', () => {
  it('reports each bad input with its path and reason, and indexes every good article', async () => {
    const { articles, skipped } = await readAllArticles(BAD_DIR);
    expect(ids(articles)).toEqual(['brief-bus-route', 'briefs#3', 'cp949', 'harbor-festival', 'library-opening']);
    expect(skipped).toEqual([
      { path: 'binary.txt', reason: BINARY_REASON },
      { path: 'briefs.jsonl:2', reason: 'JSONL 2행: JSON 형식 오류' },
      { path: 'broken-front-matter.md', reason: expect.stringMatching(/^front matter를 읽을 수 없음: .+\(\d+행\)$/) },
      { path: 'empty.txt', reason: '빈 파일' },
    ]);
  });

  it('decodes the CP949 article to the exact Korean text', async () => {
    const { articles } = await readAllArticles(BAD_DIR);
    expect(articles.find((article) => article.id === 'cp949')).toEqual({
      id: 'cp949',
      title: '해오름시장 야시장 다시 연다',
      date: '2025-08-20',
      text:
        '해오름시장 상인회는 20일 여름 야시장을 다시 연다고 밝혔다. 야시장은 매주 금요일과 토요일 저녁에 열리며 ' +
        '먹거리 노점 30곳이 참여한다.\n\n상인회는 "해오름시장을 찾는 젊은 손님이 늘고 있다"고 말했다.',
      origin: 'cp949.txt',
    });
  });
});

describe('readCorpus: encodings and line ends', () => {
  const markdown = '---\ntitle: 인코딩 시험 기사\ndate: 2025-01-15\n---\n첫 문단이다.\n\n둘째 문단이다.\n';
  const plain = 'date 2025-01-15\ntitle: 인코딩 시험 기사\n\n첫 문단이다.\n\n둘째 문단이다.\n';
  const crlf = (text: string) => text.replace(/\n/g, '\r\n');

  it.each<[string, string, string | Uint8Array]>([
    ['UTF-8 with BOM and CRLF (.md)', 'article.md', utf8Bom(crlf(markdown))],
    ['CRLF only (.md)', 'article.md', crlf(markdown)],
    ['UTF-8 with BOM and CRLF (.txt)', 'article.txt', utf8Bom(crlf(plain))],
    ['UTF-16 LE with BOM (.txt)', 'article.txt', utf16le(crlf(plain))],
    ['UTF-16 BE with BOM (.md)', 'article.md', utf16be(markdown)],
  ])('decodes %s', async (_name, file, content) => {
    const { articles, skipped } = await readAllArticles(await makeCorpus({ [file]: content }));
    expect(skipped).toEqual([]);
    expect(articles).toEqual([
      { id: 'article', title: '인코딩 시험 기사', date: '2025-01-15', text: '첫 문단이다.\n\n둘째 문단이다.', origin: file },
    ]);
  });

  it('reads a JSONL file with BOM and CRLF line ends', async () => {
    const line = (n: number) => JSON.stringify({ title: `제목 ${n}`, text: `본문 ${n}` });
    const dir = await makeCorpus({ 'news.jsonl': utf8Bom(`${line(1)}\r\n\r\n${line(3)}\r\n`) });
    const { articles, skipped } = await readAllArticles(dir);
    expect(skipped).toEqual([]);
    expect(articles).toEqual([
      { id: 'news#1', title: '제목 1', text: '본문 1', origin: 'news.jsonl#L1' },
      { id: 'news#3', title: '제목 3', text: '본문 3', origin: 'news.jsonl#L3' },
    ]);
  });

  it('reads a CP949 JSONL file', async () => {
    const line = Buffer.concat([
      Buffer.from('{"title": "'),
      HAEOREUM_CP949,
      Buffer.from('", "text": "'),
      HAEOREUM_CP949,
      Buffer.from(' 2025"}\n'),
    ]);
    const { articles, skipped } = await readAllArticles(await makeCorpus({ 'market.jsonl': line }));
    expect(skipped).toEqual([]);
    expect(articles).toEqual([{ id: 'market#1', title: '해오름시장', text: '해오름시장 2025', origin: 'market.jsonl#L1' }]);
  });

  it.each([
    ['inside the 64 KiB head that decides the encoding', 3],
    ['past that head', 2001],
  ])('reports the one JSONL line with invalid UTF-8 bytes %s, and keeps the others', async (_where, badLine) => {
    const good = (n: number) => Buffer.from(`${JSON.stringify({ title: `제목 ${n}`, text: `본문 ${n}` })}\n`);
    const bad = Buffer.concat([Buffer.from('{"title": "깨진 '), Buffer.from([0xff, 0xfe, 0xfd]), Buffer.from('", "text": "x"}\n')]);
    const lines = Array.from({ length: 2002 }, (_, index) => (index + 1 === badLine ? bad : good(index + 1)));
    expect(Buffer.concat(lines.slice(0, 2000)).length).toBeGreaterThan(64 * 1024);
    const { articles, skipped } = await readAllArticles(await makeCorpus({ 'big.jsonl': Buffer.concat(lines) }));
    expect(skipped).toEqual([{ path: `big.jsonl:${badLine}`, reason: `JSONL ${badLine}행: UTF-8 인코딩 오류` }]);
    expect(articles).toHaveLength(2001);
    expect(articles.at(-1)?.id).toBe('big#2002');
  });

  it('reports a Latin-1 file as an unknown encoding', async () => {
    const latin1 = Buffer.from('title: Café\n\nLe café est ouvert à Séoul.\n', 'latin1');
    const { articles, skipped } = await readAllArticles(await makeCorpus({ 'cafe.txt': latin1 }));
    expect(articles).toEqual([]);
    expect(skipped).toEqual([{ path: 'cafe.txt', reason: BINARY_REASON }]);
  });
});

describe('readCorpus: reports and skips what it cannot read, and loses nothing else', () => {
  const neighbour = { 'zz-neighbour.txt': '이웃 기사는 언제나 읽혀야 한다.' };

  // [case, files, expected reports, ids kept from those files (besides the neighbour)]
  it.each<[string, Record<string, string | Uint8Array>, SkippedInput[], string[]?]>([
    ['an empty file', { 'empty.txt': '' }, [{ path: 'empty.txt', reason: '빈 파일' }]],
    ['a whitespace-only file', { 'blank.md': ' \n\t\r\n' }, [{ path: 'blank.md', reason: '빈 파일' }]],
    ['a binary file', { 'image.html': Buffer.from([0x47, 0x49, 0x46, 0x38, 0x00, 0x01, 0xff, 0x00]) }, [{ path: 'image.html', reason: BINARY_REASON }]],
    ['a binary JSONL file', { 'dump.jsonl': Buffer.from([0x7b, 0x00, 0x00, 0x9a, 0x0a]) }, [{ path: 'dump.jsonl', reason: BINARY_REASON }]],
    ['an .md file without front matter', { 'no-front.md': '본문만 있다.' }, [{ path: 'no-front.md', reason: 'title 없음' }]],
    ['an .md file without a title', { 'untitled.md': '---\ndate: 2025-01-01\n---\n본문.' }, [{ path: 'untitled.md', reason: 'title 없음' }]],
    ['an .md file with a blank title', { 'blank-title.md': '---\ntitle: "  "\n---\n본문.' }, [{ path: 'blank-title.md', reason: 'title 없음' }]],
    ['an .md file with a list as title', { 'list-title.md': '---\ntitle: [가, 나]\n---\n본문.' }, [{ path: 'list-title.md', reason: 'title 형식 오류' }]],
    ['an .md file without text', { 'no-text.md': '---\ntitle: 제목\n---\n\n' }, [{ path: 'no-text.md', reason: '본문이 비어 있음' }]],
    ['an impossible unquoted date', { 'feb30.md': '---\ntitle: 제목\ndate: 2025-02-30\n---\n본문.' }, [{ path: 'feb30.md', reason: '잘못된 날짜: "2025-02-30" (YYYY-MM-DD 형식이어야 함)' }]],
    ['a quoted date in another format', { 'dotted.md': '---\ntitle: 제목\ndate: "2025.10.30"\n---\n본문.' }, [{ path: 'dotted.md', reason: '잘못된 날짜: "2025.10.30" (YYYY-MM-DD 형식이어야 함)' }]],
    ['front matter that is not key: value', { 'scalar.md': '---\n그냥 문장\n---\n본문.' }, [{ path: 'scalar.md', reason: 'front matter를 읽을 수 없음: "키: 값" 형식이 아님' }]],
    ['an unclosed front matter', { 'unclosed.md': '---\ntitle: 제목\n본문이 이어진다.\n' }, [{ path: 'unclosed.md', reason: expect.stringMatching(/^front matter를 읽을 수 없음: /) }]],
    ['a .txt date line with an impossible date', { 'bad-date.txt': 'date 2025-13-01\n본문.' }, [{ path: 'bad-date.txt', reason: '잘못된 날짜: "2025-13-01" (YYYY-MM-DD 형식이어야 함)' }]],
    ['a .txt file with only header lines', { 'header-only.txt': 'date 2025-01-01\ntitle: 제목\n' }, [{ path: 'header-only.txt', reason: '본문이 비어 있음' }]],
    ['an HTML page without any title', { 'untitled.html': '<html><body><p>제목 없는 페이지의 본문.</p></body></html>' }, [{ path: 'untitled.html', reason: 'title 없음' }]],
    ['an HTML page without text', { 'hollow.html': '<html><head><title>빈 페이지</title><script>var a = 1;</script></head><body></body></html>' }, [{ path: 'hollow.html', reason: '본문이 비어 있음' }]],
    ['a JSONL file of blank lines', { 'blank.jsonl': '\n  \n\n' }, [{ path: 'blank.jsonl', reason: '빈 파일' }]],
    [
      'bad JSONL lines of every kind',
      {
        // prettier-ignore
        'lines.jsonl': [
          '{"title": "첫 줄", "text": "정상."}', '{"title": "제목만"}', '{"text": "본문만"}', '{"title": 42, "text": "숫자 제목"}',
          '["배열", "한 줄"]', '{"title": "날짜", "date": "2025-02-30", "text": "본문."}', '{"title": "URL", "url": 7, "text": "본문."}',
          '{"title": "잘림", "text": "닫히지 않음"', '{"title": "마지막 줄", "text": "정상."}',
        ].join('\n'),
      },
      [
        { path: 'lines.jsonl:2', reason: 'JSONL 2행: text 없음' },
        { path: 'lines.jsonl:3', reason: 'JSONL 3행: title 없음' },
        { path: 'lines.jsonl:4', reason: 'JSONL 4행: title 형식 오류' },
        { path: 'lines.jsonl:5', reason: 'JSONL 5행: JSON 객체가 아님' },
        { path: 'lines.jsonl:6', reason: 'JSONL 6행: 잘못된 날짜: "2025-02-30" (YYYY-MM-DD 형식이어야 함)' },
        { path: 'lines.jsonl:7', reason: 'JSONL 7행: url 형식 오류' },
        { path: 'lines.jsonl:8', reason: 'JSONL 8행: JSON 형식 오류' },
      ],
      ['lines#1', 'lines#9'],
    ],
  ])('reports %s', async (_name, files, expectedSkipped, keptIds = []) => {
    const { articles, skipped } = await readAllArticles(await makeCorpus({ ...files, ...neighbour }));
    expect(skipped).toEqual(expectedSkipped);
    expect(ids(articles)).toEqual([...keptIds, 'zz-neighbour']);
  });

  it('never runs JavaScript front matter', async () => {
    const globals = globalThis as { corpusFrontMatterRan?: boolean };
    const dir = await makeCorpus({
      'evil.md': '---js\n{ title: (globalThis.corpusFrontMatterRan = true, "제목") }\n---\n본문.',
      ...neighbour,
    });
    const { articles, skipped } = await readAllArticles(dir);
    expect(globals.corpusFrontMatterRan).toBeUndefined();
    expect(skipped).toEqual([{ path: 'evil.md', reason: 'front matter를 읽을 수 없음: JavaScript front matter는 지원하지 않음' }]);
    expect(ids(articles)).toEqual(['zz-neighbour']);
  });
});

describe('readCorpus: metadata', () => {
  it.each<[string, Record<string, string>, Partial<Article>]>([
    [
      'an unquoted date-time with an offset keeps the date as written',
      { 'a.md': '---\ntitle: 제목\ndate: 2025-10-30T08:00:00+09:00\n---\n본문.' },
      { date: '2025-10-30' },
    ],
    ['a quoted date', { 'a.md': "---\ntitle: 제목\ndate: '2025-10-30'\n---\n본문." }, { date: '2025-10-30' }],
    ['a numeric title and id', { 'a.md': '---\ntitle: 2025\nid: 42\n---\n본문.' }, { id: '42', title: '2025' }],
    ['a numeric id as written, not as YAML reads it', { 'a.md': '---\ntitle: 제목\nid: 0012\n---\n본문.' }, { id: '0012' }],
    ['an id with spaces around it', { 'a.md': '---\ntitle: 제목\nid: "  my-id "\n---\n본문.' }, { id: 'my-id' }],
    ['tags as a list with numbers', { 'a.md': '---\ntitle: 제목\ntags: [AI, 2025, AI]\n---\n본문.' }, { tags: ['AI', '2025'] }],
    ['a title spread over lines', { 'a.md': '---\ntitle: >\n  긴\n  제목\n---\n본문.' }, { title: '긴 제목' }],
    ['a Korean title line in .txt', { 'a.txt': '제목: 한글 머리말\n\n본문.' }, { title: '한글 머리말', text: '본문.' }],
    ['a title line before the date line', { 'a.txt': 'title: 제목\ndate: 2025-04-01\n본문.' }, { title: '제목', date: '2025-04-01', text: '본문.' }],
    ['an HTML title from <title> and a date from <time>', { 'a.html': '<html><head><title>타이틀 태그</title></head><body><article><p>본문 문단.</p><time datetime="2025-02-03">2월 3일</time></article></body></html>' }, { title: '타이틀 태그', date: '2025-02-03' }],
    ['an HTML title from <h1> and url from og:url', { 'a.html': '<html><head><meta property="og:url" content="https://example.com/x"></head><body><h1>헤드라인</h1><p>본문 문단.</p></body></html>' }, { title: '헤드라인', url: 'https://example.com/x' }],
    ['an HTML line break inside a paragraph', { 'a.html': '<html><head><title>t</title></head><body><p>첫 줄<br>둘째 줄</p><p>다음 문단</p></body></html>' }, { text: '첫 줄\n둘째 줄\n\n다음 문단' }],
    ['decomposed Hangul (NFD) in the text', { 'a.txt': '한국어 기사'.normalize('NFD') }, { text: '한국어 기사' }],
  ])('reads %s', async (_name, files, expected) => {
    const { articles, skipped } = await readAllArticles(await makeCorpus(files));
    expect(skipped).toEqual([]);
    expect(articles).toHaveLength(1);
    expect(articles[0]).toMatchObject(expected);
  });

  it.each([
    ['javascript:', 'javascript:alert(1)'],
    ['relative', '/news/1'],
  ])('drops a %s url (the page turns urls into links)', async (_kind, url) => {
    const { articles } = await readAllArticles(await makeCorpus({ 'a.md': `---\ntitle: 제목\nurl: "${url}"\n---\n본문.` }));
    expect(articles[0]).not.toHaveProperty('url');
  });
});

describe('readCorpus: ids', () => {
  it('reports a repeated id and keeps the first article', async () => {
    const dir = await makeCorpus({
      'a.md': '---\ntitle: 첫 기사\nid: shared\n---\n먼저 읽힌다.',
      'b.jsonl': '{"id": "shared", "title": "둘째 기사", "text": "나중에 읽힌다."}\n',
      'c.md': '---\ntitle: 마크다운\n---\n본문.',
      'c.txt': '같은 이름의 텍스트 파일.',
    });
    const { articles, skipped } = await readAllArticles(dir);
    expect(articles.map(({ id, origin }) => [id, origin])).toEqual([
      ['shared', 'a.md'],
      ['c', 'c.md'],
    ]);
    expect(skipped).toEqual([
      { path: 'b.jsonl:1', reason: 'JSONL 1행: id 중복: "shared" (a.md에서 이미 사용)' },
      { path: 'c.txt', reason: 'id 중복: "c" (c.md에서 이미 사용)' },
    ]);
  });

  it('derives ids from the path: folders kept, extension dropped, NFC, `#line` for JSONL', async () => {
    const dir = await makeCorpus({
      [`2024/${'가을'.normalize('NFD')}-소식.txt`]: '본문.',
      'archive/2024.jsonl': '{"title": "제목", "text": "본문."}\n',
      'archive/page.HTM': '<html><head><title>제목</title></head><body><p>본문.</p></body></html>',
    });
    const { articles } = await readAllArticles(dir);
    expect(ids(articles)).toEqual(['2024/가을-소식', 'archive/2024#1', 'archive/page']);
    expect(articles.map((article) => article.origin)).toEqual([
      `2024/${'가을'.normalize('NFD')}-소식.txt`,
      'archive/2024.jsonl#L1',
      'archive/page.HTM',
    ]);
  });

  it('follows symlinks but reads a folder only once, even through a loop', async () => {
    const dir = await makeCorpus({ 'real/article.txt': '본문.' });
    await symlink(join(dir, 'real'), join(dir, 'alias'));
    await symlink(dir, join(dir, 'real', 'loop'));
    await symlink(join(dir, 'real', 'article.txt'), join(dir, 'linked.txt'));
    const { articles, skipped } = await readAllArticles(dir);
    expect(skipped).toEqual([]);
    // `alias` sorts first, so the folder is read under that name; the file link is a file of its own.
    expect(articles.map((article) => article.origin)).toEqual(['alias/article.txt', 'linked.txt']);
  });

  it('skips README files, which describe a corpus folder', async () => {
    const dir = await makeCorpus({ 'README.md': '# 이 폴더', 'sub/readme.txt': '설명', 'article.txt': '본문.' });
    expect(await readAllArticles(dir)).toEqual({
      articles: [{ id: 'article', title: 'article', text: '본문.', origin: 'article.txt' }],
      skipped: [],
    });
  });
});

describe('readCorpus: streaming and errors', () => {
  it('streams a large JSONL archive line by line', async () => {
    const count = 20_000;
    const lines = Array.from({ length: count }, (_, index) => JSON.stringify({ title: `기사 ${index + 1}`, text: `본문 ${index + 1}.` }));
    const dir = await makeCorpus({ 'archive.jsonl': `${lines.join('\n')}\n` });
    let articles = 0;
    let last: Article | undefined;
    for await (const item of readCorpus(dir)) {
      if ('skipped' in item) throw new Error(`unexpected skip: ${JSON.stringify(item.skipped)}`);
      articles += 1;
      last = item.article;
    }
    expect(articles).toBe(count);
    expect(last).toEqual({ id: `archive#${count}`, title: `기사 ${count}`, text: `본문 ${count}.`, origin: `archive.jsonl#L${count}` });
  });

  it('lets the consumer stop early', async () => {
    const seen: string[] = [];
    for await (const item of readCorpus(FORMATS_DIR)) {
      if ('article' in item) seen.push(item.article.id);
      if (seen.length === 1) break;
    }
    expect(seen).toEqual(['1001']);
  });

  it.each([
    ['does not exist', join(tmpdir(), 'no-such-corpus-folder-7f3a'), '코퍼스 폴더가 없습니다'],
    ['is a file', join(FORMATS_DIR, 'page.html'), '코퍼스 경로가 폴더가 아닙니다'],
  ])('throws a VALIDATION error when the folder %s', async (_case, dir, message) => {
    await expect(readAllArticles(dir)).rejects.toMatchObject({ code: 'VALIDATION', message: `${message}: ${dir}` });
  });

  it('keeps every JSONL line that parses, whatever its text (property)', async () => {
    const record = fc.record({
      title: fc.string({ minLength: 1, maxLength: 20 }).filter((title) => title.trim() !== ''),
      // U+FFFD is how the reader spots bad UTF-8 bytes, so it is left out of the generated text.
      text: fc.string({ unit: 'grapheme', maxLength: 80 }).filter((text) => !text.includes('\uFFFD')),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(record, { minLength: 1, maxLength: 8 }), async (records) => {
        const dir = await makeCorpus({ 'p.jsonl': records.map((r) => JSON.stringify(r)).join('\n') });
        const { articles, skipped } = await readAllArticles(dir);
        expect(articles.length + skipped.length).toBe(records.length);
        for (const article of articles) {
          const line = Number(article.origin.split('#L')[1]);
          expect(article.text).toBe(normalizeText(records[line - 1]?.text ?? ''));
        }
        for (const entry of skipped) expect(entry.reason).toMatch(/^JSONL \d+행: (text 없음|본문이 비어 있음)$/);
      }),
      { numRuns: 40 },
    );
  });
});
