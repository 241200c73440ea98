// The chat page in a real Chromium against the REAL engine: the seed corpus plus one hostile
// article are indexed into a temp dir, opened with openEngine and served by the real app.
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';

import { join } from 'node:path';
import type { BrowserContext, Locator, Page, Request } from 'playwright-core';
import { CHROMIUM, launchChromium } from '../support/chromium.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ChatResponse } from '../../src/domain/types.js';
import { parseSse } from '../support/fake-engine.js';
import {
  OFF_TOPIC_QUESTION,
  SEED_ARTICLE_FILE,
  SEED_ARTICLE_ID,
  VENUE_QUESTION,
  buildIndex,
  configFor,
  makeTempCorpus,
  serveRealEngine,
  type ServedEngine,
  type TempCorpus,
} from '../support/real-engine.js';

const OUTPUT = 'test-output';
const available = existsSync(CHROMIUM);
const skip = !available && !process.env.CI;
if (skip)
  console.warn(
    `Skipping real-engine browser tests: ${CHROMIUM} not found (apt-get install -y chromium fonts-nanum). In CI they always run.`,
  );

const SCRIPT_TAG = '<script>window.__pwned=1</script>';
const IMG_TAG = '<img src=x onerror="window.__pwned=2">';
const HOSTILE_ID = 'gaon-web-security-check';
const HOSTILE_FILE = '2025-11-03-gaon-security-check.md';
const HOSTILE_ARTICLE = `---
id: ${HOSTILE_ID}
title: "가온시, 시청 누리집 보안 점검 결과 공개"
date: 2025-11-03
source: 가온일보
---

가온시 정보보안팀은 3일 시청 누리집 게시판의 보안 점검 결과를 공개했다.

점검팀은 게시판 글에 ${SCRIPT_TAG} 같은 문자열이나 ${IMG_TAG} 같은 태그를 넣어도 화면에는 글자 그대로만 보여야 한다고 설명했다.

정보보안팀은 다음 달까지 모든 민원 게시판의 점검을 마칠 계획이다.
`;
const HOSTILE_QUESTION = '가온시 점검팀은 무엇을 설명했어?';
/** Depends on the first answer's history: alone, "그는" names nobody. */
const FOLLOW_UP_QUESTION = '그는 어디서 발언했어?';

