// The chat page in a real Chromium against the real app serving the fake engine.
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';

import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { CHROMIUM, launchChromium } from '../support/chromium.js';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  FESTIVAL_ARTICLE,
  FESTIVAL_DATE_SENTENCE,
  FESTIVAL_SHUTTLE_SENTENCE,
  SCRIPT_ARTICLE,
  SCRIPT_SENTENCE,
  startFakeServer,
  type FakeServer,
} from '../support/fake-engine.js';

const OUTPUT = 'test-output';
const available = existsSync(CHROMIUM);
const skip = !available && !process.env.CI;
if (skip) console.warn(`Skipping browser tests: ${CHROMIUM} not found (apt-get install -y chromium fonts-nanum). In CI they always run.`);

const NOT_READY = '색인을 준비하는 중입니다. 잠시 후 다시 시도해 주세요.';

describe.skipIf(skip)('chat page in a real browser', () => {
  let server: FakeServer;
  let profile: string;
  let context: BrowserContext;
  let page: Page;
  let pageErrors: Error[];

  beforeAll(async () => {
    await mkdir(OUTPUT, { recursive: true });
    server = await startFakeServer();
    ({ context, profile } = await launchChromium());
  });

  afterAll(async () => {
    await context?.close();
    await server?.close();
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  beforeEach(async () => {
    server.engine.behavior = 'answer';
    server.engine.gate = undefined;
    server.ready = true;
    page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 860 });
    pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error));
    await page.goto(server.url);
  });

  afterEach(async () => {
    await page.close();
    expect(pageErrors).toEqual([]);
  });

  const input = (): ReturnType<Page['getByTestId']> => page.getByTestId('question-input');
  const answers = (): ReturnType<Page['getByTestId']> => page.getByTestId('message-assistant');
  const text = (locator: ReturnType<Page['getByTestId']>) => () => locator.textContent();

  async function ask(question: string): Promise<void> {
    await input().fill(question);
    await input().press('Enter');
  }

  /** Asks and waits until the answer has been re-rendered with its citations (or as a refusal). */
  async function askAndWait(question: string): Promise<ReturnType<Page['getByTestId']>> {
    const before = await answers().count();
    await ask(question);
    const answer = answers().nth(before);
    await expect.poll(() => answer.getAttribute('aria-busy')).toBe('false');
    return answer;
  }

  it('streams an answer, then shows the quoted sentence inside its passage', async () => {
    await expect.poll(() => page.title()).toBe('뉴스 기사 Q&A');
    const release = server.engine.hold();
    await ask('봄꽃 축제는 언제 열려?');

    // Mid-stream: the tokens are on screen, the citations are not yet, and sending is locked.
    const answer = answers().first();
    await expect.poll(text(answer)).toContain(FESTIVAL_DATE_SENTENCE);
    expect(await page.getByTestId('citation').count()).toBe(0);
    expect(await page.getByTestId('send-button').isDisabled()).toBe(true);
    expect(await input().inputValue()).toBe('');
    await page.screenshot({ path: join(OUTPUT, 'chat-desktop-streaming.png'), animations: 'disabled' });

    release();
    const citation = answer.getByTestId('citation');
    await citation.first().waitFor();
    expect(await citation.count()).toBe(1);
    expect(await answers().count()).toBe(1);
    await input().fill('다음 질문');
    expect(await page.getByTestId('send-button').isDisabled()).toBe(false);

    await citation.first().click();
    const quote = page.getByTestId('source-quote');
    await expect.poll(text(quote)).toBe(FESTIVAL_DATE_SENTENCE);
    expect(await quote.evaluate((node) => node.tagName)).toBe('MARK');
    const passage = await page.locator('.passage').textContent();
    expect(passage).toContain('보행자 전용으로 운영된다.');
    const panel = page.locator('#sources-panel');
    expect(await panel.textContent()).toContain(FESTIVAL_ARTICLE.title);
    expect(await panel.textContent()).toContain('2025-03-20 · 한빛일보');
    const link = panel.locator('a.source-link');
    expect(await link.getAttribute('href')).toBe(FESTIVAL_ARTICLE.url);
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await answer.locator('.source-list').textContent()).toContain(FESTIVAL_ARTICLE.title);
    await page.screenshot({ path: join(OUTPUT, 'chat-desktop.png'), animations: 'disabled' });
  });

  it('sends the history with a follow-up', async () => {
    const first = await askAndWait('봄꽃 축제는 언제 열려?');
    const firstAnswer = `${FESTIVAL_DATE_SENTENCE} [1]`;
    expect(await first.getByTestId('citation').count()).toBe(1);

    const second = await askAndWait('셔틀버스도 다녀?');
    expect(server.engine.lastRequest?.question).toBe('셔틀버스도 다녀?');
    expect(server.engine.lastRequest?.history).toEqual([
      { role: 'user', content: '봄꽃 축제는 언제 열려?' },
      { role: 'assistant', content: firstAnswer },
    ]);
    expect(await second.textContent()).toContain(FESTIVAL_SHUTTLE_SENTENCE);
    expect(await answers().count()).toBe(2);
  });

  it('shows example questions made from the corpus’s newest titles', async () => {
    await expect.poll(() => page.locator('.example').count()).toBeGreaterThan(0);
    expect(await page.locator('.example').first().textContent()).toMatch(/^“.+” 기사의 요점은 무엇인가요\?$/);
  });

  it('marks a refusal with its own look', async () => {
    const answer = await askAndWait('화성 탐사선은 언제 발사돼?');
    expect(await answer.getAttribute('class')).toContain('refused');
    expect(await answer.textContent()).toContain('기사에서 답을 찾지 못했습니다');
    expect(await answer.getByTestId('citation').count()).toBe(0);
    expect(await answer.locator('.source-list').count()).toBe(0);
  });

  it('renders markup in articles and answers as text, and runs none of it', async () => {
    const answer = await askAndWait('보안 점검 결과는?');
    expect(await answer.textContent()).toContain(SCRIPT_SENTENCE);
    await answer.getByTestId('citation').first().click();
    const quote = page.getByTestId('source-quote');
    await expect.poll(text(quote)).toBe(SCRIPT_SENTENCE);

    const panel = page.locator('#sources-panel');
    expect(await panel.textContent()).toContain(SCRIPT_ARTICLE.title);
    expect(await panel.textContent()).toContain('<b>보안</b>신문');
    // A javascript: URL never becomes a link.
    expect(await panel.locator('a').count()).toBe(0);
    const injected = await page.evaluate(() => ({
      flag: (window as unknown as { __xss?: unknown }).__xss,
      elements: document.querySelectorAll(
        '#conversation img, #conversation script, #conversation b, #sources-panel img, #sources-panel script, #sources-panel b',
      ).length,
    }));
    expect(injected).toEqual({ flag: undefined, elements: 0 });
  });

  it('shows the Korean not-ready message when the index is loading', async () => {
    server.ready = false;
    await ask('봄꽃 축제는 언제 열려?');
    const answer = answers().first();
    await expect.poll(text(answer)).toContain(NOT_READY);
    expect(await page.getByRole('alert').textContent()).toContain(NOT_READY);
  });

  it('shows a failed stream as an error and retries it', async () => {
    server.engine.behavior = 'upstream';
    await ask('봄꽃 축제는 언제 열려?');
    await expect.poll(text(answers().first())).toContain('언어 모델 서버에서 답을 받지 못했습니다');
    server.engine.behavior = 'answer';
    await page.getByRole('button', { name: '다시 시도' }).click();
    await page.getByTestId('citation').first().waitFor();
    expect(await answers().count()).toBe(1);
    expect(await page.getByTestId('message-user').count()).toBe(1);
  });

  it('works from the keyboard alone', async () => {
    await input().focus();
    await page.keyboard.type('봄꽃 축제는');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('언제 열려?');
    expect(await input().inputValue()).toBe('봄꽃 축제는\n언제 열려?');
    await page.keyboard.press('Enter');
    const citation = page.getByTestId('citation').first();
    await citation.waitFor();
    expect(server.engine.lastRequest?.question).toBe('봄꽃 축제는\n언제 열려?');

    await citation.focus();
    await page.screenshot({ path: join(OUTPUT, 'chat-desktop-keyboard-focus.png'), animations: 'disabled' });
    await page.keyboard.press('Enter');
    await page.getByTestId('source-quote').waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('panel-title');
    await page.keyboard.press('Escape');
    await page.locator('#sources-panel').waitFor({ state: 'hidden' });
    expect(await citation.evaluate((node) => node === document.activeElement)).toBe(true);
  });

  it('fits a 360px phone screen', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.screenshot({ path: join(OUTPUT, 'chat-phone-welcome.png'), animations: 'disabled' });
    await askAndWait('내일 날씨는 어때?');
    await askAndWait('봄꽃 축제는 언제 열려?');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(OUTPUT, 'chat-phone.png'), animations: 'disabled' });
    await page.getByTestId('citation').first().click();
    await expect.poll(text(page.getByTestId('source-quote'))).toBe(FESTIVAL_DATE_SENTENCE);
    expect(await page.getByTestId('source-quote').isVisible()).toBe(true);
    await page.screenshot({ path: join(OUTPUT, 'chat-phone-source.png'), animations: 'disabled' });
  });

  it('looks right on a desktop with several kinds of answers', async () => {
    await page.screenshot({ path: join(OUTPUT, 'chat-desktop-welcome.png'), animations: 'disabled' });
    await askAndWait('봄꽃 축제는 언제 열려?');
    await askAndWait('셔틀버스도 다녀?');
    await askAndWait('내일 날씨는 어때?');
    server.engine.behavior = 'timeout';
    await askAndWait('봄꽃 축제 공연은 언제야?');
    await page.screenshot({ path: join(OUTPUT, 'chat-desktop-states.png'), animations: 'disabled' });
  });

  it('asks for the API key when the server requires one, then answers with it', async () => {
    const locked = await startFakeServer({ config: { apiKey: 'page-test-key' } });
    try {
      await page.goto(locked.url);
      await ask('봄꽃 축제는 언제 열려?');
      const keyInput = page.getByTestId('api-key-input');
      await keyInput.waitFor();
      expect(await answers().last().textContent()).toContain('API 키');
      await keyInput.fill('page-test-key');
      await keyInput.press('Enter');
      const answer = answers().last();
      await expect.poll(() => answer.getAttribute('aria-busy')).toBe('false');
      await expect.poll(text(answer)).toContain(FESTIVAL_DATE_SENTENCE);
      // The key is kept for the session: the source panel's article request carries it too.
      await page.getByTestId('citation').first().click();
      await expect.poll(text(page.getByTestId('source-quote'))).toBe(FESTIVAL_DATE_SENTENCE);
    } finally {
      await locked.close();
    }
  });
});
