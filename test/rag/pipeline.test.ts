// The RAG pipeline on fakes: a retriever and an answerer that record their calls.
import { describe, expect, it } from 'vitest';
import type { AnswerEvent, AnswerInput, AnswerResult, Answerer } from '../../src/answer/answerer.js';
import type { ChatTurn, Hit, SearchOptions } from '../../src/domain/types.js';
import { createPipeline, type PipelineDeps } from '../../src/rag/create-pipeline.js';
import type { ChatEvent } from '../../src/rag/pipeline.js';
import { rewriteFollowUp } from '../../src/rag/follow-up/word-rewrite.js';
import type { Retriever } from '../../src/retrieve/retriever.js';
import { HITS, LAB } from '../answer/fixtures.js';

const LAB_SENTENCE = '연구소는 내년 3월 문을 열며 연구원 300명이 일하게 된다.';
const COST_SENTENCE = '투자 규모는 1,200억 원이다.';

const RESULT: AnswerResult = {
  answer: `${LAB_SENTENCE} [1] ${COST_SENTENCE} [2]`,
  citations: [
    { n: 1, articleId: LAB.id, title: LAB.title, date: LAB.date, chunkId: `${LAB.id}#0`, quote: LAB_SENTENCE },
    { n: 2, articleId: LAB.id, title: LAB.title, date: LAB.date, chunkId: `${LAB.id}#0`, quote: COST_SENTENCE },
  ],
  refused: false,
  mode: 'extractive',
};
const TOKENS = [`${LAB_SENTENCE} [1] `, `${COST_SENTENCE} [2]`];

function recordingRetriever(hits: Hit[] = HITS) {
  const calls: Array<{ query: string; options: SearchOptions }> = [];
  const retriever: Retriever = {
    async search(query, options) {
      calls.push({ query, options });
      return hits;
    },
  };
  return { retriever, calls };
}

function recordingAnswerer(result: AnswerResult = RESULT, tokens: string[] = TOKENS) {
  const calls: AnswerInput[] = [];
  const answerer: Answerer = {
    mode: result.mode,
    async *answer(input): AsyncIterable<AnswerEvent> {
      calls.push(input);
      for (const text of tokens) yield { type: 'token', text };
      yield { type: 'result', result };
    },
  };
  return { answerer, calls };
}

function setup(deps: Partial<PipelineDeps> = {}) {
  const retriever = recordingRetriever();
  const answerer = recordingAnswerer();
  const pipeline = createPipeline({ retriever: retriever.retriever, answerer: answerer.answerer, ...deps });
  return { pipeline, searches: retriever.calls, answers: answerer.calls };
}

async function collect(events: AsyncIterable<ChatEvent>): Promise<ChatEvent[]> {
  const out: ChatEvent[] = [];
  for await (const event of events) out.push(event);
  return out;
}

const FESTIVAL_HISTORY: ChatTurn[] = [
  { role: 'user', content: '푸른강 축제는 언제 열려?' },
  { role: 'assistant', content: '제7회 푸른강 축제가 10월 11일부터 사흘 동안 열린다. [1]' },
];
const FOLLOW_UP = '그 행사는 어디서 열렸어?';

