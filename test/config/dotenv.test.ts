import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { applyDotEnv, loadDotEnv, parseDotEnv } from '../../src/config/dotenv.js';
import { AppError } from '../../src/errors/app-error.js';

describe('parseDotEnv', () => {
  it.each([
    ['PORT=3100', { PORT: '3100' }],
    ['  PORT = 3100  ', { PORT: '3100' }],
    ['export HOST=0.0.0.0', { HOST: '0.0.0.0' }],
    ['API_KEY=', { API_KEY: '' }],
    ['PORT=3100 # 개발용 포트', { PORT: '3100' }],
    ['OPENAI_API_KEY=sk-a#b', { OPENAI_API_KEY: 'sk-a#b' }],
    ["CORS_ORIGINS='https://a.example, https://b.example'", { CORS_ORIGINS: 'https://a.example, https://b.example' }],
    ["RAW='a\\nb # kept'", { RAW: 'a\\nb # kept' }],
    ['QUOTED="줄1\\n줄2 \\"인용\\"" # comment', { QUOTED: '줄1\n줄2 "인용"' }],
    ['\uFEFFPORT=3100\r\nHOST=127.0.0.1\r\n', { PORT: '3100', HOST: '127.0.0.1' }],
    ['# 주석\n\n  # 들여쓴 주석\nLOG_LEVEL=debug', { LOG_LEVEL: 'debug' }],
  ])('%j', (text, expected) => {
    expect(parseDotEnv(text)).toEqual(expected);
  });

  it.each([
    ['PORT 3100', '2번째 줄'],
    ['3PORT=1', '2번째 줄'],
    ['QUOTED="never closed', '2번째 줄'],
    ["QUOTED='a' trailing", '2번째 줄'],
  ])('names the file and line of %j instead of skipping it', (line, where) => {
    const attempt = () => parseDotEnv(`HOST=127.0.0.1\n${line}`, '/srv/app/.env');
    expect(attempt).toThrow(AppError);
    expect(attempt).toThrow(`/srv/app/.env ${where}`);
  });
});

describe('applyDotEnv and loadDotEnv', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dotenv-'));
    await writeFile(join(dir, '.env'), 'PORT=3100\nLLM_PROVIDER=ollama\nAPI_KEY=\n');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('fills what the environment lacks, and the config reads it', () => {
    const env: NodeJS.ProcessEnv = {};
    expect(applyDotEnv(join(dir, '.env'), env)).toEqual(['PORT', 'LLM_PROVIDER', 'API_KEY']);
    const config = loadConfig(env);
    expect(config.port).toBe(3100);
    expect(config.llmProvider).toBe('ollama');
    expect(config.apiKey).toBeUndefined();
  });

  it('lets real environment variables win, even empty ones', () => {
    const env: NodeJS.ProcessEnv = { PORT: '4000', LLM_PROVIDER: '' };
    expect(applyDotEnv(join(dir, '.env'), env)).toEqual(['API_KEY']);
    expect(loadConfig(env).port).toBe(4000);
    expect(loadConfig(env).llmProvider).toBe('extractive');
  });

  it('treats a missing file as no settings', () => {
    const env: NodeJS.ProcessEnv = {};
    expect(applyDotEnv(join(dir, 'absent.env'), env)).toEqual([]);
    expect(env).toEqual({});
  });

  it('reads .env in the project root unless ENV_FILE names another file', () => {
    const fromRoot: NodeJS.ProcessEnv = {};
    expect(loadDotEnv(dir, fromRoot)).toEqual({ file: join(dir, '.env'), applied: ['PORT', 'LLM_PROVIDER', 'API_KEY'] });
    const hermetic: NodeJS.ProcessEnv = { ENV_FILE: '/dev/null' };
    expect(loadDotEnv(dir, hermetic).applied).toEqual([]);
    expect(hermetic.PORT).toBeUndefined();
  });
});
