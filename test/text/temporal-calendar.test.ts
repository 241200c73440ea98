import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysIn, monthRange, parseIso, parseRange, quarterRange } from '../../src/text/temporal-calendar.js';

describe('temporal calendar', () => {
  it.each<[number, number, number]>([
    [2024, 2, 29],
    [2025, 2, 28],
    [1900, 2, 28],
    [2000, 2, 29],
    [2025, 4, 30],
    [2025, 12, 31],
  ])('%i년 %i월 has %i days', (year, month, days) => {
    expect(daysIn(year, month)).toBe(days);
  });

  it.each<[string | undefined, ReturnType<typeof parseIso>]>([
    ['2025-07-15', { y: 2025, m: 7, d: 15 }],
    ['2024-02-29', { y: 2024, m: 2, d: 29 }],
    ['2025-02-29', undefined],
    ['2025-13-01', undefined],
    ['2025-7-15', undefined],
    [undefined, undefined],
  ])('parseIso(%s)', (value, date) => {
    expect(parseIso(value)).toEqual(date);
  });

  it.each<[number, number, number, { y: number; m: number }]>([
    [2025, 1, -1, { y: 2024, m: 12 }],
    [2025, 12, 1, { y: 2026, m: 1 }],
    [2025, 7, -19, { y: 2023, m: 12 }],
  ])('%i-%i plus %i months', (year, month, months, expected) => {
    expect(addMonths(year, month, months)).toEqual(expected);
  });

  it('steps over month and year ends by day', () => {
    expect(addDays({ y: 2024, m: 2, d: 28 }, 1)).toEqual({ y: 2024, m: 2, d: 29 });
    expect(addDays({ y: 2025, m: 1, d: 1 }, -1)).toEqual({ y: 2024, m: 12, d: 31 });
  });

  it('clamps a month range to the days the month has ("이달 말" in February)', () => {
    expect(monthRange(2025, 2, 21, 31)).toEqual({ from: '2025-02-21', to: '2025-02-28' });
    expect(quarterRange(2025, 2)).toEqual({ from: '2025-04-01', to: '2025-06-30' });
  });

  it('refuses a reversed or malformed range', () => {
    expect(() => parseRange({ from: '2025-07-02', to: '2025-07-01' })).toThrow(RangeError);
    expect(() => parseRange({ from: '2025-07-01', to: '7월' })).toThrow(RangeError);
  });
});
