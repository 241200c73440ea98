import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SourceFiles } from '../../src/ingest/source-files.js';

let corpusDir: string;
beforeAll(async () => {
  corpusDir = await mkdtemp(join(tmpdir(), 'source-files-test-'));
  await mkdir(join(corpusDir, '지역'));
  await writeFile(join(corpusDir, 'briefs.jsonl'), '{"id":"1"}\n{"id":"2"}\n');
  await writeFile(join(corpusDir, '지역', '물빛항 축제.md'), '# 물빛항 축제\n\n축제가 열렸다.\n');
});
afterAll(() => rm(corpusDir, { recursive: true, force: true }));

const RECORDED: Array<[string, 'recordOrigin' | 'recordSkipped', string, string]> = [
  ['an article origin', 'recordOrigin', '지역/물빛항 축제.md', '지역/물빛항 축제.md'],
  ['a JSONL line origin', 'recordOrigin', 'briefs.jsonl#L2', 'briefs.jsonl'],
  ['a JSONL line origin without L', 'recordOrigin', 'briefs.jsonl#2', 'briefs.jsonl'],
  ['a skipped file', 'recordSkipped', '지역/물빛항 축제.md', '지역/물빛항 축제.md'],
  ['a skipped JSONL line', 'recordSkipped', 'briefs.jsonl:2', 'briefs.jsonl'],
];

describe('SourceFiles', () => {
  it.each(RECORDED)('records %s (%s %s) as %s', async (_name, method, path, file) => {
    const sources = new SourceFiles(corpusDir);
    await sources[method](path);
    const info = await stat(join(corpusDir, file));
    expect(sources.stats).toEqual({ [file]: { size: info.size, mtimeMs: info.mtimeMs } });
  });

  it('records each file once, in the order first seen', async () => {
    const sources = new SourceFiles(corpusDir);
    for (const origin of ['briefs.jsonl#L1', '지역/물빛항 축제.md', 'briefs.jsonl#L2']) await sources.recordOrigin(origin);
    await sources.recordSkipped('briefs.jsonl:3');
    expect(Object.keys(sources.stats)).toEqual(['briefs.jsonl', '지역/물빛항 축제.md']);
  });

  it.each([
    ['a file that does not exist', corpusDir, '없는 기사.md'],
    ['a folder', corpusDir, '지역'],
    ['articles made in memory (no corpus folder)', undefined, 'briefs.jsonl#L1'],
  ])('records nothing for %s', async (_name, dir, origin) => {
    const sources = new SourceFiles(dir);
    await sources.recordOrigin(origin);
    expect(sources.stats).toEqual({});
  });
});
