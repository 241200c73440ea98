import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { AppError } from '../../src/errors/app-error.js';

describe('loadConfig', () => {
  it('gives the documented defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      corpusDir: 'corpus',
      indexDir: 'data/index',
      embeddingsProvider: 'local',
      llmProvider: 'extractive',
      llmTimeoutMs: 30_000,
      rateLimitPerMin: 60,
      corsOrigins: [],
      logLevel: 'info',
    });
    expect(config.apiKey).toBeUndefined();
  });

  it('treats empty variables as unset, as .env files write them', () => {
    expect(loadConfig({ PORT: '', API_KEY: '', OPENAI_BASE_URL: '' }).port).toBe(3000);
  });

  it('reads and converts the variables it is given', () => {
    const config = loadConfig({
      PORT: '8080',
      LLM_PROVIDER: 'openai',
      OPENAI_BASE_URL: 'http://127.0.0.1:8000/v1',
      OPENAI_CHAT_MODEL: 'LGAI-EXAONE/EXAONE-3.5-7.8B-Instruct',
      CORS_ORIGINS: 'https://a.example, https://b.example',
      RATE_LIMIT_PER_MIN: '0',
    });
    expect(config.port).toBe(8080);
    expect(config.openai).toMatchObject({ baseUrl: 'http://127.0.0.1:8000/v1', chatModel: 'LGAI-EXAONE/EXAONE-3.5-7.8B-Instruct' });
    expect(config.corsOrigins).toEqual(['https://a.example', 'https://b.example']);
    expect(config.rateLimitPerMin).toBe(0);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT', '설정 오류: PORT="eighty" — 0~65535 사이의 정수여야 합니다 (0이면 빈 포트를 자동으로 고릅니다).'],
    [{ PORT: '70000' }, 'PORT', '설정 오류: PORT="70000" — 0~65535 사이의 정수여야 합니다 (0이면 빈 포트를 자동으로 고릅니다).'],
    [{ LLM_PROVIDER: 'gpt' }, 'LLM_PROVIDER', '설정 오류: LLM_PROVIDER="gpt" — extractive, ollama, openai 중 하나여야 합니다.'],
    [
      { EMBEDDINGS_PROVIDER: 'bert' },
      'EMBEDDINGS_PROVIDER',
      '설정 오류: EMBEDDINGS_PROVIDER="bert" — local, ollama, openai 중 하나여야 합니다.',
    ],
    [{ OLLAMA_HOST: 'not a url' }, 'OLLAMA_HOST', '설정 오류: OLLAMA_HOST="not a url" — http://127.0.0.1:11434 같은 URL이어야 합니다.'],
    [{ LLM_TIMEOUT_MS: '-5' }, 'LLM_TIMEOUT_MS', '설정 오류: LLM_TIMEOUT_MS="-5" — 1 이상의 정수여야 합니다.'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL', 'LOG_LEVEL="loud" — fatal, error, warn, info, debug, trace, silent 중 하나여야 합니다.'],
  ])('stops on %o with one Korean line naming %s and what it accepts', (env, name, expected) => {
    let error: unknown;
    try {
      loadConfig(env);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AppError);
    const message = (error as AppError).message;
    expect((error as AppError).code).toBe('CONFIG');
    expect(message).toContain(name);
    expect(message).toContain(expected);
    expect(message).not.toMatch(/[a-z]+ (is|expected|required)\b/);
    expect(message).not.toContain('\n');
  });

  it('names the missing key when the openai provider has neither a key nor a base URL', () => {
    expect(() => loadConfig({ LLM_PROVIDER: 'openai' })).toThrow(/OPENAI_API_KEY/);
  });
});