describe.skipIf(skip)('chat page on the real engine', () => {
  let corpus: TempCorpus;
  let served: ServedEngine;
  let profile: string;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: Error[] = [];

  beforeAll(async () => {
    await mkdir(OUTPUT, { recursive: true });
    corpus = await makeTempCorpus('real-engine-e2e', { [HOSTILE_FILE]: HOSTILE_ARTICLE });
    const config = configFor(corpus);
    const summary = await buildIndex(config);
    expect(summary).toMatchObject({ articles: 2, skipped: [] });
    served = await serveRealEngine(config);
    ({ context, profile } = await launchChromium());
    // One page for the whole conversation: the follow-up needs the first answer's history.
    page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 860 });
    page.on('pageerror', (error) => pageErrors.push(error));
    await page.goto(served.url);
  });

  afterAll(async () => {
    await context?.close();
    await served?.close();
    await corpus?.remove();
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  afterEach(() => {
    expect(pageErrors).toEqual([]);
  });

  const input = (): Locator => page.getByTestId('question-input');
  const answers = (): Locator => page.getByTestId('message-assistant');
  const text = (locator: Locator) => () => locator.textContent();

  /** Asks through the page and waits until the answer has been re-rendered with its citations (or as a refusal). */
  async function askAndWait(question: string): Promise<Locator> {
    const before = await answers().count();
    await input().fill(question);
    await input().press('Enter');
    const answer = answers().nth(before);
    await expect.poll(() => answer.getAttribute('aria-busy')).toBe('false');
    return answer;
  }

  /** Clicks each citation of `answer` until the revealed quote satisfies `wanted`; returns that quote. */
  async function revealQuote(answer: Locator, wanted: (quote: string) => boolean): Promise<string> {
    const citations = answer.getByTestId('citation');
    const count = await citations.count();
    for (let i = 0; i < count; i++) {
      await citations.nth(i).click();
      const quote = page.getByTestId('source-quote');
      await quote.waitFor();
      // The panel shows a loading note until the article arrives; then the quote sits inside its passage.
      await page.locator('#sources-panel .passage').waitFor();
      expect(await page.locator('#sources-panel .panel-note').count()).toBe(0);
      const value = (await quote.textContent()) ?? '';
      if (wanted(value)) return value;
      await page.keyboard.press('Escape');
    }
    throw new Error('no citation revealed the wanted quote');
  }

  it('streams a cited answer from the seed article and reveals an exact quote', async () => {
    const sent: Array<{ accept?: string; body: unknown }> = [];
    const record = (request: Request) => {
      if (request.url().endsWith('/api/chat')) sent.push({ accept: request.headers()['accept'], body: request.postDataJSON() });
    };
    page.on('request', record);
    const answer = await askAndWait(VENUE_QUESTION);
    page.off('request', record);
    expect(sent).toEqual([{ accept: 'text/event-stream', body: { question: VENUE_QUESTION } }]);
    expect(await answer.getAttribute('class')).not.toContain('refused');
    expect(await answer.textContent()).toContain('경주');
    const citations = answer.getByTestId('citation');
    expect(await citations.count()).toBeGreaterThan(0);
    expect(await answer.locator('.source-list').textContent()).toContain('LG AI연구원 이홍락 원장');

    const quote = await revealQuote(answer, (value) => value.includes('경주'));
    // Exact, both in the article the API serves and in the file on disk.
    const article = (await served.engine.getArticle(SEED_ARTICLE_ID))!;
    expect(article.text).toContain(quote);
    expect(await readFile(SEED_ARTICLE_FILE, 'utf8')).toContain(quote);
    expect(quote).toMatch(/다\.$/);
    expect(await page.locator('#sources-panel .passage').textContent()).toContain(quote);
    expect(await page.locator('#sources-panel').textContent()).toContain('2025-10-30');
    await page.screenshot({ path: join(OUTPUT, 'real-engine-answer.png'), animations: 'disabled' });
    await page.keyboard.press('Escape');
  });

  it('sends the history with a follow-up, and the server rewrites it into a standalone question', async () => {
    const exchanges: Array<{
      request: { question: string; history?: Array<{ role: string; content: string }> };
      events: ReturnType<typeof parseSse>;
    }> = [];
    // Passes the request through unchanged, keeping a copy of both sides.
    await page.route('**/api/chat', async (route) => {
      const response = await route.fetch();
      const body = await response.text();
      exchanges.push({ request: route.request().postDataJSON(), events: parseSse(body) });
      await route.fulfill({ response, body });
    });
    try {
      const answer = await askAndWait(FOLLOW_UP_QUESTION);
      expect(exchanges).toHaveLength(1);
      const [{ request, events }] = exchanges as [(typeof exchanges)[number]];
      expect(request.question).toBe(FOLLOW_UP_QUESTION);
      expect(request.history).toHaveLength(2);
      expect(request.history![0]).toEqual({ role: 'user', content: VENUE_QUESTION });
      expect(request.history![1]!.role).toBe('assistant');
      expect(request.history![1]!.content).toContain('경주');

      const done = events.find((event) => event.event === 'done')!.data as ChatResponse;
      expect(done.question).not.toBe(FOLLOW_UP_QUESTION);
      expect(done.question).toContain('이홍락');
      expect(done.refused).toBe(false);
      expect(done.citations.every((citation) => citation.articleId === SEED_ARTICLE_ID)).toBe(true);
      const tokens = events.filter((event) => event.event === 'token').map((event) => (event.data as { text: string }).text);
      expect(tokens.join('')).toBe(done.answer);
      expect(await answer.getByTestId('citation').count()).toBe(done.citations.length);
    } finally {
      await page.unroute('**/api/chat');
    }
  });

  it('marks a question the articles cannot answer as a refusal', async () => {
    const answer = await askAndWait(OFF_TOPIC_QUESTION);
    expect(await answer.getAttribute('class')).toContain('refused');
    expect(await answer.textContent()).toContain('기사에서 답을 찾지 못했습니다');
    expect(await answer.getByTestId('citation').count()).toBe(0);
    expect(await answer.locator('.source-list').count()).toBe(0);
    await page.screenshot({ path: join(OUTPUT, 'real-engine-refusal.png'), animations: 'disabled' });
  });

  it('shows the hostile article as literal text and runs none of it', async () => {
    const answer = await askAndWait(HOSTILE_QUESTION);
    expect(await answer.getAttribute('class')).not.toContain('refused');
    await expect.poll(text(answer)).toContain(SCRIPT_TAG);
    expect(await answer.textContent()).toContain(IMG_TAG);

    const quote = await revealQuote(answer, (value) => value.includes(SCRIPT_TAG));
    expect(quote).toContain(IMG_TAG);
    expect((await served.engine.getArticle(HOSTILE_ID))!.text).toContain(quote);
    const panel = page.locator('#sources-panel');
    expect(await panel.textContent()).toContain('가온시, 시청 누리집 보안 점검 결과 공개');
    expect(await panel.locator('.passage').textContent()).toContain(`${SCRIPT_TAG} 같은 문자열이나 ${IMG_TAG}`);

    const injected = await page.evaluate(() => ({
      flag: (window as unknown as { __pwned?: unknown }).__pwned,
      elements: document.querySelectorAll('#conversation img, #conversation script, #sources-panel img, #sources-panel script').length,
    }));
    expect(injected).toEqual({ flag: undefined, elements: 0 });
    await page.screenshot({ path: join(OUTPUT, 'real-engine-hostile-source.png'), animations: 'disabled' });
  });
});
