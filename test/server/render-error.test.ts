// One error renderer: our codes keep their status from ErrorCodes, http-errors from the body
// parser and the router map to our codes, anything else is a generic 500.
import { describe, expect, it } from 'vitest';
import { AppError, ErrorCodes, type ErrorCode } from '../../src/errors/app-error.js';
import { MESSAGES, MethodNotAllowedError, renderError } from '../../src/server/errors.js';

/** What body-parser and the router throw. */
const httpError = (status: number, type?: string) => Object.assign(new Error('http error'), { status, type, expose: true });

describe('renderError', () => {
  it.each<[ErrorCode, number]>([
    ['VALIDATION', 400],
    ['NOT_READY', 503],
    ['INDEX_MISSING', 503],
    ['UPSTREAM', 502],
    ['UPSTREAM_TIMEOUT', 504],
  ])('keeps %s with its status %i and message', (code, status) => {
    expect(ErrorCodes[code].httpStatus).toBe(status);
    expect(renderError(new AppError(code, '색인을 준비하는 중입니다.'))).toEqual({
      status,
      code,
      message: '색인을 준비하는 중입니다.',
      unexpected: false,
    });
  });

  it.each<ErrorCode>(['INTERNAL', 'CONFIG', 'INGEST_FAILED'])('hides %s behind a generic 500 and flags it for the log', (code) => {
    expect(renderError(new AppError(code, '설정 오류: PORT'))).toEqual({
      status: 500,
      code: 'INTERNAL',
      message: MESSAGES.internal,
      unexpected: true,
    });
  });

  it.each([
    ['a body that is not JSON', httpError(400, 'entity.parse.failed'), 400, 'VALIDATION', MESSAGES.badJson],
    ['a compressed body', httpError(415, 'encoding.unsupported'), 415, 'UNSUPPORTED_MEDIA_TYPE', MESSAGES.notJson],
    ['a body over the limit', httpError(413, 'entity.too.large'), 413, 'PAYLOAD_TOO_LARGE', MESSAGES.tooLarge],
    ['a 404 from the router', httpError(404), 404, 'NOT_FOUND', MESSAGES.notFound],
    ['a 429', httpError(429), 429, 'RATE_LIMITED', MESSAGES.rateLimited],
    ['a 4xx we have no code for', httpError(418), 400, 'VALIDATION', MESSAGES.validation],
  ])('maps %s to our code', (_name, error, status, code, message) => {
    expect(renderError(error)).toEqual({ status, code, message, unexpected: false });
  });

  it('answers 405 with METHOD_NOT_ALLOWED', () => {
    expect(renderError(new MethodNotAllowedError(['GET', 'HEAD', 'OPTIONS']))).toMatchObject({
      status: 405,
      code: 'METHOD_NOT_ALLOWED',
      message: MESSAGES.methodNotAllowed,
    });
  });

  it.each([
    ['a plain Error', new Error('boom')],
    ['a thrown string', '문자열'],
    ['an http-error with a 5xx status', httpError(502)],
  ])('treats %s as our fault', (_name, error) => {
    expect(renderError(error)).toEqual({ status: 500, code: 'INTERNAL', message: MESSAGES.internal, unexpected: true });
  });
});
