import { describe, expect, it } from 'vitest';
import type { Hit } from '../../src/domain/types.js';
import { rankSentences, selectSentences, type Lexicon } from '../../src/answer/extractive.js';
import { answersPastWithPlan, namesAChoice, namesAskedPlaces, namesAskedRole, statesProposition } from '../../src/answer/proposition.js';

/** Every word in one passage of 30: no word weighs more than another. */
const flat: Lexicon = { documentCount: 30, documentFrequency: () => 1 };

/** A one-passage article; dated, it is a news report. */
const report = (id: string, title: string, text: string, date?: string): Hit => ({
  chunk: { id: `${id}#0`, articleId: id, index: 0, start: 0, end: text.length, text },
  article: { id, title, origin: id, ...(date ? { date } : {}) },
  score: 1,
});

const page = (id: string, text: string): Hit => report(id, '자주 묻는 질문', text);

const FAQ = page('faq', '외국인도 가입할 수 있나요? 외국인등록증을 가진 분은 가입할 수 있습니다.');
const question = '외국인 친구도 바로모바일 가입 돼요?';

/** A corpus of 30 passages, `subject` in `passages` of them and every other word in one. */
const corpus = (subject: string, passages: number): Lexicon => ({
  documentCount: 30,
  documentFrequency: (term) => (term === `w:${subject}` ? passages : 1),
});

describe('statesProposition on a help page', () => {
  const opening = (lexicon: Lexicon) => {
    const candidates = rankSentences(question, [FAQ], lexicon);
    return { candidates, first: candidates.find((candidate) => candidate.text.startsWith('외국인등록증'))! };
  };

  it('does not ask the page to repeat the product the whole corpus is about', () => {
    const lexicon = corpus('바로모바일', 15);
    const { candidates, first } = opening(lexicon);
    expect(statesProposition(question, candidates, first, lexicon)).toBe(true);
  });

  it('still needs a long name the page lacks when few passages use it (another product)', () => {
    const lexicon = corpus('바로모바일', 2);
    const { candidates, first } = opening(lexicon);
    expect(statesProposition(question, candidates, first, lexicon)).toBe(false);
  });

  it('reads Latin letters after a number as its unit, not a name the page must hold (1kg ~ 800g)', () => {
    const basket = page('basket', '냉동 감자튀김은 한 번에 최대 800g까지가 알맞습니다.');
    const asked = '냉동 감자튀김 1kg짜리 한 봉지 다 부어도 되나요?';
    const candidates = rankSentences(asked, [basket], flat);
    expect(statesProposition(asked, candidates, candidates[0]!, flat)).toBe(true);
    const named = '냉동 감자튀김 SK 한 봉지 다 부어도 되나요?';
    const others = rankSentences(named, [basket], flat);
    expect(statesProposition(named, others, others[0]!, flat)).toBe(false);
  });
});

describe('a question that offers a choice', () => {
  const RESCUE = page('rescue', '구조된 밍크고래는 길이 약 6.8m였다. 고래는 먼바다 쪽으로 헤엄쳐 갔다.');
  const FEE = page('fee', '앱 연결은 무료입니다. 클라우드 저장은 유료입니다.');
  const names = (question: string, hit: Hit) => namesAChoice(question, rankSentences(question, [hit], flat));

  it('needs the passages to name one of the choices', () => {
    expect(names('구조된 밍크고래 암컷이야 수컷이야?', RESCUE)).toBe(false);
    expect(names('앱 연결은 유료예요 아니면 무료예요?', FEE)).toBe(true);
  });

  it('is refused when the passages name neither choice', () => {
    const question = '구조된 밍크고래 암컷이야 수컷이야?';
    expect(selectSentences(question, rankSentences(question, [RESCUE], flat), flat)).toEqual([]);
  });

  it('asks nothing of a question that offers no choice', () => {
    expect(names('구조된 밍크고래 길이는 얼마야?', RESCUE)).toBe(true);
    expect(names('그 고래 밍크고래야?', RESCUE)).toBe(true);
  });
});

