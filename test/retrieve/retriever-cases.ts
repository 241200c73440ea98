// The Retriever case suite, run against every index backend (the local files in
// test/retrieve/hybrid.test.ts, PostgreSQL in test/postgres/retriever.test.ts): a small Korean
// corpus (written for these tests, two sources, dates from March to November).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article, Hit, SearchFilters } from '../../src/domain/types.js';
import type { ChunkingParams } from '../../src/index/format.js';
import type { Retriever } from '../../src/retrieve/retriever.js';

function article(id: string, title: string, date: string, source: string, sentences: string[]): Article {
  return { id, title, date, source, origin: `test/${id}.md`, text: sentences.join(' ') };
}

const GAON = '가온일보';
const HANUL = '한울신문';

export const CORPUS: Article[] = [
  article('gaon-bus', '가온시, 수소버스 40대 도입', '2025-10-01', GAON, [
    '가온시는 다음 달부터 시내 노선에 수소버스 40대를 투입한다고 1일 밝혔다.',
    '버스 구입에는 모두 320억 원이 들었다.',
    '충전소는 북부 차고지에 새로 지어졌다.',
    '박지훈 가온시 교통국장은 "매연 없는 도시를 만들겠다"고 말했다.',
  ]),
  article('hanul-library', '한울구 어린이 도서관 개관', '2025-10-05', HANUL, [
    '한울구 어린이 도서관이 5일 문을 열었다.',
    '도서관에는 그림책 2만 권이 비치됐다.',
    '관장은 동화작가 최민아 씨가 맡았다.',
    '주말에는 부모와 함께하는 낭독 수업이 열린다.',
  ]),
  article('gaon-festival', '가온 국화축제 11일 개막', '2025-09-20', GAON, [
    '제5회 가온 국화축제가 10월 11일 호수공원에서 개막한다.',
    '축제에는 국화 화분 3만 점이 전시된다.',
    '주최 측은 관람객 12만 명이 찾을 것으로 내다봤다.',
  ]),
  article('hanul-market', '한울시장 주차장 두 배로 늘린다', '2025-08-12', HANUL, [
    '한울구는 한울시장 공영주차장을 두 배로 넓힌다고 12일 발표했다.',
    '주차 면수는 120면에서 240면으로 늘어난다.',
    '공사는 내년 봄에 끝난다.',
  ]),
  article('gaon-school', '가온초등학교 개교', '2025-03-02', GAON, [
    '가온신도시에 가온초등학교가 2일 개교했다.',
    '첫해 입학생은 420명이다.',
    '학교 옥상에는 태양광 발전 설비가 설치됐다.',
  ]),
  article('hanul-bridge', '한울강 보행교 완공', '2025-11-15', HANUL, [
    '한울강을 가로지르는 보행교가 15일 완공됐다.',
    '보행교의 길이는 480m이며 자전거도 다닐 수 있다.',
    '야간에는 경관 조명이 다리를 밝힌다.',
  ]),
  article('gaon-robot', '가온 로봇 스타트업, 150억 투자 유치', '2025-06-30', GAON, [
    '물류 로봇을 만드는 가온로보틱스가 150억 원 규모의 투자를 유치했다.',
    '이 회사는 창고에서 상자를 나르는 자율주행 로봇을 개발한다.',
    '투자금은 해외 공장 설립에 쓰인다.',
  ]),
  article('hanul-rain', '한울구 폭우로 도로 침수', '2025-07-21', HANUL, [
    '21일 새벽 한울구에 시간당 80mm의 폭우가 쏟아졌다.',
    '저지대 도로 12곳이 물에 잠겨 차량 통행이 막혔다.',
    '구청은 이재민 30명을 체육관으로 대피시켰다.',
  ]),
];

const byId = new Map(CORPUS.map((item) => [item.id, item]));

// Small chunks (about two sentences, one repeated) so every article has several chunks.
export const CHUNKING: ChunkingParams = { maxChars: 80, overlapSentences: 1 };

export interface RetrieverBackend {
  name: string;
  /** Indexes `corpus` with `chunking` (local embedder) and opens a retriever on it. */
  open(corpus: Article[], chunking: ChunkingParams): Promise<{ retriever: Retriever; close(): Promise<void> }>;
}

const articleIds = (hits: Hit[]) => hits.map((hit) => hit.article.id);

