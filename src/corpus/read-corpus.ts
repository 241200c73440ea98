// Reads a corpus folder into Articles, one file (or JSONL line) at a time, so a 100k-article
// archive streams through in constant memory. An input that cannot be read is reported with
// its path and a short Korean reason, and skipped; it never stops the others.
//
// Walk rules: sorted by name (code-unit order, independent of locale), depth first; dotfiles and
// dot-folders are skipped; so are README files (README.md, readme.txt …), which describe a
// corpus folder rather than belong to it; other extensions are ignored silently.

import type { Dirent } from 'node:fs';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import type { Article, CorpusItem, SkippedInput } from '../domain/types.js';
import { AppError, errnoCode, errorMessage } from '../errors/app-error.js';
import { normalizeText } from '../text/normalize.js';
import { decodeBytes } from './decode.js';
import { type ArticleDraft, type Outcome, cleanInline, fail } from './fields.js';
import { type HtmlOutcome, parseHtml } from './html.js';
import { parseJsonlLine, readLines, sniffFileEncoding } from './jsonl.js';
import { parseMarkdown } from './markdown.js';
import { parsePlainText } from './plain-text.js';

export type { CorpusItem, SkippedInput } from '../domain/types.js';

const SUPPORTED_EXTENSIONS: readonly string[] = ['.md', '.txt', '.jsonl', '.html', '.htm'];

/**
 * Largest `.md`/`.txt`/`.html` file read whole (default 32 MiB). A news article is a few
 * KiB; anything this big is a dump or a mistake, and reading it would spike memory.
 * JSONL is streamed and has no limit.
 */
const MAX_FILE_BYTES = 32 * 1024 * 1024;

const BINARY_REASON = '바이너리 파일 또는 알 수 없는 인코딩';

const skipped = (path: string, reason: string): CorpusItem => ({ skipped: { path, reason } });

/** The errno code of a file-system error (`ENOENT`), else its message. */
function errorCode(error: unknown): string {
  return errnoCode(error) ?? errorMessage(error);
}

function isArticleFile(name: string): boolean {
  const extension = extname(name).toLowerCase();
  return SUPPORTED_EXTENSIONS.includes(extension) && basename(name, extname(name)).toLowerCase() !== 'readme';
}

const byName = (a: Dirent, b: Dirent): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

type WalkItem = { file: string; relative: string } | { skipped: SkippedInput };

/**
 * Article files under `directory`. `visited` holds the real paths of the folders walked so far,
 * so a folder reached again through a symlink (or a symlink loop) is read only once.
 */
async function* walk(directory: string, relative: string, visited: Set<string>): AsyncGenerator<WalkItem> {
  let entries: Dirent[];
  try {
    const real = await realpath(directory);
    if (visited.has(real)) return;
    visited.add(real);
    entries = await readdir(directory, { withFileTypes: true });
  } catch (error) {
    yield { skipped: { path: `${relative || '.'}/`, reason: `폴더를 읽을 수 없음: ${errorCode(error)}` } };
    return;
  }
  entries.sort(byName);
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const absolute = join(directory, entry.name);
    const childRelative = relative ? `${relative}/${entry.name}` : entry.name;
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        const target = await stat(absolute);
        isDirectory = target.isDirectory();
        isFile = target.isFile();
      } catch (error) {
        if (isArticleFile(entry.name)) {
          yield { skipped: { path: childRelative, reason: `파일을 읽을 수 없음: ${errorCode(error)}` } };
        }
        continue;
      }
    }
    if (isDirectory) yield* walk(absolute, childRelative, visited);
    else if (isFile && isArticleFile(entry.name)) yield { file: absolute, relative: childRelative };
  }
}

/** Reads and parses one whole `.md`, `.txt` or `.html` file. */
async function readArticleFile(file: string, relative: string, extension: string): Promise<Outcome<ArticleDraft> | HtmlOutcome> {
  let bytes: Buffer;
  try {
    const { size } = await stat(file);
    if (size > MAX_FILE_BYTES) {
      return fail(`파일이 너무 큼 (${Math.ceil(size / 2 ** 20)} MiB, 최대 ${MAX_FILE_BYTES / 2 ** 20} MiB)`);
    }
    bytes = await readFile(file);
  } catch (error) {
    return fail(`파일을 읽을 수 없음: ${errorCode(error)}`);
  }
  if (bytes.length === 0) return fail('빈 파일');
  const decoded = decodeBytes(bytes);
  if (decoded === undefined) return fail(BINARY_REASON);
  if (decoded.trim() === '') return fail('빈 파일');
  const text = decoded.replace(/\r\n?/g, '\n');
  if (extension === '.md') return parseMarkdown(text);
  if (extension === '.txt') return parsePlainText(text, basename(relative, extname(relative)));
  return parseHtml(text);
}

/** Where an article came from: its default id, its origin and how to report a problem with it. */
interface Placement {
  defaultId: string;
  origin: string;
  path: string;
  reasonPrefix: string;
}

