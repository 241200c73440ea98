import { describe, expect, it } from 'vitest';
import { DEFAULT_BM25, LexicalIndex, LexicalIndexBuilder } from '../../src/index/lexical.js';

interface Doc {
  title: string;
  body: string;
}

const DOCS: Doc[] = [
  { title: 'LG AI연구원, APEC 서밋 참석', body: 'LG AI연구원은 경주에서 열린 APEC 서밋에서 파운데이션 모델 개발 계획을 밝혔다.' },
  { title: '물빛항 가을 축제 폐막', body: '물빛항 가을 축제가 사흘 동안 12만 명의 방문객을 모으며 막을 내렸다.' },
  { title: '새봄동 작은도서관 개관', body: '새봄동 주민센터에 작은도서관이 문을 열었다. 연구원과 주민이 함께 책을 골랐다.' },
  { title: '해오름시장 야시장 재개', body: '해오름시장 상인회는 여름 야시장을 다시 연다고 밝혔다.' },
  { title: '푸른시 심야 버스', body: '푸른시가 심야 버스 노선 2개를 새로 운행한다. 새 노선은 자정부터 다닌다.' },
];

function build(docs: Doc[] = DOCS): LexicalIndex {
  const builder = new LexicalIndexBuilder();
  for (const doc of docs) builder.add(doc.body, doc.title);
  return builder.build();
}

const ids = (index: LexicalIndex, query: string, k = 5, allow?: (doc: number) => boolean) =>
  index.search(query, k, allow).map((hit) => hit.id);

