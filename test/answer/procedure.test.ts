import { describe, expect, it } from 'vitest';
import type { Hit } from '../../src/domain/types.js';
import { rankSentences, selectSentences, type Lexicon } from '../../src/answer/extractive.js';
import { leadInWithSteps, procedureSteps } from '../../src/answer/procedure.js';

const lexicon: Lexicon = { documentCount: 20, documentFrequency: () => 2 };

const page = (id: string, title: string, text: string): Hit => ({
  chunk: { id: `${id}#0`, articleId: id, index: 0, start: 0, end: text.length, text },
  article: { id, title, origin: id },
  score: 1,
});

const COUPON = page(
  'coupon',
  '쿠폰 사용하기',
  [
    '쿠폰을 쓰면 주문 금액을 할인받을 수 있습니다.',
    '',
    '## 쿠폰 등록하기',
    '1. [마이페이지] > [쿠폰함]으로 이동합니다.',
    '2. 화면 위쪽의 [쿠폰 등록]을 누릅니다.',
    '3. 쿠폰 코드 12자리를 입력하고 [등록]을 누릅니다.',
    '',
    '쿠폰함에는 쿠폰을 최대 30장까지 보관할 수 있습니다.',
  ].join('\n'),
);

const texts = (sentences: { text: string }[]) => sentences.map((sentence) => sentence.text);

describe('procedureSteps', () => {
  const candidates = rankSentences('쿠폰 코드 어디에 넣어?', [COUPON], lexicon);
  const step = (text: string) => candidates.find((candidate) => candidate.text.startsWith(text))!;

  it('quotes a step with its whole procedure, in order', () => {
    expect(texts(procedureSteps(step('쿠폰 코드 12자리'), candidates, 400)!)).toEqual([
      '[마이페이지] > [쿠폰함]으로 이동합니다.',
      '화면 위쪽의 [쿠폰 등록]을 누릅니다.',
      '쿠폰 코드 12자리를 입력하고 [등록]을 누릅니다.',
    ]);
  });

  it('keeps the steps up to the chosen one when the whole list is too long, and none when even those are', () => {
    expect(texts(procedureSteps(step('화면 위쪽'), candidates, 60)!)).toEqual([
      '[마이페이지] > [쿠폰함]으로 이동합니다.',
      '화면 위쪽의 [쿠폰 등록]을 누릅니다.',
    ]);
    expect(procedureSteps(step('쿠폰 코드 12자리'), candidates, 40)).toBeUndefined();
  });

  it('finds no procedure for a sentence outside a numbered list', () => {
    expect(procedureSteps(step('쿠폰함에는'), candidates, 400)).toBeUndefined();
  });

  it('reads steps a blank line apart (a loose Markdown list)', () => {
    const html = page('notes', '메모', '메모를 추가하려면\n\n1. 보기 - 메모를 선택합니다.\n\n2. 메모 칸에 내용을 입력합니다.');
    const ranked = rankSentences('메모 어떻게 넣어?', [html], lexicon);
    const second = ranked.find((candidate) => candidate.text.startsWith('메모 칸'))!;
    expect(texts(procedureSteps(second, ranked, 400)!)).toEqual(['보기 - 메모를 선택합니다.', '메모 칸에 내용을 입력합니다.']);
  });

  it('needs the list to start at step 1 within the passage', () => {
    const cut = page('cut', '쿠폰', '3. 쿠폰 코드를 입력합니다.\n4. [등록]을 누릅니다.');
    const ranked = rankSentences('쿠폰 등록 어떻게 해?', [cut], lexicon);
    expect(
      procedureSteps(
        ranked.find((candidate) => candidate.text.startsWith('[등록]'))!,
        ranked,
        400,
      ),
    ).toBeUndefined();
  });
});

describe('a how-to question on a help page', () => {
  it('is answered with the procedure, a question of another kind with its sentences', () => {
    const how = '쿠폰 코드 받았는데 어디다 넣어요?';
    expect(texts(selectSentences(how, rankSentences(how, [COUPON], lexicon), lexicon))[0]).toBe('[마이페이지] > [쿠폰함]으로 이동합니다.');
    const limit = '쿠폰은 몇 장까지 보관돼?';
    expect(texts(selectSentences(limit, rankSentences(limit, [COUPON], lexicon), lexicon))[0]).toContain('최대 30장');
  });
});

describe('leadInWithSteps', () => {
  const PICKUP = page(
    'pickup',
    '택배 찾기',
    [
      '가족이나 지인이 대신 택배를 찾게 하려면 인증번호를 공유하면 됩니다.',
      '',
      '1. [내 택배] > [보관 중]에서 택배를 선택합니다.',
      '2. [대리 수령 공유]를 누르고 받을 사람의 휴대폰 번호를 입력합니다.',
      '',
      '택배 1건당 최대 2명까지 공유할 수 있습니다. 공유는 보관 기간 안에만 됩니다.',
    ].join('\n'),
  );
  const question = '엄마가 대신 택배 꺼내가게 하려면 어떻게 해요?';
  const candidates = rankSentences(question, [PICKUP], lexicon);
  const sentence = (text: string) => candidates.find((candidate) => candidate.text.startsWith(text))!;

  it('quotes a lead-in with the numbered steps right after it', () => {
    expect(texts(leadInWithSteps(sentence('가족이나 지인이'), candidates, 400)!)).toEqual([
      '가족이나 지인이 대신 택배를 찾게 하려면 인증번호를 공유하면 됩니다.',
      '[내 택배] > [보관 중]에서 택배를 선택합니다.',
      '[대리 수령 공유]를 누르고 받을 사람의 휴대폰 번호를 입력합니다.',
    ]);
  });

  it('is no lead-in when the paragraph goes on after it or no list follows', () => {
    expect(leadInWithSteps(sentence('택배 1건당'), candidates, 400)).toBeUndefined();
    expect(leadInWithSteps(sentence('공유는 보관'), candidates, 400)).toBeUndefined();
  });

  it('answers a how question on a help page with the lead-in and its steps', () => {
    const chosen = selectSentences(question, candidates, lexicon);
    expect(texts(chosen)[0]).toBe('가족이나 지인이 대신 택배를 찾게 하려면 인증번호를 공유하면 됩니다.');
    expect(texts(chosen)).toContain('[대리 수령 공유]를 누르고 받을 사람의 휴대폰 번호를 입력합니다.');
  });
});
