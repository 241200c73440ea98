// Settings from a `.env` file (`cp .env.example .env`), read once at start. Variables already
// in the environment win, so `PORT=4000 npm start` overrides the file, as with dotenv and
// `node --env-file`. The values only fill process.env; loadConfig validates them as usual.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError, errnoCode, errorMessage } from '../errors/app-error.js';

const LINE = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/;
const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

function unquote(raw: string, file: string, lineNumber: number): string {
  const quote = raw[0];
  if (quote === '"' || quote === "'") {
    const close = quote === "'" ? raw.indexOf("'", 1) : closingDoubleQuote(raw);
    const rest = close < 0 ? '' : raw.slice(close + 1).trim();
    if (close < 0 || (rest !== '' && !rest.startsWith('#'))) {
      throw new AppError('CONFIG', `설정 오류: ${file} ${lineNumber}번째 줄의 따옴표가 닫히지 않았거나 뒤에 다른 글자가 있습니다.`);
    }
    const body = raw.slice(1, close);
    return quote === "'" ? body : body.replace(/\\(.)/g, (escape: string, character: string) => ESCAPES[character] ?? escape);
  }
  // Unquoted: a `#` after whitespace starts a comment (`PORT=3100 # 개발용`); `a#b` stays whole.
  return raw.replace(/\s+#.*$/, '').trim();
}

/** Index of the `"` closing a double-quoted value (backslash escapes skipped), or -1. */
function closingDoubleQuote(raw: string): number {
  for (let index = 1; index < raw.length; index += 1) {
    if (raw[index] === '\\') index += 1;
    else if (raw[index] === '"') return index;
  }
  return -1;
}

/**
 * Parses `.env` text: `KEY=value` lines, blank lines and `#` comments, an optional `export `,
 * values bare, 'single-quoted' (literal) or "double-quoted" (\n, \t, \" and \\ escapes).
 * A line that is none of these names the file and line instead of being skipped silently.
 */
export function parseDotEnv(text: string, file = '.env'): Record<string, string> {
  const values: Record<string, string> = {};
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((line, index) => {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const [, name, value] = LINE.exec(trimmed) ?? [];
    if (name === undefined || value === undefined)
      throw new AppError(
        'CONFIG',
        `설정 오류: ${file} ${index + 1}번째 줄을 읽을 수 없습니다. 이름=값 형식이어야 합니다: ${JSON.stringify(trimmed.slice(0, 60))}`,
      );
    values[name] = unquote(value, file, index + 1);
  });
  return values;
}

/**
 * Copies the file's variables into `env` where `env` has no value yet. A missing file is
 * no error (the file is optional). Returns the names it set, for a start-up log line.
 */
export function applyDotEnv(file: string, env: NodeJS.ProcessEnv = process.env): string[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return [];
    throw new AppError('CONFIG', `설정 오류: ${file}을(를) 읽을 수 없습니다 (${errorMessage(error)})`);
  }
  const applied: string[] = [];
  for (const [name, value] of Object.entries(parseDotEnv(text, file))) {
    if (env[name] !== undefined) continue;
    env[name] = value;
    applied.push(name);
  }
  return applied;
}

/**
 * The start-up read: ENV_FILE when set (a path; `/dev/null` reads nothing, for hermetic runs),
 * else `.env` in the project root. Returns the file and the names it set.
 */
export function loadDotEnv(projectRoot: string, env: NodeJS.ProcessEnv = process.env): { file: string; applied: string[] } {
  const file = env.ENV_FILE || join(projectRoot, '.env');
  return { file, applied: applyDotEnv(file, env) };
}