/** Normalises a draft into an Article, or reports it; `ids` maps each id taken so far to its origin. */
function finalize(draft: ArticleDraft, placement: Placement, ids: Map<string, string>): CorpusItem {
  const { path, reasonPrefix, origin } = placement;
  const title = cleanInline(draft.title);
  if (!title) return skipped(path, `${reasonPrefix}title 없음`);
  const text = normalizeText(draft.text);
  if (!text) return skipped(path, `${reasonPrefix}본문이 비어 있음`);
  const id = draft.id ?? placement.defaultId;
  const firstOrigin = ids.get(id);
  if (firstOrigin !== undefined) return skipped(path, `${reasonPrefix}id 중복: "${id}" (${firstOrigin}에서 이미 사용)`);
  ids.set(id, origin);
  const article: Article = {
    id,
    title,
    ...(draft.date !== undefined && { date: draft.date }),
    ...(draft.source !== undefined && { source: draft.source }),
    ...(draft.url !== undefined && { url: draft.url }),
    ...(draft.tags !== undefined && { tags: draft.tags }),
    text,
    origin,
  };
  return { article };
}

async function* readJsonlFile(file: string, relative: string, stem: string, ids: Map<string, string>): AsyncGenerator<CorpusItem> {
  let sniffed: Awaited<ReturnType<typeof sniffFileEncoding>>;
  try {
    sniffed = await sniffFileEncoding(file);
  } catch (error) {
    yield skipped(relative, `파일을 읽을 수 없음: ${errorCode(error)}`);
    return;
  }
  if (sniffed.size === 0 || !sniffed.encoding) {
    yield skipped(relative, sniffed.size === 0 ? '빈 파일' : BINARY_REASON);
    return;
  }

  let lineNumber = 0;
  let sawContent = false;
  try {
    for await (const line of readLines(file, sniffed.encoding)) {
      lineNumber += 1;
      if (line.trim() === '') continue;
      sawContent = true;
      const path = `${relative}:${lineNumber}`;
      const reasonPrefix = `JSONL ${lineNumber}행: `;
      // The head looked like UTF-8, so a U+FFFD here is a bad byte sequence on this line.
      const outcome =
        sniffed.encoding === 'utf-8' && line.includes('\uFFFD') ? fail('UTF-8 인코딩 오류') : parseJsonlLine(line);
      yield outcome.ok
        ? finalize(outcome.value, { defaultId: `${stem}#${lineNumber}`, origin: `${relative}#L${lineNumber}`, path, reasonPrefix }, ids)
        : skipped(path, reasonPrefix + outcome.reason);
    }
  } catch (error) {
    yield skipped(relative, `JSONL ${lineNumber + 1}행부터 읽을 수 없음: ${errorCode(error)}`);
    return;
  }
  if (!sawContent) yield skipped(relative, '빈 파일');
}

async function assertDirectory(root: string, given: string): Promise<void> {
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(root)).isDirectory();
  } catch (error) {
    const code = errorCode(error);
    const message =
      code === 'ENOENT' ? `코퍼스 폴더가 없습니다: ${given}` : `코퍼스 폴더를 열 수 없습니다: ${given} (${code})`;
    throw new AppError('VALIDATION', message, { cause: error });
  }
  if (!isDirectory) throw new AppError('VALIDATION', `코퍼스 경로가 폴더가 아닙니다: ${given}`);
}

/**
 * Streams every article of the corpus in `dir`, and a `skipped` report for every input that
 * cannot be read. Ids are unique within a run: a repeated id is reported, the first one wins.
 * Throws AppError('VALIDATION') only when `dir` is missing or not a directory.
 */
export async function* readCorpus(dir: string): AsyncGenerator<CorpusItem> {
  const root = resolve(dir);
  await assertDirectory(root, dir);
  const ids = new Map<string, string>();
  for await (const item of walk(root, '', new Set())) {
    if ('skipped' in item) {
      yield item;
      continue;
    }
    const { file, relative } = item;
    const extension = extname(relative);
    // Ids derive from the path without extension, NFC so a macOS (NFD) checkout gives the same ids.
    const stem = relative.slice(0, relative.length - extension.length).normalize('NFC');
    if (extension.toLowerCase() === '.jsonl') {
      yield* readJsonlFile(file, relative, stem, ids);
      continue;
    }
    const outcome = await readArticleFile(file, relative, extension.toLowerCase());
    if (!outcome.ok) {
      yield skipped(relative, outcome.reason);
      continue;
    }
    const read = finalize(outcome.value, { defaultId: stem, origin: relative, path: relative, reasonPrefix: '' }, ids);
    const warnings = 'warnings' in outcome ? outcome.warnings : [];
    yield 'article' in read && warnings.length > 0 ? { ...read, warnings: warnings.map((reason) => ({ path: relative, reason })) } : read;
  }
}

/** Every article file of the corpus with its size and modification time, for the cheap
 *  "did the corpus change since the last ingest?" check at start-up. */
export async function listCorpusFiles(dir: string): Promise<Record<string, { size: number; mtimeMs: number }>> {
  const root = resolve(dir);
  await assertDirectory(root, dir);
  const files: Record<string, { size: number; mtimeMs: number }> = {};
  for await (const item of walk(root, '', new Set())) {
    if ('skipped' in item) continue;
    const info = await stat(item.file).catch(() => undefined);
    if (info) files[item.relative] = { size: info.size, mtimeMs: info.mtimeMs };
  }
  return files;
}

/** The whole corpus in memory: for tests and small corpora; ingest should stream `readCorpus`. */
export async function readAllArticles(dir: string): Promise<{ articles: Article[]; skipped: SkippedInput[] }> {
  const articles: Article[] = [];
  const skippedInputs: SkippedInput[] = [];
  for await (const item of readCorpus(dir)) {
    if ('article' in item) articles.push(item.article);
    else skippedInputs.push(item.skipped);
  }
  return { articles, skipped: skippedInputs };
}
