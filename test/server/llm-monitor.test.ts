// The chat model's health while serving: failed answers mark it down, other fallbacks do not.
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { LlmMonitor } from '../../src/server/llm-monitor.js';

const refused = Object.assign(new Error('fetch failed'), {
  cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }),
});

describe('LlmMonitor', () => {
  const monitors: LlmMonitor[] = [];
  const monitorFor = (env: NodeJS.ProcessEnv) => {
    const reports: Array<string | undefined> = [];
    const monitor = new LlmMonitor(loadConfig(env), pino({ level: 'silent' }), (message) => reports.push(message));
    monitors.push(monitor);
    return { monitor, reports };
  };
  afterEach(() => {
    for (const monitor of monitors.splice(0)) monitor.stop();
  });

  it('watches nothing in extractive mode', () => {
    const { monitor, reports } = monitorFor({});
    monitor.onFallback('error', refused);
    expect(monitor.snapshot()).toBeUndefined();
    expect(reports).toEqual([]);
  });

  it.each([
    ['error', refused, 'connection refused'],
    ['timeout', undefined, 'timeout'],
  ])('a failed call (%s) marks the model unreachable with its cause', (reason, error, cause) => {
    const { monitor, reports } = monitorFor({
      LLM_PROVIDER: 'ollama',
      OLLAMA_HOST: 'http://127.0.0.1:9',
      OLLAMA_CHAT_MODEL: 'exaone3.5:7.8b',
    });
    monitor.onFallback(reason, error);
    expect(monitor.snapshot()).toMatchObject({ provider: 'ollama', state: 'unreachable', cause });
    expect(reports).toHaveLength(1);
    expect(reports[0]).toContain('언어 모델에 연결하지 못해 추출식 답변으로 대신합니다');
    expect(reports[0]).toContain(cause);
  });

  it.each(['refused', 'too-long'])('a %s answer says nothing about the model', (reason) => {
    const { monitor, reports } = monitorFor({ LLM_PROVIDER: 'ollama' });
    monitor.onFallback(reason);
    expect(monitor.snapshot()).toMatchObject({ state: 'unchecked' });
    expect(reports).toEqual([]);
  });

  it('hands out copies: /readyz cannot change the state', () => {
    const { monitor } = monitorFor({ LLM_PROVIDER: 'ollama' });
    const snapshot = monitor.snapshot();
    if (snapshot) snapshot.state = 'ok';
    expect(monitor.snapshot()).toMatchObject({ state: 'unchecked' });
  });
});
