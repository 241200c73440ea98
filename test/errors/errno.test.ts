import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { errnoCode } from '../../src/errors/app-error.js';

describe('errnoCode', () => {
  it('reads the code of a failed file-system call', async () => {
    const error: unknown = await readFile('/nonexistent/평가/세트.jsonl').catch((failure: unknown) => failure);
    expect(errnoCode(error)).toBe('ENOENT');
  });

  it.each([
    [new Error('기준선 파일 형식 오류'), undefined],
    [Object.assign(new Error('숫자 코드'), { code: 2 }), undefined],
    [{ code: 'ENOENT' }, undefined],
    ['ENOENT', undefined],
    [undefined, undefined],
  ])('%j → %s', (error, expected) => {
    expect(errnoCode(error)).toBe(expected);
  });
});
