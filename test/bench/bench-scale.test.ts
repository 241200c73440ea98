import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { generateSyntheticCorpus, type SentencePool } from '../../src/bench/bench-scale.js';
import { parseJsonlLine } from '../../src/corpus/jsonl.js';
import { DEFAULT_CHUNKING } from '../../src/ingest/ingest.js';
import { chunkText } from '../../src/text/chunk.js';

// A tiny stand-in for the KorQuAD sentence pool: written for this test, no dataset needed.
const POOL: SentencePool = {
  titles: ['서울시 교통', '한국은행 금리', '지역 축제'],
  // prettier-ignore
  sentences: [
    '서울시는 24일 시내버스 노선 12개를 다음 달부터 조정한다고 밝혔다.', '한국은행 금융통화위원회는 기준금리를 연 3.5%로 동결했다.', '올해 축제에는 지난해보다 20% 많은 관람객이 찾을 것으로 예상된다.',
    '시 관계자는 "출퇴근 시간 혼잡을 줄이기 위한 조치"라고 설명했다.', '전문가들은 물가 상승세가 하반기에 둔화할 것으로 내다봤다.', '행사는 오는 10월 3일까지 시청 앞 광장에서 열린다.',
    '이번 개편으로 배차 간격이 평균 3분가량 줄어들 전망이다.', '위원회는 다음 회의에서 추가 조정 여부를 논의할 계획이다.',
  ],
};

describe('generateSyntheticCorpus', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('writes parseable dated articles of 2–4 chunks until the chunk count is reached', async () => {
    dir = await mkdtemp(join(tmpdir(), 'bench-scale-test-'));
    const summary = await generateSyntheticCorpus(POOL, { chunks: 200, dir, files: 3 });
    expect(summary.files).toHaveLength(3);
    expect(summary.chunks).toBeGreaterThanOrEqual(200);
    expect(summary.chunks).toBeLessThan(200 + 4);

    const lines = (await Promise.all(summary.files.map((file) => readFile(file, 'utf8')))).flatMap((text) =>
      text.split('\n').filter(Boolean),
    );
    expect(lines).toHaveLength(summary.articles);
    let chunks = 0;
    const ids = new Set<string>();
    for (const line of lines) {
      const outcome = parseJsonlLine(line);
      expect(outcome.ok).toBe(true);
      if (!outcome.ok) continue;
      const article = outcome.value;
      expect(article.date).toMatch(/^20(1[5-9]|2[0-5])-\d{2}-\d{2}$/);
      expect(article.source).toBeTruthy();
      expect(article.title.endsWith(' 소식')).toBe(true);
      ids.add(article.id!);
      const count = chunkText(article.text, DEFAULT_CHUNKING).length;
      expect(count).toBeGreaterThanOrEqual(2);
      expect(count).toBeLessThanOrEqual(4);
      chunks += count;
    }
    expect(ids.size).toBe(lines.length);
    expect(chunks).toBe(summary.chunks);
  });

  it('makes the same corpus from the same seed', async () => {
    dir = await mkdtemp(join(tmpdir(), 'bench-scale-test-'));
    const first = await generateSyntheticCorpus(POOL, { chunks: 30, dir: join(dir, 'a'), files: 1, seed: 7 });
    const second = await generateSyntheticCorpus(POOL, { chunks: 30, dir: join(dir, 'b'), files: 1, seed: 7 });
    expect(await readFile(second.files[0]!, 'utf8')).toBe(await readFile(first.files[0]!, 'utf8'));
  });

  it('refuses an empty pool', async () => {
    dir = await mkdtemp(join(tmpdir(), 'bench-scale-test-'));
    await expect(generateSyntheticCorpus({ titles: [], sentences: [] }, { chunks: 10, dir })).rejects.toThrow();
  });
});
