// Measures the HTML reader on a folder of pages: how much of each page's visible text reaches the
// extracted text, by the reader's own reference (its main text) and by an independent one
// (visible-text.ts), and how often Readability was overruled. Prints JSON. `readabilityBands`:
// per band of Readability's coverage, the share of the characters it dropped that lie outside
// links (clutter is mostly links; a high share means it dropped content), which backs
// READABILITY_MIN_COVERAGE.
//
//   npx tsx eval/docs-dev/coverage.ts [DIR …]   (default: data/eval/corpora/docs-dev test/fixtures/html)

import { Readability } from '@mozilla/readability';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { textCoverage } from '../../src/corpus/html-coverage.js';
import {
  blockText,
  helpModule,
  neutralizeInlineAttributes,
  parseDocument,
  removeChrome,
  removeInvisible,
  resolveVariants,
} from '../../src/corpus/html-dom.js';
import { parseHtml } from '../../src/corpus/html.js';
import { dropNewsBoilerplate } from '../../src/corpus/news-lines.js';
import { checkExtraction } from './visible-text.js';

/** The application of each LibreOffice help folder, whose variants its pages show. */
const MODULES: Record<string, string> = { simpress: 'IMPRESS', sdraw: 'DRAW', smath: 'MATH', sbasic: 'BASIC', schart: 'CHART' };

const words = (text: string): string[] =>
  text
    .normalize('NFC')
    .toLowerCase()
    .match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];

/**
 * Characters of the main text Readability dropped, and how many of them were outside links.
 * Repeats the reader's passes (src/corpus/html.ts) up to its choice, to see what it discarded.
 */
function droppedByReadability(html: string, title: string): { dropped: number; outsideLinks: number } {
  const document = parseDocument(html);
  const body = document.body;
  resolveVariants(body, helpModule(document));
  removeInvisible(body);
  removeChrome(body, { byClass: true });
  const linkWords = new Map<string, number>();
  for (const link of Array.from(body.querySelectorAll('a'))) {
    for (const word of words(link.textContent ?? '')) linkWords.set(word, (linkWords.get(word) ?? 0) + 1);
  }
  const mainText = dropNewsBoilerplate(blockText(body));
  neutralizeInlineAttributes(body);
  const article = new Readability<Node>(document, { serializer: (node) => node }).parse();
  const kept = new Map<string, number>();
  for (const word of words(`${title} ${article?.content ? blockText(article.content) : ''}`)) kept.set(word, (kept.get(word) ?? 0) + 1);
  let dropped = 0;
  let outsideLinks = 0;
  for (const word of words(mainText)) {
    const left = kept.get(word) ?? 0;
    if (left > 0) {
      kept.set(word, left - 1);
      continue;
    }
    dropped += word.length;
    const inLinks = linkWords.get(word) ?? 0;
    if (inLinks > 0) linkWords.set(word, inLinks - 1);
    else outsideLinks += word.length;
  }
  return { dropped, outsideLinks };
}

const BANDS = [
  ['>=0.98', 0.98],
  ['0.90-0.98', 0.9],
  ['0.70-0.90', 0.7],
  ['<0.70', 0],
] as const;
const bandOf = (coverage: number): string => BANDS.find(([, floor]) => coverage >= floor)![0];

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && /\.html?$/i.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

const round = (value: number) => Math.round(value * 10000) / 10000;

function summary(values: number[]) {
  return { min: round(quantile(values, 0)), p05: round(quantile(values, 0.05)), median: round(quantile(values, 0.5)) };
}

interface Row {
  group: string;
  path: string;
  method: string;
  readability: number;
  coverage: number;
  independent: number;
  variantsMissing: number;
  menuItems: number;
  menuItemsKept: number;
  dropped: number;
  droppedOutsideLinks: number;
  pageShare: number;
  warnings: string[];
}

async function main(): Promise<void> {
  const dirs = process.argv.slice(2);
  const roots = dirs.length > 0 ? dirs : ['data/eval/corpora/docs-dev', 'test/fixtures/html'];
  const rows: Row[] = [];
  for (const root of roots) {
    for (const file of await htmlFiles(root)) {
      const html = await readFile(file, 'utf8');
      const outcome = parseHtml(html);
      const path = relative(root, file);
      const parts = path.split('/');
      const group = parts[0] === 'libreoffice' ? `libreoffice/${parts[1]}` : parts.length > 1 ? parts[0]! : root;
      if (!outcome.ok) {
        rows.push({
          group,
          path,
          method: `skip: ${outcome.reason}`,
          readability: 0,
          coverage: 0,
          independent: 0,
          variantsMissing: 0,
          menuItems: 0,
          menuItemsKept: 0,
          dropped: 0,
          droppedOutsideLinks: 0,
          pageShare: 0,
          warnings: [],
        });
        continue;
      }
      const check = checkExtraction(html, `${outcome.value.title}\n${outcome.value.text}`, textCoverage, MODULES[parts[1] ?? '']);
      rows.push({
        group,
        path,
        method: outcome.extraction.method,
        readability: outcome.extraction.readabilityCoverage,
        coverage: outcome.extraction.coverage,
        independent: check.coverage,
        variantsMissing: check.variantGroupsMissing,
        menuItems: check.menuItems,
        menuItemsKept: check.menuItemsKept,
        ...(({ dropped, outsideLinks }) => ({ dropped, droppedOutsideLinks: outsideLinks }))(
          droppedByReadability(html, outcome.value.title),
        ),
        pageShare: outcome.extraction.pageShare,
        warnings: outcome.warnings,
      });
    }
  }
  const groups = [...new Set(rows.map((row) => row.group))];
  const report = groups.map((group) => {
    const of = rows.filter((row) => row.group === group);
    const worst = [...of].sort((a, b) => a.independent - b.independent).slice(0, 3);
    return {
      group,
      pages: of.length,
      readabilityUsed: of.filter((row) => row.method === 'readability').length,
      skipped: of.filter((row) => row.method.startsWith('skip')).map((row) => `${row.path} (${row.method})`),
      readabilityCoverage: summary(of.map((row) => row.readability)),
      coverage: summary(of.map((row) => row.coverage)),
      independentCoverage: summary(of.map((row) => row.independent)),
      pagesBelow98Independent: of.filter((row) => row.independent < 0.98).length,
      variantGroupsMissing: of.reduce((sum, row) => sum + row.variantsMissing, 0),
      menuItemsKept: `${of.reduce((sum, row) => sum + row.menuItemsKept, 0)}/${of.reduce((sum, row) => sum + row.menuItems, 0)}`,
      pageShare: summary(of.map((row) => row.pageShare)),
      warnings: of.filter((row) => row.warnings.length > 0).map((row) => ({ path: row.path, reason: row.warnings.join('; ') })),
      worstIndependent: worst.map((row) => ({ path: row.path, independent: round(row.independent), method: row.method })),
    };
  });
  const readabilityBands = BANDS.map(([band]) => {
    const of = rows.filter((row) => !row.method.startsWith('skip') && bandOf(row.readability) === band);
    const dropped = of.reduce((sum, row) => sum + row.dropped, 0);
    const outside = of.reduce((sum, row) => sum + row.droppedOutsideLinks, 0);
    return { band, pages: of.length, droppedChars: dropped, droppedOutsideLinks: dropped === 0 ? null : round(outside / dropped) };
  });
  console.log(JSON.stringify({ pages: rows.length, readabilityBands, groups: report }, null, 2));
}

await main();