describe('createPipeline', () => {
  it('answers with the contract’s response shape', async () => {
    const { pipeline } = setup();
    const response = await pipeline.ask({ question: '  한빛전자 연구소는 언제 문을 열어?  ' });
    expect(Object.keys(response).sort()).toEqual(['answer', 'citations', 'mode', 'question', 'refused', 'timings']);
    expect(response).toMatchObject({
      answer: RESULT.answer,
      citations: RESULT.citations,
      refused: false,
      mode: 'extractive',
      question: '한빛전자 연구소는 언제 문을 열어?',
    });
    expect(Object.keys(response.timings).sort()).toEqual(['generationMs', 'retrievalMs', 'totalMs']);
    for (const value of Object.values(response.timings)) {
      expect(typeof value).toBe('number');
      expect(Number.isFinite(value)).toBe(true);
      expect(value).toBeGreaterThanOrEqual(0);
    }
  });

  it.each<[string, AnswerResult]>([
    ['a refusal', { answer: '제공된 기사에서는 이 질문에 대한 답을 찾을 수 없습니다.', citations: [], refused: true, mode: 'extractive' }],
    ['an LLM answer with grounding', { ...RESULT, mode: 'openai', grounding: { sentences: 3, supported: 2, dropped: 1 } }],
  ])('passes %s through', async (_name, result) => {
    const pipeline = createPipeline({
      retriever: recordingRetriever().retriever,
      answerer: recordingAnswerer(result, [result.answer]).answerer,
    });
    const response = await pipeline.ask({ question: '질문' });
    const { timings: _timings, question: _question, ...rest } = response;
    expect(rest).toEqual(result);
  });

  it('streams tokens, then citations, then done', async () => {
    const { pipeline } = setup();
    const events = await collect(pipeline.askStream({ question: '한빛전자 연구소는 언제 문을 열어?' }));
    expect(events.map((event) => event.type)).toEqual(['token', 'token', 'citations', 'done']);
    const done = events.at(-1)!;
    if (done.type !== 'done') throw new Error('no done event');
    const text = events.flatMap((event) => (event.type === 'token' ? [event.text] : [])).join('');
    expect(text).toBe(done.response.answer);
    expect(events[2]).toEqual({ type: 'citations', citations: done.response.citations });
    expect(await pipeline.ask({ question: '한빛전자 연구소는 언제 문을 열어?' })).toMatchObject({
      answer: done.response.answer,
      citations: done.response.citations,
    });
  });

  it.each<[string, Partial<PipelineDeps>, { topK?: number; filters?: SearchOptions['filters'] }, SearchOptions]>([
    ['the default topK', {}, {}, { k: 5, filters: undefined }],
    ['the pipeline’s defaultTopK', { defaultTopK: 3 }, {}, { k: 3, filters: undefined }],
    ['the request’s topK', { defaultTopK: 3 }, { topK: 12 }, { k: 12, filters: undefined }],
    [
      'the request’s filters',
      {},
      { topK: 2, filters: { dateFrom: '2025-09-01', dateTo: '2025-09-30', source: '테스트일보' } },
      { k: 2, filters: { dateFrom: '2025-09-01', dateTo: '2025-09-30', source: '테스트일보' } },
    ],
  ])('passes %s to the retriever', async (_name, deps, request, expected) => {
    const { pipeline, searches } = setup(deps);
    await pipeline.ask({ question: '한빛전자 연구소', ...request });
    expect(searches).toEqual([{ query: '한빛전자 연구소', options: expected }]);
  });

  it('gives the answerer the question, the retrieved hits and the signal', async () => {
    const { pipeline, answers } = setup();
    const controller = new AbortController();
    await pipeline.ask({ question: '한빛전자 연구소', signal: controller.signal });
    expect(answers).toHaveLength(1);
    expect(answers[0]).toEqual({ question: '한빛전자 연구소', hits: HITS, signal: controller.signal });
  });

  it("searches and answers the question without the user's aside after it, and reports the question asked", async () => {
    const { pipeline, searches, answers } = setup();
    const response = await pipeline.ask({ question: '군도 7호선 언제부터 다시 다닐 수 있어? 출퇴근을 그 길로 해서 궁금함' });
    expect(searches[0]?.query).toBe('군도 7호선 언제부터 다시 다닐 수 있어?');
    expect(answers[0]?.question).toBe('군도 7호선 언제부터 다시 다닐 수 있어?');
    expect(response.question).toBe('군도 7호선 언제부터 다시 다닐 수 있어? 출퇴근을 그 길로 해서 궁금함');
  });

  it('rewrites a follow-up from the conversation, keeping what it asks', async () => {
    const { pipeline, searches, answers } = setup();
    const response = await pipeline.ask({ question: FOLLOW_UP, history: FESTIVAL_HISTORY });
    expect(response.question).not.toBe(FOLLOW_UP);
    expect(response.question).toContain('어디서 열렸어?');
    expect(response.question).toContain('푸른강');
    expect(response.question).toContain('축제');
    expect(searches[0]!.query).toBe(response.question);
    expect(answers[0]!.question).toBe(response.question);
  });

  it("tells the answerer the user's own words when the rewrite carried the last question's before them", async () => {
    const { pipeline, answers } = setup();
    const history: ChatTurn[] = [
      { role: 'user', content: '가람군 청년 월세 지원 조례 통과됐어?' },
      { role: 'assistant', content: '네, 가람군의회가 14일 본회의에서 찬성 7명, 반대 2명으로 조례안을 가결했습니다. [1]' },
    ];
    const response = await pipeline.ask({ question: '반대한 의원들은 왜 반대했대?', history });
    expect(response.question).not.toBe('반대한 의원들은 왜 반대했대?');
    expect(answers[0]!.ownWords).toBe('반대한 의원들은 왜 반대했대?');
    await pipeline.ask({ question: '한빛전자 연구소' });
    expect(answers[1]!.ownWords).toBeUndefined();
  });

  it('leaves a standalone question with history unchanged', async () => {
    const { pipeline, searches } = setup();
    const question = '한빛전자는 세종시에 무엇을 세워?';
    const response = await pipeline.ask({ question, history: FESTIVAL_HISTORY });
    expect(response.question).toBe(question);
    expect(searches[0]!.query).toBe(question);
  });

  it("gives the rewrite and the answer one signal per request: the client's and the model budget's", async () => {
    const rewriteSignals: Array<AbortSignal | undefined> = [];
    const { pipeline, answers } = setup({
      modelTimeoutMs: 30,
      // A hung model: the rewrite waits until the request's budget runs out.
      rewrite: async (_question, _history, signal) => {
        rewriteSignals.push(signal);
        await new Promise((resolve) => signal?.addEventListener('abort', resolve, { once: true }));
        return null;
      },
    });
    const client = new AbortController();
    const response = await pipeline.ask({ question: FOLLOW_UP, history: FESTIVAL_HISTORY, signal: client.signal });
    const signal = answers[0]?.signal;
    expect(rewriteSignals).toEqual([signal]);
    expect(signal).not.toBe(client.signal);
    expect(signal?.reason).toMatchObject({ code: 'UPSTREAM_TIMEOUT', message: 'LLM이 30ms 안에 답하지 않았습니다' });
    expect(client.signal.aborted).toBe(false);
    expect(response.question).toBe(rewriteFollowUp(FOLLOW_UP, FESTIVAL_HISTORY));
  });

  it('passes the client leaving on through the request signal', async () => {
    const { pipeline, answers } = setup({ modelTimeoutMs: 10_000 });
    const client = new AbortController();
    await pipeline.ask({ question: '한빛전자 연구소', signal: client.signal });
    const left = new Error('client disconnected');
    client.abort(left);
    expect(answers[0]?.signal?.reason).toBe(left);
  });

  it('uses the model rewrite when given one', async () => {
    const calls: Array<[string, ChatTurn[], AbortSignal | undefined]> = [];
    const { pipeline, searches } = setup({
      rewrite: async (question, history, signal) => {
        calls.push([question, history, signal]);
        return '  푸른강 축제는 어디서 열렸어?  ';
      },
    });
    const controller = new AbortController();
    const response = await pipeline.ask({ question: FOLLOW_UP, history: FESTIVAL_HISTORY, signal: controller.signal });
    expect(calls).toEqual([[FOLLOW_UP, FESTIVAL_HISTORY, controller.signal]]);
    expect(response.question).toBe('푸른강 축제는 어디서 열렸어?');
    expect(searches[0]!.query).toBe('푸른강 축제는 어디서 열렸어?');
  });

  it.each<[string, () => Promise<string | null>]>([
    ['throws', async () => Promise.reject(new Error('model down'))],
    ['returns null', async () => null],
    ['returns blanks', async () => '   '],
  ])('falls back to the word carry-over when the model rewrite %s', async (_name, rewrite) => {
    const { pipeline, searches } = setup({ rewrite });
    const response = await pipeline.ask({ question: FOLLOW_UP, history: FESTIVAL_HISTORY });
    expect(response.question).toBe(rewriteFollowUp(FOLLOW_UP, FESTIVAL_HISTORY));
    expect(response.question).toContain('푸른강');
    expect(searches[0]!.query).toBe(response.question);
  });

  it('does not call the model rewrite without history', async () => {
    let called = false;
    const { pipeline } = setup({
      rewrite: async () => {
        called = true;
        return '다른 질문';
      },
    });
    const response = await pipeline.ask({ question: FOLLOW_UP, history: [] });
    expect(called).toBe(false);
    expect(response.question).toBe(FOLLOW_UP);
  });

  it('fails when the answerer ends without a result', async () => {
    const answerer: Answerer = {
      mode: 'extractive',
      async *answer(): AsyncIterable<AnswerEvent> {
        yield { type: 'token', text: '반쯤' };
      },
    };
    const pipeline = createPipeline({ retriever: recordingRetriever().retriever, answerer });
    await expect(pipeline.ask({ question: '질문' })).rejects.toThrow(/without a result/);
  });

  it('passes a retriever failure on', async () => {
    const retriever: Retriever = { search: async () => Promise.reject(new Error('index gone')) };
    const pipeline = createPipeline({ retriever, answerer: recordingAnswerer().answerer });
    await expect(pipeline.ask({ question: '질문' })).rejects.toThrow('index gone');
  });
});
