// The model's side of the follow-up rewrite (rag/rewrite.ts): what of a reply is taken as the
// question, and when the word rewrite answers instead.
import { describe, expect, it } from 'vitest';
import { FakeListChatModel } from '@langchain/core/utils/testing';
import type { ChatTurn } from '../../src/domain/types.js';
import { loadPrompts } from '../../src/answer/prompts.js';
import { requestSignal } from '../../src/errors/abort.js';
import { rewriteFollowUp } from '../../src/rag/follow-up/word-rewrite.js';
import { modelRewrite, rewriteQuestion } from '../../src/answer/model-rewrite.js';
import { standaloneQuestion } from '../../src/rag/rewrite.js';

const HISTORY: ChatTurn[] = [
  { role: 'user', content: '푸른강 축제는 언제 열려?' },
  { role: 'assistant', content: '제7회 푸른강 축제가 10월 11일부터 사흘 동안 열린다. [1]' },
];
const FOLLOW_UP = '그 행사는 어디서 열렸어?';
const replying = (reply: string) => () => new FakeListChatModel({ responses: [reply] });

describe('rewriteQuestion reads the model reply', () => {
  it.each<[string, string, string | null]>([
    ['a plain question', '푸른강 축제는 어디서 열렸어?', '푸른강 축제는 어디서 열렸어?'],
    ['a label and quotes', '바꾼 질문: "푸른강 축제는 어디서 열렸어?"', '푸른강 축제는 어디서 열렸어?'],
    [
      'a full-width colon, blank lines, an explanation after',
      '\n\n  독립 질문：푸른강 축제 장소는?\n앞 질문의 행사를 넣었습니다.',
      '푸른강 축제 장소는?',
    ],
    ['Korean corner quotes', '「푸른강 축제는 어디서 열렸어?」', '푸른강 축제는 어디서 열렸어?'],
    ['nothing', '   \n ', null],
    ['only a label', '질문: ""', null],
    ['an answer longer than a question may be', '푸른강 축제는 '.repeat(300), null],
  ])('%s', async (_label, reply, expected) => {
    const prompts = await loadPrompts();
    expect(await rewriteQuestion({ model: replying(reply), prompts, history: HISTORY, question: FOLLOW_UP })).toBe(expected);
  });

  it('asks nothing once the request signal has aborted', async () => {
    let asked = false;
    const model = () => {
      asked = true;
      return new FakeListChatModel({ responses: ['푸른강 축제는 어디서 열렸어?'] });
    };
    const client = new AbortController();
    client.abort(new Error('client disconnected'));
    expect(
      await rewriteQuestion({
        model,
        prompts: await loadPrompts(),
        history: HISTORY,
        question: FOLLOW_UP,
        signal: requestSignal(client.signal, 1_000),
      }),
    ).toBeNull();
    expect(asked).toBe(false);
  });
});

describe('standaloneQuestion', () => {
  const readPrevious = async () => [];

  it('takes the model rewrite when there is one', async () => {
    const model = modelRewrite(replying('푸른강 축제는 어디서 열렸어?'), await loadPrompts());
    expect(await standaloneQuestion({ question: FOLLOW_UP, history: HISTORY }, { model, readPrevious })).toBe(
      '푸른강 축제는 어디서 열렸어?',
    );
  });

  it.each<[string, string]>([
    ['an empty reply', ''],
    ['an overlong reply', '가'.repeat(2_001)],
  ])('falls back to the word rewrite on %s', async (_label, reply) => {
    const model = modelRewrite(replying(reply), await loadPrompts());
    expect(await standaloneQuestion({ question: FOLLOW_UP, history: HISTORY }, { model, readPrevious })).toBe(
      rewriteFollowUp(FOLLOW_UP, HISTORY),
    );
  });

  it('keeps a question without history as it is, trimmed, asking no model', async () => {
    const model = async () => Promise.reject(new Error('not to be called'));
    expect(await standaloneQuestion({ question: `  ${FOLLOW_UP} ` }, { model, readPrevious })).toBe(FOLLOW_UP);
  });
});
