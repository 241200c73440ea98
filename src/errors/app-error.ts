// Typed errors: every failure a user can meet has a code and an HTTP status.
// Messages are Korean because they reach users (HTTP bodies, CLI lines).

export const ErrorCodes = {
  VALIDATION: { httpStatus: 400 },
  UNAUTHORIZED: { httpStatus: 401 },
  NOT_FOUND: { httpStatus: 404 },
  PAYLOAD_TOO_LARGE: { httpStatus: 413 },
  UNSUPPORTED_MEDIA_TYPE: { httpStatus: 415 },
  RATE_LIMITED: { httpStatus: 429 },
  INTERNAL: { httpStatus: 500 },
  UPSTREAM: { httpStatus: 502 },
  NOT_READY: { httpStatus: 503 },
  UPSTREAM_TIMEOUT: { httpStatus: 504 },
  CONFIG: { httpStatus: 500 },
  INDEX_MISSING: { httpStatus: 503 },
  INDEX_CORRUPT: { httpStatus: 503 },
  INDEX_INCOMPATIBLE: { httpStatus: 503 },
  INDEX_LOCKED: { httpStatus: 503 },
  INGEST_FAILED: { httpStatus: 500 },
} as const;

export type ErrorCode = keyof typeof ErrorCodes;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly httpStatus: number;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AppError';
    this.code = code;
    this.httpStatus = ErrorCodes[code].httpStatus;
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}

/** The message of anything thrown: an Error's message, otherwise its string form. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The errno code (`ENOENT`, `EACCES` …) of a failed system call; undefined for anything else. */
export function errnoCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}
