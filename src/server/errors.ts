// One error renderer for the whole app: AppErrors keep their code and Korean message,
// http-errors from body-parser and the router map to our codes, anything else is a 500
// whose details go to the log only.
import type { NextFunction, Request, Response } from 'express';
import { ErrorCodes, isAppError, type ErrorCode } from '../errors/app-error.js';

export const MESSAGES = {
  badJson: 'JSON 형식이 올바르지 않습니다.',
  tooLarge: '요청 본문이 너무 큽니다. 64 KiB 이하로 보내 주세요.',
  notJson: 'Content-Type: application/json 형식의 UTF-8 JSON 본문만 받습니다.',
  badUtf8: '요청에 올바르지 않은 UTF-8 바이트가 있습니다. 본문과 주소는 UTF-8로 인코딩해 주세요.',
  unauthorized: 'API 키가 없거나 올바르지 않습니다. Authorization: Bearer <키> 헤더를 보내 주세요.',
  adminNeedsKey: '관리 API는 API_KEY를 설정한 서버에서만 쓸 수 있습니다.',
  notFound: '요청한 경로를 찾을 수 없습니다.',
  articleNotFound: '해당 기사를 찾을 수 없습니다.',
  methodNotAllowed: '이 경로에서 허용되지 않는 메서드입니다.',
  rateLimited: '요청이 너무 많습니다. 잠시 후 다시 시도해 주세요.',
  notReady: '색인을 준비하는 중입니다. 잠시 후 다시 시도해 주세요.',
  internal: '서버 내부 오류가 발생했습니다. 잠시 후 다시 시도해 주세요.',
  validation: '요청 값이 올바르지 않습니다.',
} as const;

/** The codes an http-error (body-parser, the router) can map to, by its status. */
// prettier-ignore
const HTTP_ERROR_CODES = [
  'VALIDATION', 'UNAUTHORIZED', 'NOT_FOUND', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE', 'RATE_LIMITED',
] as const;

const MESSAGE_FOR_CODE: Record<(typeof HTTP_ERROR_CODES)[number], string> = {
  VALIDATION: MESSAGES.validation,
  UNAUTHORIZED: MESSAGES.unauthorized,
  NOT_FOUND: MESSAGES.notFound,
  PAYLOAD_TOO_LARGE: MESSAGES.tooLarge,
  UNSUPPORTED_MEDIA_TYPE: MESSAGES.notJson,
  RATE_LIMITED: MESSAGES.rateLimited,
};

interface RenderedError {
  status: number;
  /** An ErrorCode, or METHOD_NOT_ALLOWED (HTTP-only, see methodNotAllowed). */
  code: string;
  message: string;
  /** Our fault: log it with its stack, show the user a generic message. */
  unexpected: boolean;
}

/** An HTTP-only error with an Allow header: 405 belongs to the transport, not the domain. */
export class MethodNotAllowedError extends Error {
  constructor(readonly allow: readonly string[]) {
    super(MESSAGES.methodNotAllowed);
  }
}

/** body-parser, the router and friends throw http-errors: `{ status, type?, expose }`. */
function httpErrorStatus(error: unknown): { status: number; type?: string } | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const status = 'status' in error ? error.status : undefined;
  const value = typeof status === 'number' ? status : 'statusCode' in error ? error.statusCode : undefined;
  if (typeof value !== 'number' || value < 400 || value > 499) return undefined;
  const type = 'type' in error && typeof error.type === 'string' ? error.type : undefined;
  return { status: value, type };
}

/** A rendering of one of our codes, with the status ErrorCodes gives it. */
function rendered(code: ErrorCode, message: string, unexpected = false): RenderedError {
  return { status: ErrorCodes[code].httpStatus, code, message, unexpected };
}

export function renderError(error: unknown): RenderedError {
  if (error instanceof MethodNotAllowedError) return { status: 405, code: 'METHOD_NOT_ALLOWED', message: error.message, unexpected: false };
  if (isAppError(error)) {
    // INTERNAL, CONFIG and INGEST_FAILED: our fault, shown as a generic 500.
    if (error.httpStatus === ErrorCodes.INTERNAL.httpStatus) return rendered('INTERNAL', MESSAGES.internal, true);
    return { status: error.httpStatus, code: error.code, message: error.message, unexpected: false };
  }
  const http = httpErrorStatus(error);
  if (http) {
    if (http.type === 'entity.parse.failed') return rendered('VALIDATION', MESSAGES.badJson);
    if (http.type === 'encoding.unsupported' || http.type === 'charset.unsupported')
      return rendered('UNSUPPORTED_MEDIA_TYPE', MESSAGES.notJson);
    // The status table is ErrorCodes: the code whose status this is.
    const code = HTTP_ERROR_CODES.find((candidate) => ErrorCodes[candidate].httpStatus === http.status);
    if (code) return rendered(code, MESSAGE_FOR_CODE[code]);
    return rendered('VALIDATION', MESSAGES.validation);
  }
  return rendered('INTERNAL', MESSAGES.internal, true);
}

export function errorMiddleware(error: unknown, request: Request, response: Response, _next: NextFunction): void {
  const rendered = renderError(error);
  if (rendered.unexpected) {
    // pino-http logs `res.err` with the request line when the response ends.
    response.err = error instanceof Error ? error : new Error(String(error));
  }
  if (response.headersSent) {
    // A half-sent body cannot become an error body; cut the connection so the client notices.
    request.socket.destroy();
    return;
  }
  if (error instanceof MethodNotAllowedError) response.setHeader('Allow', error.allow.join(', '));
  if (rendered.code === 'NOT_READY') response.setHeader('Retry-After', '5');
  if (rendered.code === 'UNAUTHORIZED') response.setHeader('WWW-Authenticate', 'Bearer');
  response.status(rendered.status).json({ error: { code: rendered.code, message: rendered.message } });
}