describe('LexicalIndex (BM25)', () => {
  const index = build();

  it('finds a compound however it is spaced: "사전예약" meets "사전 예약" before a page that has both words apart', () => {
    const spaced = build([
      { title: '국어 수업', body: '학생들은 국어 사전을 펴고 단어를 찾았다. 식당 예약은 선생님이 했다.' },
      { title: '별빛항해 출시', body: '지난 8월 시작한 사전 예약에는 180만명이 몰렸다.' },
    ]);
    expect(ids(spaced, '사전예약 몇 명 했어?')[0]).toBe(1);
  });

  it('weighs a code the question says its device shows above the words it shares with another page', () => {
    const pages = build([
      {
        title: '앱 연결',
        body: '식기세척기 앱 첫 화면에서 기기 추가를 누르고 식기세척기를 고르면 화면에 등록 완료가 뜹니다. 멈춰 있으면 다시 누르세요.',
      },
      {
        title: '에러 코드',
        body: 'Q900 에러 코드\n| E1 | 급수 이상 | 수도꼭지를 여세요. |\n| E2 | 배수 이상 | 필터를 청소하세요. |\n| E5 | 온도 이상 | 껐다 켜세요. |',
      },
      { title: '설치', body: '식기세척기는 벽에서 10cm 띄워 설치합니다. 설치가 끝나면 화면에 시운전 안내가 뜹니다.' },
      { title: '관리', body: '식기세척기 필터는 일주일에 한 번 청소합니다. 청소를 마치면 화면의 알림이 꺼집니다.' },
      { title: '코스', body: '식기세척기 코스는 여섯 가지입니다. 코스를 고르면 화면에 남은 시간이 뜹니다.' },
    ]);
    expect(ids(pages, '식기세척기 화면에 E2 뜨고 멈춰 있어요')[0]).toBe(1);
    // Named, not shown (a model), a code weighs as any term: the page that shares the words comes first.
    expect(ids(pages, '식기세척기 Q900 화면에 멈춰 있어요')[0]).toBe(0);
  });

  it('numbers documents in insertion order', () => {
    expect(index.documentCount).toBe(DOCS.length);
  });

  it.each([
    ['해오름시장 야시장', 3],
    ['파운데이션 모델', 0],
    ['방문객 12만 명', 1],
    ['심야 버스 노선', 4],
    ['작은도서관', 2],
  ])('ranks the document with the rare words of "%s" first', (query, expected) => {
    expect(ids(index, query)[0]).toBe(expected);
  });

  it('ignores particles: "연구원이" finds "연구원은"', () => {
    const hits = ids(index, '연구원이');
    expect(hits[0]).toBe(0);
    expect(ids(index, '연구원이')).toEqual(ids(index, '연구원은'));
  });

  it('drops question words from queries', () => {
    expect(index.search('해오름시장은 언제 야시장을 여나?', 5)).toEqual(index.search('해오름시장 야시장 여나', 5));
  });

  it('counts title terms', () => {
    // "재개" appears only in a title.
    expect(ids(index, '재개')).toEqual([3]);
    // The same word scores higher in the title than in the body alone.
    const titled = build([
      { title: '경주 소식', body: '시장이 열렸다.' },
      { title: '다른 소식', body: '경주 시장이 열렸다.' },
    ]);
    const [first, second] = titled.search('경주', 2);
    expect(first!.id).toBe(0);
    expect(first!.score).toBeGreaterThan(second!.score);
  });

  it('gives no results for unknown terms or an empty query', () => {
    expect(index.search('양자컴퓨터', 5)).toEqual([]);
    expect(index.search('zzz 9999', 5)).toEqual([]);
    expect(index.search('', 5)).toEqual([]);
    expect(index.search('무엇 언제', 5)).toEqual([]);
  });

  it('applies the allow filter before ranking', () => {
    const all = ids(index, '밝혔다');
    expect(all).toEqual(expect.arrayContaining([0, 3]));
    const filtered = ids(index, '밝혔다', 5, (doc) => doc !== 0);
    expect(filtered).not.toContain(0);
    expect(filtered[0]).toBe(3);
    expect(ids(index, '밝혔다', 5, () => false)).toEqual([]);
  });

  it('keeps the top k in a stable order, ties by lower id', () => {
    const twins = build([
      { title: '같은 제목', body: '똑같은 본문이다.' },
      { title: '다른 기사', body: '관계없는 내용이다.' },
      { title: '같은 제목', body: '똑같은 본문이다.' },
      { title: '같은 제목', body: '똑같은 본문이다.' },
    ]);
    const hits = twins.search('똑같은 본문', 10);
    expect(hits.map((hit) => hit.id)).toEqual([0, 2, 3]);
    expect(new Set(hits.map((hit) => hit.score)).size).toBe(1);
    expect(twins.search('똑같은 본문', 2).map((hit) => hit.id)).toEqual([0, 2]);
    // Repeating a search gives the same answer (scores are reset between searches).
    expect(twins.search('똑같은 본문', 10)).toEqual(hits);
    expect(index.search('심야 버스', 3)).toEqual(index.search('심야 버스', 3));
  });

  it('returns scores in descending order and honours k', () => {
    const hits = index.search('밝혔다 연구원 축제 버스', 3);
    expect(hits).toHaveLength(3);
    for (let i = 1; i < hits.length; i++) expect(hits[i]!.score).toBeLessThanOrEqual(hits[i - 1]!.score);
    expect(index.search('밝혔다', 0)).toEqual([]);
  });

  it('idf: a rarer term weighs more', () => {
    expect(index.documentFrequency('w:밝혔')).toBe(0); // a stem that never occurs
    expect(index.documentFrequency('w:해오름시장')).toBe(1);
    expect(index.idf('w:해오름시장')).toBeGreaterThan(index.idf('밝혔'));
  });

  it('round-trips through its typed-array data', () => {
    const copy = new LexicalIndex({ ...index.data, params: DEFAULT_BM25 });
    expect(copy.search('해오름시장 야시장', 5)).toEqual(index.search('해오름시장 야시장', 5));
  });

  it('an empty index answers nothing', () => {
    expect(new LexicalIndexBuilder().build().search('연구원', 5)).toEqual([]);
  });
});
