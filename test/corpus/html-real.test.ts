// The HTML reader on real Korean help pages: Debian's libreoffice-help-ko, read where the package
// installs them (eval/docs-dev/fetch.sh installs it; skipped when absent). Every Impress and Draw
// page must keep ≥ 98% of its visible text, measured independently of the reader's own rules.

import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkExtraction } from '../../eval/docs-dev/visible-text.js';
import { textCoverage } from '../../src/corpus/html-coverage.js';
import { parseHtml } from '../../src/corpus/html.js';

const HELP_TEXT = '/usr/share/libreoffice/help/ko/text';
const FOLDERS = [
  ['simpress', 'IMPRESS'],
  ['sdraw', 'DRAW'],
] as const;
const MIN_COVERAGE = 0.98;

async function pages(): Promise<Array<{ path: string; module: string }>> {
  const found: Array<{ path: string; module: string }> = [];
  for (const [folder, module] of FOLDERS) {
    const entries = await readdir(join(HELP_TEXT, folder), { recursive: true, withFileTypes: true });
    for (const entry of entries) {
      if (entry.isFile() && entry.name.endsWith('.html')) found.push({ path: join(entry.parentPath, entry.name), module });
    }
  }
  return found.sort((a, b) => (a.path < b.path ? -1 : 1));
}

describe.skipIf(!existsSync(join(HELP_TEXT, 'simpress')))('parseHtml on libreoffice-help-ko (Impress, Draw)', () => {
  it('keeps ≥ 98% of the visible text, one variant of each switch and every menu path, on every page', async () => {
    const list = await pages();
    expect(list.length).toBeGreaterThanOrEqual(100);
    const failures: string[] = [];
    let menuItems = 0;
    for (const { path, module } of list) {
      const html = await readFile(path, 'utf8');
      const outcome = parseHtml(html);
      if (!outcome.ok) {
        failures.push(`${path}: ${outcome.reason}`);
        continue;
      }
      const check = checkExtraction(html, `${outcome.value.title}\n${outcome.value.text}`, textCoverage, module);
      menuItems += check.menuItems;
      if (check.coverage < MIN_COVERAGE) failures.push(`${path}: coverage ${check.coverage.toFixed(3)}`);
      if (check.variantGroupsMissing > 0) failures.push(`${path}: ${check.variantGroupsMissing} variant groups lost`);
      if (check.menuItemsKept < check.menuItems) failures.push(`${path}: ${check.menuItems - check.menuItemsKept} menu paths lost`);
    }
    expect(failures).toEqual([]);
    // The pages do use menu paths; a check that counted none would prove nothing.
    expect(menuItems).toBeGreaterThan(50);
  }, 60_000);
});
