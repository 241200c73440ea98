import { describe, expect, it } from 'vitest';
import { draftOf, isRecord, optionalDate } from '../../src/corpus/fields.js';

describe('optionalDate', () => {
  it.each([
    [undefined, { ok: true, value: undefined }],
    [null, { ok: true, value: undefined }],
    ['', { ok: true, value: undefined }],
    ['   ', { ok: true, value: undefined }],
    ['2025-10-30', { ok: true, value: '2025-10-30' }],
    [' 2025-10-30T09:00:00+09:00 ', { ok: true, value: '2025-10-30' }],
    ['2025-02-30', { ok: false, reason: '잘못된 날짜: "2025-02-30" (YYYY-MM-DD 형식이어야 함)' }],
    ['10월 30일', { ok: false, reason: '잘못된 날짜: "10월 30일" (YYYY-MM-DD 형식이어야 함)' }],
  ])('%j → %j', (value, outcome) => {
    expect(optionalDate(value)).toEqual(outcome);
  });
});

describe('draftOf', () => {
  it('cleans the fields both structured formats share', () => {
    const outcome = draftOf(
      { id: 12, title: '한국은행 기준금리 동결', source: '  연합\n뉴스 ', url: 'javascript:alert(1)', tags: '경제, 금리,경제, ', text: '본문' },
      { ok: true, value: '2025-10-30' },
    );
    expect(outcome).toEqual({
      ok: true,
      value: { id: '12', title: '한국은행 기준금리 동결', date: '2025-10-30', source: '연합 뉴스', url: undefined, tags: ['경제', '금리'], text: '본문' },
    });
  });

  it('passes a date failure on unchanged', () => {
    expect(draftOf({ title: '제목', text: '본문' }, { ok: false, reason: '잘못된 날짜' })).toEqual({ ok: false, reason: '잘못된 날짜' });
  });

  it.each([
    [null, undefined],
    ['', undefined],
    ['  ', undefined],
    ['서울신문', '서울신문'],
  ])('source %j → %j', (source, expected) => {
    const outcome = draftOf({ title: '제목', source, text: '본문' }, { ok: true, value: undefined });
    expect(outcome.ok && outcome.value.source).toBe(expected);
  });
});

describe('isRecord', () => {
  it.each([
    [{ title: '제목' }, true],
    [{}, true],
    [new Error('오류'), true],
    [['제목'], false],
    [null, false],
    ['제목', false],
    [3, false],
  ])('%j → %s', (value, expected) => {
    expect(isRecord(value)).toBe(expected);
  });
});
