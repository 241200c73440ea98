// The start-up state machine and generation swaps of EngineHost, with injected builds:
// starting → ready | degraded | failed, zero-gap re-indexing, one build at a time, and
// picking up a generation published by someone else.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors/app-error.js';
import type { IngestSummary } from '../../src/ingest/ingest.js';
import { EngineHost, type EngineHostDeps, type Generation } from '../../src/server/engine-host.js';
import { FakeEngine } from '../support/fake-engine.js';

const SUMMARY: IngestSummary = { articles: 2, chunks: 5, embedded: 5, removed: 0, skipped: [], warnings: [], seconds: 0 };

/** A disk with generations: `build` publishes the next one, `open` loads whatever is live. */
class FakeDisk {
  live: string | undefined;
  stale: string | undefined;
  readonly engines = new Map<string, FakeEngine>();
  builds = 0;
  opens = 0;
  /** When set, the next build waits for it (a build in progress). */
  gate: Promise<void> | undefined;
  buildError: Error | undefined;
  openError: Error | undefined;
  preflightError: Error | undefined;
  readonly logs: string[] = [];

  publish(): string {
    const id = `gen-${this.engines.size + 1}`;
    this.engines.set(id, new FakeEngine());
    this.live = id;
    this.stale = undefined;
    return id;
  }

  deps(): EngineHostDeps {
    return {
      open: async (): Promise<Generation> => {
        this.opens++;
        if (this.openError) throw this.openError;
        if (!this.live) throw new AppError('INDEX_MISSING', '색인이 없습니다');
        return { engine: this.engines.get(this.live)!, id: this.live };
      },
      liveGeneration: async () => this.live,
      staleness: async () => (this.live ? this.stale : '색인이 없습니다'),
      build: async () => {
        this.builds++;
        await this.gate;
        if (this.buildError) throw this.buildError;
        this.publish();
        return SUMMARY;
      },
      preflight: async () => {
        if (this.preflightError) throw this.preflightError;
      },
      log: { info: (message) => this.logs.push(message), warn: (message) => this.logs.push(message) },
      retryMs: 0,
    };
  }
}

function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

describe('EngineHost start-up', () => {
  it('is starting before start(), then builds the missing index and becomes ready', async () => {
    const disk = new FakeDisk();
    const host = new EngineHost(disk.deps());
    expect(host.status()).toEqual({ state: 'starting', reindexing: false });
    expect(host.engine()).toBeUndefined();
    await host.start();
    expect(host.status()).toEqual({ state: 'ready', generation: 'gen-1', reindexing: false });
    expect(host.engine()).toBe(disk.engines.get('gen-1'));
    expect(disk.builds).toBe(1);
  });

  it('serves a current index without building', async () => {
    const disk = new FakeDisk();
    disk.publish();
    const host = new EngineHost(disk.deps());
    await host.start();
    expect(host.status().state).toBe('ready');
    expect(disk.builds).toBe(0);
  });

  it('serves a stale index at once and swaps in the rebuilt one when it is done', async () => {
    const disk = new FakeDisk();
    const old = disk.engines.get(disk.publish())!;
    disk.stale = '코퍼스 파일이 바뀌었습니다: a.md';
    const building = gate();
    disk.gate = building.promise;
    const host = new EngineHost(disk.deps());
    await host.start();
    // Answering from the old generation while the new one is built.
    expect(host.engine()).toBe(old);
    expect(host.status()).toEqual({ state: 'ready', generation: 'gen-1', reindexing: true });
    building.open();
    await expect.poll(() => host.status().generation).toBe('gen-2');
    expect(host.engine()).toBe(disk.engines.get('gen-2'));
    expect(host.status()).toEqual({ state: 'ready', generation: 'gen-2', reindexing: false });
  });

  it('is degraded, with the reason, when the rebuild fails and the previous index can be served', async () => {
    const disk = new FakeDisk();
    const old = disk.engines.get(disk.publish())!;
    disk.stale = '코퍼스 파일이 추가되거나 삭제되었습니다';
    disk.buildError = new AppError('INGEST_FAILED', '색인 폴더에 쓸 수 없습니다');
    const host = new EngineHost(disk.deps());
    await host.start();
    await expect.poll(() => host.status().reindexing).toBe(false);
    expect(host.engine()).toBe(old);
    const status = host.status();
    expect(status.state).toBe('degraded');
    expect(status.reason).toContain('색인 폴더에 쓸 수 없습니다');
    expect(status.reason).toContain('gen-1');
    expect(disk.logs.filter((line) => line.includes('색인 폴더에 쓸 수 없습니다'))).toHaveLength(1);

    // A later re-index that works clears it.
    disk.buildError = undefined;
    expect((await host.reindex('다시 시도')).ok).toBe(true);
    expect(host.status()).toEqual({ state: 'ready', generation: 'gen-2', reindexing: false });
  });

  it('is degraded without building when the embedding provider check fails but an index loads', async () => {
    const disk = new FakeDisk();
    disk.publish();
    disk.preflightError = new AppError(
      'UPSTREAM',
      '임베딩 서버에 연결하지 못했습니다 (Ollama http://127.0.0.1:9, 모델 bge-m3: connection refused).',
    );
    const host = new EngineHost(disk.deps());
    await host.start();
    expect(host.status()).toMatchObject({ state: 'degraded', reason: disk.preflightError.message });
    expect(host.engine()).toBeDefined();
  });

  it('fails (start rejects with the one line) when nothing loads and the build fails', async () => {
    const disk = new FakeDisk();
    disk.buildError = new AppError('INGEST_FAILED', "EACCES: permission denied, mkdir 'data/index'");
    const host = new EngineHost(disk.deps());
    await expect(host.start()).rejects.toThrow(
      "색인을 만들지 못해 서버를 시작할 수 없습니다: EACCES: permission denied, mkdir 'data/index'",
    );
    expect(host.status()).toEqual({
      state: 'failed',
      reason: "색인을 만들지 못해 서버를 시작할 수 없습니다: EACCES: permission denied, mkdir 'data/index'",
      reindexing: false,
    });
    expect(host.engine()).toBeUndefined();
  });

  it('fails when nothing loads and the embedding provider is unreachable, without building', async () => {
    const disk = new FakeDisk();
    disk.preflightError = new AppError('UPSTREAM', '임베딩 서버에 연결하지 못했습니다');
    const host = new EngineHost(disk.deps());
    await expect(host.start()).rejects.toBe(disk.preflightError);
    expect(host.status().state).toBe('failed');
    expect(disk.builds).toBe(0);
  });

  it('rebuilds an index that does not load (corrupt) before serving', async () => {
    const disk = new FakeDisk();
    disk.publish();
    disk.openError = new AppError('INDEX_CORRUPT', '색인이 손상되었습니다');
    const deps = disk.deps();
    const host = new EngineHost({ ...deps, build: async (request) => ((disk.openError = undefined), deps.build(request)) });
    await host.start();
    expect(disk.logs[0]).toBe('색인이 손상되었습니다 → 색인을 다시 만듭니다.');
    expect(host.status()).toMatchObject({ state: 'ready', generation: 'gen-2' });
  });
});