describe('a question that names a city or county', () => {
  const news = (id: string, text: string, date?: string) => report(id, '의정비 인상 결정', text, date);
  const FEES = news('fees', '청솔시의회는 내년 의정비를 월 420만 원으로 정했다. 인상률은 3.5%다.', '2026-03-02');
  const asks = (question: string, hit: Hit) => {
    const candidates = rankSentences(question, [hit], flat);
    return { candidates, places: namesAskedPlaces(question, candidates, candidates[0]!) };
  };

  it('needs the article to name the asked place', () => {
    expect(asks('청솔시 의정비는 얼마야?', FEES).places).toBe(true);
    expect(asks('옆 동네 해온군은 의정비 얼마 받아?', FEES).places).toBe(false);
    expect(asks('청솔시 말고 해온시는 의정비 얼마야?', FEES).places).toBe(false);
  });

  it('refuses in a dated article that never names the place, however well it tells of its own town', () => {
    const question = '해온군 의정비 인상률은?';
    expect(selectSentences(question, asks(question, FEES).candidates, flat)).toEqual([]);
    expect(selectSentences('청솔시 의정비 인상률은?', asks('청솔시 의정비 인상률은?', FEES).candidates, flat)).not.toEqual([]);
  });

  it('reads common nouns and armies as no place, and asks nothing of undated pages', () => {
    expect(asks('대도시 의정비는 얼마야?', FEES).places).toBe(true);
    expect(asks('연합군 의정비는 얼마야?', FEES).places).toBe(true);
    const page = news('page', FEES.chunk.text);
    expect(asks('해온군 의정비는 얼마야?', page).places).toBe(true);
  });
});

describe('a question whether something happened, of an article that only schedules it', () => {
  const news = (id: string, text: string) => report(id, '한울FC 코리아컵 8강 진출', text, '2026-06-25');
  const SCHEDULED = news('cup', '한울FC는 다음 달 8일 바다솔FC와 4강 진출을 다툰다.');
  const PLAYED = news('cup-result', '한울FC는 8일 바다솔FC를 2-0으로 이기고 4강에 올랐다.');
  /** Whether `question`, opened on the best sentence of `hit`, asks for a past the sentence only plans. */
  const planned = (question: string, hit: Hit) => answersPastWithPlan(question, rankSentences(question, [hit], flat)[0]!);

  it('cannot say it happened from a sentence that says it is yet to come', () => {
    expect(planned('한울FC 8강에서 바다솔FC 이겼어?', SCHEDULED)).toBe(true);
    expect(planned('한울FC 바다솔FC랑 경기 끝났나요?', SCHEDULED)).toBe(true);
    const asked = '한울FC 8강에서 바다솔FC 이겼어?';
    expect(selectSentences(asked, rankSentences(asked, [SCHEDULED], flat), flat)).toEqual([]);
  });

  it('lets a report of the result answer, and a question about the plan ask it', () => {
    expect(planned('한울FC 8강에서 바다솔FC 이겼어?', PLAYED)).toBe(false);
    expect(planned('한울FC 바다솔FC랑 붙어?', SCHEDULED)).toBe(false);
  });
});

describe('a role asked of a person in the news', () => {
  const fire = report(
    'fire',
    '창고 화재',
    '불은 도료 업체 동진화학의 창고에서 시작됐다. 동진화학 직원 박모씨가 화상을 입었다. 송미래 대표는 "피해를 보상하겠다"고 말했다.',
    '2026-09-15',
  );
  const sentence = (start: string) => rankSentences('동진화학 사장이 누구야?', [fire], flat).find((c) => c.text.startsWith(start))!;

  it('is answered by a sentence that names the role, in a related word too (대표 ~ 사장)', () => {
    expect(namesAskedRole('동진화학 사장이 누구야?', sentence('송미래'))).toBe(true);
  });

  it('is not answered by one that names only the company or another person (직원)', () => {
    expect(namesAskedRole('동진화학 사장이 누구야?', sentence('동진화학 직원'))).toBe(false);
    expect(namesAskedRole('동진화학 직원은 몇 명이야?', sentence('동진화학 직원'))).toBe(true);
  });
});
