// The welcome screen's example questions come from the corpus, newest first.
import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_COUNT, exampleQuestions, examplesRoute } from '../../src/server/examples.js';

const ARTICLES = [
  { title: '해솔시 순환버스 7번 노선, 시청까지 늘어난다', date: '2026-03-05' },
  { title: '해솔시립도서관, 평일 밤 10시까지 문 연다', date: '2026-03-02' },
  { title: '날짜 없는 안내문' },
  { title: '해솔강 수변공원 산책로 3㎞ 개통', date: '2026-03-10' },
  { title: '해솔강 수변공원 산책로 3㎞ 개통', date: '2026-03-10' },
];

describe('exampleQuestions', () => {
  it('asks about the newest distinct titles, undated ones last', () => {
    expect(exampleQuestions(ARTICLES)).toEqual([
      '“해솔강 수변공원 산책로 3㎞ 개통” 기사의 요점은 무엇인가요?',
      '“해솔시 순환버스 7번 노선, 시청까지 늘어난다” 기사의 요점은 무엇인가요?',
      '“해솔시립도서관, 평일 밤 10시까지 문 연다” 기사의 요점은 무엇인가요?',
    ]);
    expect(exampleQuestions(ARTICLES, 10).at(-1)).toContain('날짜 없는 안내문');
  });

  it('gives none for an empty corpus and at most EXAMPLE_COUNT otherwise', () => {
    expect(exampleQuestions([])).toEqual([]);
    const many = Array.from({ length: 10 }, (_, index) => ({ title: `기사 ${index}`, date: `2026-01-${String(index + 10)}` }));
    expect(exampleQuestions(many)).toHaveLength(EXAMPLE_COUNT);
  });

  it('cuts a long title at a word boundary', () => {
    const title = `${'아주 긴 제목의 단어 '.repeat(12)}끝`;
    const [question] = exampleQuestions([{ title }]);
    const quoted = /^“(.*)” 기사의/.exec(question!)![1]!;
    expect(quoted.endsWith('…')).toBe(true);
    expect(quoted.length).toBeLessThanOrEqual(61);
    expect(title.startsWith(quoted.slice(0, -1))).toBe(true);
  });
});

describe('GET /api/examples', () => {
  const appWith = (articles: Array<{ title: string; date?: string }>) => {
    const app = express();
    app.get(
      '/api/examples',
      examplesRoute(() => ({ headlines: () => articles })),
    );
    return app;
  };

  it('lists questions from the engine’s headlines', async () => {
    const response = await request(appWith(ARTICLES)).get('/api/examples');
    expect(response.status).toBe(200);
    expect(response.body.examples).toHaveLength(EXAMPLE_COUNT);
  });

  it('lists none when the engine has no articles', async () => {
    const response = await request(appWith([])).get('/api/examples');
    expect(response.body).toEqual({ examples: [] });
  });
});
