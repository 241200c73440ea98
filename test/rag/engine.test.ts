// openEngine on a real index: the seed corpus plus one article written for this test,
// ingested with ingestCorpus into a temp dir.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCorpus } from '../../src/corpus/read-corpus.js';
import type { Article } from '../../src/domain/types.js';
import { ingestCorpus, openEngine } from '../../src/wiring.js';
import type { IngestSummary } from '../../src/ingest/ingest.js';
import type { Engine } from '../../src/rag/engine.js';
import { OFF_TOPIC_QUESTION, SEED_ARTICLE_ID, configFor, makeTempCorpus, type TempCorpus } from '../support/real-engine.js';

const BUS_ID = 'gaon-hydrogen-bus';
const BUS_FILE = '2025-10-01-gaon-hydrogen-bus.md';
const BUS_ARTICLE = `---
id: ${BUS_ID}
title: "가온시, 시내 노선에 수소버스 40대 도입"
date: 2025-10-01
source: 가온일보
url: https://example.com/news/gaon-hydrogen-bus
tags: [교통, 수소]
---

가온시는 다음 달부터 시내 노선에 수소버스 40대를 투입한다고 1일 밝혔다.

버스 구입에는 모두 320억 원이 들었고, 충전소는 북부 차고지에 새로 지어졌다.

박지훈 가온시 교통국장은 "매연 없는 도시를 만들겠다"고 말했다.
`;

let corpus: TempCorpus;
let engine: Engine;
let articles: Map<string, Article>;
let summary: IngestSummary;

beforeAll(async () => {
  corpus = await makeTempCorpus('engine-test', { [BUS_FILE]: BUS_ARTICLE });
  const config = configFor(corpus);
  summary = await ingestCorpus(config, { corpusDir: corpus.corpusDir, indexDir: corpus.indexDir });
  engine = await openEngine(config, { indexDir: corpus.indexDir });
  articles = new Map();
  for await (const item of readCorpus(corpus.corpusDir)) if ('article' in item) articles.set(item.article.id, item.article);
});

afterAll(async () => {
  await corpus?.remove();
});

describe('openEngine', () => {
  it('counts what ingestCorpus indexed', () => {
    expect(summary.skipped).toEqual([]);
    expect(engine.stats()).toEqual({ articles: 2, chunks: summary.chunks });
    expect(summary.articles).toBe(2);
    expect(summary.chunks).toBeGreaterThan(2);
  });

  it('searches with article metadata on every hit', async () => {
    const hits = await engine.search('가온시 수소버스', { k: 3 });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.length).toBeLessThanOrEqual(3);
    expect(hits[0]!.article).toEqual({
      id: BUS_ID,
      title: '가온시, 시내 노선에 수소버스 40대 도입',
      date: '2025-10-01',
      source: '가온일보',
      url: 'https://example.com/news/gaon-hydrogen-bus',
      tags: ['교통', '수소'],
      origin: BUS_FILE,
    });
    for (const hit of hits) {
      expect(hit.chunk.articleId).toBe(hit.article.id);
      expect(hit.chunk.text).toBe(articles.get(hit.article.id)!.text.slice(hit.chunk.start, hit.chunk.end));
      expect(typeof hit.score).toBe('number');
    }
  });

  it('filters searches by source', async () => {
    const hits = await engine.search('AI 연구원 수소버스', { k: 10, filters: { source: '가온일보' } });
    expect(hits.length).toBeGreaterThan(0);
    expect(new Set(hits.map((hit) => hit.article.id))).toEqual(new Set([BUS_ID]));
  });

  it('returns an article without internal fields', async () => {
    const article = (await engine.getArticle(BUS_ID))!;
    expect(article).toEqual(articles.get(BUS_ID));
    expect(article).not.toHaveProperty('hash');
    expect(article.text).toContain('충전소는 북부 차고지에 새로 지어졌다');
    expect(await engine.getArticle(SEED_ARTICLE_ID)).toEqual(articles.get(SEED_ARTICLE_ID));
    expect(await engine.getArticle(SEED_ARTICLE_ID)).not.toHaveProperty('hash');
  });

  it.each([['unknown-article'], [''], [`${SEED_ARTICLE_ID}#0`]])('returns undefined for the unknown id %j', async (id) => {
    expect(await engine.getArticle(id)).toBeUndefined();
  });

  it('answers a question about the seed article with an exact quote', async () => {
    const response = await engine.pipeline.ask({ question: 'LG AI연구원의 원장은 누구야?' });
    expect(response.refused).toBe(false);
    expect(response.mode).toBe('extractive');
    expect(response.answer).toContain('이홍락');
    expect(response.citations.map((citation) => citation.articleId)).toContain(SEED_ARTICLE_ID);
    for (const citation of response.citations) {
      const source = articles.get(citation.articleId)!.text;
      expect(source).toContain(citation.quote);
      expect(source.slice(citation.start, citation.end)).toBe(citation.quote);
      expect(response.answer).toContain(`[${citation.n}]`);
    }
  });

  it('answers a question about the added article', async () => {
    const response = await engine.pipeline.ask({ question: '가온시 수소버스 충전소는 어디에 지어졌어?' });
    expect(response.refused).toBe(false);
    expect(response.citations[0]).toMatchObject({
      articleId: BUS_ID,
      source: '가온일보',
      url: 'https://example.com/news/gaon-hydrogen-bus',
    });
    expect(response.answer).toContain('북부 차고지');
  });

  it('refuses a question no article answers', async () => {
    const response = await engine.pipeline.ask({ question: OFF_TOPIC_QUESTION });
    expect(response).toMatchObject({ refused: true, citations: [], mode: 'extractive', question: OFF_TOPIC_QUESTION });
    expect(response.answer).toMatch(/찾을 수 없습니다/);
  });
});