describe('EngineHost re-indexing', () => {
  it('runs one build at a time; calls during a build share it and queue exactly one more', async () => {
    const disk = new FakeDisk();
    disk.publish();
    const host = new EngineHost(disk.deps());
    await host.start();
    const building = gate();
    disk.gate = building.promise;
    const first = host.reindex('관리 API 요청');
    const second = host.reindex('코퍼스 파일이 바뀌었습니다');
    const third = host.reindex('코퍼스 파일이 바뀌었습니다');
    expect(second).toBe(first);
    expect(third).toBe(first);
    await expect.poll(() => disk.builds).toBe(1);
    disk.gate = undefined;
    building.open();
    const outcome = await first;
    expect(disk.builds).toBe(2);
    expect(outcome).toMatchObject({ ok: true, generation: 'gen-3' });
    expect(host.status()).toEqual({ state: 'ready', generation: 'gen-3', reindexing: false });
  });

  it('skips the build when asked only if stale and the index is current', async () => {
    const disk = new FakeDisk();
    disk.publish();
    const host = new EngineHost(disk.deps());
    await host.start();
    expect(await host.reindex('코퍼스 감시', { onlyIfStale: true })).toEqual({ ok: true, generation: 'gen-1' });
    expect(disk.builds).toBe(0);
  });

  it('keeps handing out the old engine until the new one is open, and never a half-built one', async () => {
    const disk = new FakeDisk();
    const old = disk.engines.get(disk.publish())!;
    const host = new EngineHost(disk.deps());
    await host.start();
    const building = gate();
    disk.gate = building.promise;
    const running = host.reindex('관리 API 요청');
    for (let i = 0; i < 5; i++) {
      expect(host.engine()).toBe(old);
      await new Promise((resolve) => setImmediate(resolve));
    }
    building.open();
    await running;
    expect(host.engine()).not.toBe(old);
    expect(host.engine()).toBe(disk.engines.get('gen-2'));
  });

  it('adopts a generation published by another process (a CLI ingest), but not during its own build', async () => {
    const disk = new FakeDisk();
    disk.publish();
    const host = new EngineHost(disk.deps());
    await host.start();
    expect(await host.adoptLive()).toBe(false); // nothing new
    disk.publish(); // `npm run ingest` elsewhere
    expect(await host.adoptLive()).toBe(true);
    expect(host.status()).toMatchObject({ state: 'ready', generation: 'gen-2' });
    expect(host.engine()).toBe(disk.engines.get('gen-2'));

    const building = gate();
    disk.gate = building.promise;
    const running = host.reindex('관리 API 요청');
    disk.publish();
    expect(await host.adoptLive()).toBe(false); // our own build opens what it published
    building.open();
    await running;
    expect(host.status().generation).toBe('gen-4');
  });

  it('clears a failed re-index when another process publishes a good generation', async () => {
    const disk = new FakeDisk();
    disk.publish();
    const host = new EngineHost(disk.deps());
    await host.start();
    disk.buildError = new AppError('INDEX_LOCKED', '다른 색인 작업(pid 42)이 진행 중입니다.');
    await host.reindex('관리 API 요청');
    expect(host.status().state).toBe('degraded');
    disk.publish();
    await host.adoptLive();
    expect(host.status()).toEqual({ state: 'ready', generation: 'gen-2', reindexing: false });
  });

  it('reports an issue set from outside (the chat model) as degraded, and clears it', async () => {
    const disk = new FakeDisk();
    disk.publish();
    const host = new EngineHost(disk.deps());
    await host.start();
    host.setIssue('llm', '언어 모델에 연결하지 못해 추출식 답변으로 대신합니다.');
    expect(host.status()).toMatchObject({ state: 'degraded', reason: '언어 모델에 연결하지 못해 추출식 답변으로 대신합니다.' });
    host.setIssue('llm', undefined);
    expect(host.status().state).toBe('ready');
  });
});
