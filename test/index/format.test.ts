// The index codec without a disk: chunk table rows, the manifest and article lines each
// survive encode → decode, and malformed input is told apart from another format version.
import { describe, expect, it } from 'vitest';
import {
  ChunkTableWriter,
  DATA_FILES,
  FILES,
  FORMAT_VERSION,
  buildManifest,
  decodeArticleLines,
  decodeChunkTable,
  decodeManifest,
  encodeArticleLine,
  sameRecipe,
  type Manifest,
  type ManifestContent,
  type StoredArticle,
} from '../../src/index/format.js';
import { DEFAULT_BM25 } from '../../src/index/lexical.js';
import { DEFAULT_HNSW } from '../../src/index/vectors.js';

type Row = { article: number; start: number; end: number; label: number };

const rowsOf = (count: number): Row[] =>
  Array.from({ length: count }, (_, i) => ({ article: i >> 2, start: i * 120, end: i * 120 + 480, label: 1000 + 3 * i }));

const TABLES: Array<[string, Row[]]> = [
  ['no chunks', []],
  ['one chunk', [{ article: 0, start: 0, end: 37, label: 0 }]],
  [
    'labels left by removed chunks',
    [
      { article: 0, start: 0, end: 500, label: 7 },
      { article: 1, start: 12, end: 90, label: 42 },
    ],
  ],
  ['5,000 chunks (past the initial capacity)', rowsOf(5000)],
  ['int32 extremes', [{ article: 2 ** 31 - 1, start: 0, end: 2 ** 31 - 1, label: 2 ** 31 - 1 }]],
];

describe('chunk table', () => {
  it.each(TABLES)('round-trips %s', (_name, rows) => {
    const writer = new ChunkTableWriter();
    for (const row of rows) writer.add(row);
    expect(writer.length).toBe(rows.length);
    const table = decodeChunkTable(writer.encode());
    const decoded = Array.from(table.article, (article, i) => ({
      article,
      start: table.start[i],
      end: table.end[i],
      label: table.label[i],
    }));
    expect(decoded).toEqual(rows);
  });

  it('stores one row of four int32 per chunk, article first', () => {
    const writer = new ChunkTableWriter();
    writer.add({ article: 3, start: 10, end: 20, label: 99 });
    expect(Array.from(writer.encode())).toEqual([3, 10, 20, 99]);
  });

  it.each([1, 3, 5, 7])('refuses %i values, which are not whole rows', (length) => {
    expect(() => decodeChunkTable(new Int32Array(length))).toThrow(FILES.chunks);
  });
});

const CONTENT: ManifestContent = {
  embedder: { id: 'local:hash-ngram-v1-512', dimension: 512 },
  chunking: { maxChars: 500, overlapSentences: 1 },
  bm25: DEFAULT_BM25,
  hnsw: DEFAULT_HNSW,
  nextLabel: 12,
  counts: { articles: 2, chunks: 12 },
  articles: { '물빛항-축제': 'a'.repeat(64), 'briefs#3': 'b'.repeat(64) },
  sources: { '물빛항-축제.md': { size: 1234, mtimeMs: 1795974552265.4478 }, 'briefs.jsonl': { size: 88, mtimeMs: 1 } },
};
const FILE_SUMS: Manifest['files'] = Object.fromEntries(DATA_FILES.map((name, i) => [name, { bytes: i * 10, sha256: `${i}`.repeat(64) }]));