/** The article that answers comes first; hits are exact slices of their articles. */
function rankingCases(retriever: () => Retriever): void {
  // Questions whose particles and endings differ from the article's wording.
  it.each([
    ['가온시가 투입하는 수소버스는 몇 대야?', 'gaon-bus'],
    ['수소버스 충전소를 어디에 지었어?', 'gaon-bus'],
    ['어린이 도서관에 비치된 그림책은 몇 권이야?', 'hanul-library'],
    ['국화축제는 어디에서 개막해?', 'gaon-festival'],
    ['한울시장의 공영주차장은 몇 면으로 늘어나?', 'hanul-market'],
    ['가온초등학교의 입학생은 몇 명이야?', 'gaon-school'],
    ['보행교는 길이가 얼마나 돼?', 'hanul-bridge'],
    ['가온로보틱스는 무엇을 개발해?', 'gaon-robot'],
    ['폭우로 잠긴 도로는 몇 곳이야?', 'hanul-rain'],
  ])('%s → %s first', async (question, expected) => {
    const hits = await retriever().search(question, { k: 5 });
    expect(hits[0]?.article.id).toBe(expected);
  });

  it('returns hits whose chunk text is the exact slice of the article', async () => {
    const hits = await retriever().search('가온시 수소버스 충전소', { k: 10 });
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) {
      const source = byId.get(hit.article.id)!;
      expect(hit.chunk.text).toBe(source.text.slice(hit.chunk.start, hit.chunk.end));
      expect(hit.chunk.id).toBe(`${hit.article.id}#${hit.chunk.index}`);
      expect(hit.article).toMatchObject({ title: source.title, date: source.date, source: source.source });
      expect(hit.article).not.toHaveProperty('text');
      expect(hit.article).not.toHaveProperty('hash');
    }
  });
}

/** Date and source filters apply before ranking and lose nothing they allow. */
function filterCases(retriever: () => Retriever): void {
  it.each<[string, SearchFilters, (item: Article) => boolean]>([
    ['source', { source: HANUL }, (item) => item.source === HANUL],
    ['source, any case and spacing', { source: ` ${GAON} ` }, (item) => item.source === GAON],
    ['dateFrom', { dateFrom: '2025-09-01' }, (item) => item.date! >= '2025-09-01'],
    ['dateTo', { dateTo: '2025-07-31' }, (item) => item.date! <= '2025-07-31'],
    [
      'a date range and a source',
      { dateFrom: '2025-06-01', dateTo: '2025-10-31', source: GAON },
      (item) => item.source === GAON && item.date! >= '2025-06-01' && item.date! <= '2025-10-31',
    ],
  ])('filters by %s', async (_name, filters, allowed) => {
    // A query with a word from every article.
    const query = '가온 한울 개교 개막 완공 투자 폭우 수소버스 도서관 주차장';
    const unfiltered = await retriever().search(query, { k: 20 });
    const hits = await retriever().search(query, { k: 20, filters });
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) expect(allowed(byId.get(hit.article.id)!)).toBe(true);
    // Nothing the filter allows is lost.
    expect(new Set(articleIds(hits))).toEqual(new Set(articleIds(unfiltered).filter((id) => allowed(byId.get(id)!))));
  });

  it.each<[string, SearchFilters]>([
    ['an unknown source', { source: '없는신문' }],
    ['dates before the corpus', { dateTo: '2024-12-31' }],
    ['an empty date range', { dateFrom: '2025-10-02', dateTo: '2025-10-04' }],
  ])('returns [] for a filter matching nothing (%s)', async (_name, filters) => {
    expect(await retriever().search('가온시 수소버스', { k: 5, filters })).toEqual([]);
  });
}

/** k, article diversity and determinism. */
function orderingCases(retriever: () => Retriever): void {
  it.each([1, 3, 7])('respects k = %i', async (k) => {
    const hits = await retriever().search('가온 한울 축제 도서관 버스', { k });
    expect(hits).toHaveLength(k);
  });

  it('puts an article’s second chunk after another article’s best chunk unless that one is far weaker', async () => {
    const hits = await retriever().search('가온시 수소버스 한울구 도서관 국화축제', { k: 20 });
    const best = new Map<string, number>();
    let repeated = false;
    for (const [i, hit] of hits.entries()) {
      const first = best.get(hit.article.id);
      if (first === undefined) best.set(hit.article.id, i);
      else {
        repeated = true;
        // Every later article's best chunk scores under half this second chunk.
        for (const later of hits.slice(i + 1)) {
          if (best.has(later.article.id) || hits.indexOf(later) !== hits.findIndex((h) => h.article.id === later.article.id)) continue;
          expect(later.score, `${later.chunk.id} comes after ${hit.chunk.id}`).toBeLessThanOrEqual(hit.score * 0.5 + 1e-9);
        }
      }
    }
    expect(repeated).toBe(true); // the corpus has multi-chunk articles, so the check had work to do
  });

  it('gives the same results on every call', async () => {
    const question = '한울구 어린이 도서관 관장';
    const first = await retriever().search(question, { k: 8 });
    for (let i = 0; i < 3; i++) expect(await retriever().search(question, { k: 8 })).toEqual(first);
  });
}

export function describeRetrieverCases(backend: RetrieverBackend): void {
  describe(`hybrid retriever (${backend.name})`, () => {
    let retriever: Retriever;
    let close: () => Promise<void>;

    beforeAll(async () => {
      ({ retriever, close } = await backend.open(CORPUS, CHUNKING));
    });

    afterAll(async () => {
      await close();
    });

    rankingCases(() => retriever);
    filterCases(() => retriever);
    orderingCases(() => retriever);
  });
}
