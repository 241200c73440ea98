import { describe, expect, it } from 'vitest';
import { readDate, readHangulQuantity, readMagnitudeNumber } from '../../src/text/quantity-read.js';

describe('quantity readers', () => {
  it.each<[string, number | undefined, number]>([
    ['1,200억 원', 1200e8, 6],
    ['1조 4천억 원', 1.4e12, 6],
    ['36만 905명', 360905, 7],
    ['7만 2천', 72000, 5],
    ['3.5배', 3.5, 3],
    // "만에" is "after", not ten thousand.
    ['3만에', 3, 1],
  ])('readMagnitudeNumber(%s) → %d ending at %i', (text, value, end) => {
    expect(readMagnitudeNumber(text, 0)).toEqual({ value, end });
  });

  it.each<[string, ReturnType<typeof readDate>]>([
    ['1989년 4월 발표', { date: { year: 1989, month: 4 }, end: 8 }],
    ['10월 5일에', { date: { month: 10, day: 5 }, end: 6 }],
    ['2025. 8. 30. 기준', { date: { year: 2025, month: 8, day: 30 }, end: 12 }],
    ['1990년대', undefined],
    ['13월', undefined],
    ['18일', undefined],
  ])('readDate(%s)', (text, read) => {
    expect(readDate(text, 0)).toEqual(read);
  });

  it.each<[string, ReturnType<typeof readHangulQuantity>]>([
    ['사흘 동안', { value: 3, unit: '일', end: 2 }],
    ['수천 명이', { value: 1000, unit: '명', end: 4, approx: 'about' }],
    ['넉 달', { value: 4, unit: '개월', end: 3 }],
    // A native numeral before a word that is no counter is not a number.
    ['두 장관', undefined],
  ])('readHangulQuantity(%s)', (text, read) => {
    expect(readHangulQuantity(text, 0)).toEqual(read);
  });
});