describe('manifest', () => {
  const manifest = buildManifest(CONTENT, FILE_SUMS);

  it('round-trips through JSON', () => {
    expect(decodeManifest(JSON.stringify(manifest))).toEqual({ manifest });
  });

  it('writes its fields in the order existing indexes have them', () => {
    expect(Object.keys(manifest)).toEqual([
      'formatVersion',
      'createdAt',
      'embedder',
      'analyzer',
      'chunking',
      'bm25',
      'hnsw',
      'nextLabel',
      'counts',
      'articles',
      'sources',
      'files',
    ]);
    expect(manifest.formatVersion).toBe(FORMAT_VERSION);
    expect(manifest.analyzer).toBe('ko-bigram-stem-unit-time-verb-compound-code-polite-runon-sections-colour-nominal-v22');
  });

  it('checksums every file but itself, in a fixed order', () => {
    expect(DATA_FILES).toEqual([
      'articles.jsonl',
      'chunks.bin',
      'lexical-terms.txt',
      'lexical-offsets.bin',
      'lexical-docs.bin',
      'lexical-tfs.bin',
      'lexical-lengths.bin',
      'vectors.hnsw',
    ]);
  });

  it.each([
    ['not JSON', '{"formatVersion": 1,', /JSON/],
    ['not an object', '[1, 2]', /not an object/],
    ['null', 'null', /not an object/],
    ['a missing field', JSON.stringify({ ...manifest, nextLabel: undefined }), /nextLabel/],
    ['a wrong type', JSON.stringify({ ...manifest, embedder: { id: 'local', dimension: '512' } }), /embedder\.dimension/],
  ])('calls a manifest with %s corrupt', (_name, text, detail) => {
    const decoded = decodeManifest(text);
    expect(decoded).toHaveProperty('corrupt');
    if ('corrupt' in decoded) expect(decoded.corrupt).toMatch(detail);
  });

  it.each([[2], [0], ['1'], [undefined]])('tells format version %s apart from corruption', (version) => {
    expect(decodeManifest(JSON.stringify({ ...manifest, formatVersion: version }))).toEqual({ otherVersion: version });
  });

  it.each([
    ['the same recipe', true, {}],
    ['another chunk size', false, { chunking: { maxChars: 400, overlapSentences: 1 } }],
    ['another overlap', false, { chunking: { maxChars: 500, overlapSentences: 0 } }],
    ['another HNSW degree', false, { hnsw: { ...DEFAULT_HNSW, m: 32 } }],
    ['another efConstruction', false, { hnsw: { ...DEFAULT_HNSW, efConstruction: 200 } }],
    ['another efSearch (a query-time setting)', true, { hnsw: { ...DEFAULT_HNSW, efSearch: 16 } }],
    ['other BM25 settings (the lexical index is always rebuilt)', true, { bm25: { ...DEFAULT_BM25, k1: 1.2 } }],
  ])('%s: stored vectors reusable = %s', (_name, expected, change) => {
    expect(sameRecipe(manifest, { chunking: CONTENT.chunking, bm25: CONTENT.bm25, hnsw: CONTENT.hnsw, ...change })).toBe(expected);
  });

  it('does not reuse vectors made by another analyzer version', () => {
    expect(sameRecipe({ ...manifest, analyzer: 'ko-bigram-stem-unit-time-v4' }, CONTENT)).toBe(false);
  });
});

describe('article lines', () => {
  const articles: StoredArticle[] = [
    {
      id: 'harbor-festival',
      title: '물빛항 가을 축제 폐막',
      date: '2024-10-13',
      text: '물빛항 가을 축제가 막을 내렸다.\n"내년에도 열겠다"고 밝혔다.',
      origin: 'harbor-festival.md',
      hash: 'c'.repeat(64),
    },
    {
      id: 'briefs#3',
      title: '짧은 소식',
      tags: ['버스', '노선'],
      source: '한빛일보',
      text: '푸른시가 심야 버스 노선을 늘린다.',
      origin: 'briefs.jsonl#L3',
      hash: 'd'.repeat(64),
    },
  ];

  it('round-trips articles, one JSON line each', () => {
    const text = articles.map(encodeArticleLine).join('');
    expect(text.split('\n')).toHaveLength(articles.length + 1);
    expect(decodeArticleLines(text)).toEqual(articles);
  });

  it("keeps each article's fields in their order", () => {
    for (const article of articles) {
      const [decoded] = decodeArticleLines(encodeArticleLine(article));
      expect(Object.keys(decoded ?? {})).toEqual(Object.keys(article));
    }
  });

  it.each([
    ['a line without a hash', JSON.stringify({ id: 'a', title: 't', text: 'x', origin: 'a.md' })],
    ['a line that is not an object', '"문자열"'],
  ])('refuses %s', (_name, line) => {
    expect(() => decodeArticleLines(`${line}\n`)).toThrow(/not an article/);
  });
});
