// A two-turn conversation in a real Chromium against the REAL engine on the seed corpus: the
// follow-up "그 행사는 어디서 열렸어?" names nothing, so it must be resolved from the first turn
// (the question and the answer the page keeps in its history) before it can find the venue.
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';

import type { BrowserContext, Locator, Page } from 'playwright-core';
import { CHROMIUM, launchChromium } from '../support/chromium.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatResponse } from '../../src/domain/types.js';
import { parseSse } from '../support/fake-engine.js';
import { buildIndex, configFor, makeTempCorpus, serveRealEngine, type ServedEngine, type TempCorpus } from '../support/real-engine.js';

const available = existsSync(CHROMIUM);
const skip = !available && !process.env.CI;
if (skip)
  console.warn(
    `Skipping the follow-up browser test: ${CHROMIUM} not found (apt-get install -y chromium fonts-nanum). In CI it always runs.`,
  );

const FIRST_QUESTION = 'LG AI연구원이 발표한 목표는 뭐야?';
const FOLLOW_UP = '그 행사는 어디서 열렸어?';

/** The answer up to its first citation marker: the first quoted sentence. */
function firstSentence(answer: string): string {
  const marker = answer.search(/\[\d+\]/);
  return marker < 0 ? answer : answer.slice(0, marker);
}

const squeeze = (text: string) => text.replace(/\s+/g, '');

describe.skipIf(skip)('a follow-up in the chat page on the real engine', () => {
  let corpus: TempCorpus;
  let served: ServedEngine;
  let profile: string;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: Error[] = [];

  beforeAll(async () => {
    corpus = await makeTempCorpus('followup-e2e');
    const config = configFor(corpus);
    await buildIndex(config);
    served = await serveRealEngine(config);
    ({ context, profile } = await launchChromium());
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error));
    await page.goto(served.url);
  });

  afterAll(async () => {
    await context?.close();
    await served?.close();
    await corpus?.remove();
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  const answers = (): Locator => page.getByTestId('message-assistant');

  /** Asks through the page; returns the request the page sent and the server's final response. */
  async function ask(
    question: string,
  ): Promise<{ request: { question: string; history?: Array<{ role: string; content: string }> }; done: ChatResponse; element: Locator }> {
    const exchanges: Array<{ request: { question: string; history?: Array<{ role: string; content: string }> }; body: string }> = [];
    await page.route('**/api/chat', async (route) => {
      const response = await route.fetch();
      const body = await response.text();
      exchanges.push({ request: route.request().postDataJSON(), body });
      await route.fulfill({ response, body });
    });
    try {
      const before = await answers().count();
      await page.getByTestId('question-input').fill(question);
      await page.getByTestId('question-input').press('Enter');
      const element = answers().nth(before);
      await expect.poll(() => element.getAttribute('aria-busy')).toBe('false');
      expect(exchanges).toHaveLength(1);
      const [{ request, body }] = exchanges as [(typeof exchanges)[number]];
      const done = parseSse(body).find((event) => event.event === 'done')!.data as ChatResponse;
      return { request, done, element };
    } finally {
      await page.unroute('**/api/chat');
    }
  }

  it('answers "그 행사는 어디서 열렸어?" with the venue of the event named in the first answer', async () => {
    const first = await ask(FIRST_QUESTION);
    expect(first.done.refused).toBe(false);

    const second = await ask(FOLLOW_UP);
    // The page sends the whole first turn, and the server resolves the follow-up from it.
    expect(second.request.history).toEqual([
      { role: 'user', content: FIRST_QUESTION },
      { role: 'assistant', content: first.done.answer },
    ]);
    expect(second.done.question).not.toBe(FOLLOW_UP);
    expect(second.done.refused).toBe(false);
    const sentence = squeeze(firstSentence(second.done.answer));
    expect(sentence, `rewritten to "${second.done.question}", answered "${second.done.answer}"`).toContain('경주');
    expect(sentence).toContain('예술의전당');
    // What the user sees is that answer.
    expect(squeeze((await second.element.textContent()) ?? '')).toContain(sentence);
    expect(pageErrors).toEqual([]);
  });
});
