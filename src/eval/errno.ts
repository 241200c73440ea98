// The errno code (`ENOENT`, `EACCES` …) a failed file-system call carries.

/** The code of a Node.js system error; undefined for anything else. */
export function errnoCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}
