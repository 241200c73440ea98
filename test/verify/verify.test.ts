// `npm run verify`: the grounding check as a tool, line by line.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { formatReport, parseVerifyLine, runVerify, verifyAnswer, type VerifyInput } from '../../src/verify/verify.js';

const PASSAGES: VerifyInput['passages'] = [
  {
    n: 1,
    title: '서해시, 공공자전거 800대 배치',
    date: '2025-03-03',
    text: '서해시는 올해 하반기부터 공공자전거 800대를 새로 배치한다고 3일 밝혔다. 사업비는 약 24억 원이다. 시의회는 예산안을 찬성 15명, 반대 4명으로 가결했다.',
  },
  { n: 2, title: '푸른강 축제 10월 개막', text: '제7회 푸른강 축제가 10월 11일부터 사흘 동안 강변공원에서 열린다.' },
];

const line = (answer: string, id: string | number = 'a1') => JSON.stringify({ id, passages: PASSAGES, answer });

async function collect(lines: string[], json = true) {
  const out: string[] = [];
  async function* input() {
    yield* lines;
  }
  const totals = await runVerify(input(), (text) => out.push(text), { json });
  return { out, totals };
}

describe('verifyAnswer', () => {
  it('reports each sentence and returns the answer as a user would get it', () => {
    const result = verifyAnswer({
      id: 'a1',
      passages: PASSAGES,
      answer: '서해시는 공공자전거 800대를 배치한다 [1]. 사업비는 약 42억 원이다 [1]. 축제는 10월 11일부터 강변공원에서 열린다 [1].',
    });
    expect(result.sentences).toEqual([
      { text: '서해시는 공공자전거 800대를 배치한다 [1].', citations: [1], supported: true },
      { text: '사업비는 약 42억 원이다 [1].', citations: [1], supported: false, reason: expect.stringContaining('42억') },
      { text: '축제는 10월 11일부터 강변공원에서 열린다 [1].', citations: [1], supported: true, recitedTo: 2, reason: expect.any(String) },
    ]);
    expect(result.answer).toBe('서해시는 공공자전거 800대를 배치한다 [1]. 축제는 10월 11일부터 강변공원에서 열린다 [2].');
  });

  it('drops markers to unknown passages and sentences with none', () => {
    const result = verifyAnswer({ id: 1, passages: PASSAGES, answer: '사업비는 약 24억 원이다 [1][7]. 근거 없는 말이다.' });
    expect(result.sentences.map((sentence) => sentence.supported)).toEqual([true, false]);
    expect(result.answer).toBe('사업비는 약 24억 원이다 [1].');
  });
});

describe('parseVerifyLine', () => {
  it.each([
    ['not JSON', '{"id": 1,', 'INVALID_JSON', undefined],
    ['no passages', JSON.stringify({ id: 'x', passages: [], answer: '가' }), 'VALIDATION', 'x'],
    ['a passage without text', JSON.stringify({ id: 7, passages: [{ n: 1, title: 't' }], answer: '가' }), 'VALIDATION', 7],
    [
      'duplicate passage numbers',
      JSON.stringify({ id: 'd', passages: [PASSAGES[0], { ...PASSAGES[1], n: 1 }], answer: '가' }),
      'VALIDATION',
      'd',
    ],
    ['no id', JSON.stringify({ passages: PASSAGES, answer: '가' }), 'VALIDATION', undefined],
  ])('%s', (_name, input, code, id) => {
    const parsed = parseVerifyLine(input);
    expect(parsed).toMatchObject({ error: { code } });
    expect('id' in parsed ? parsed.id : undefined).toBe(id);
  });
});

describe('runVerify', () => {
  it('answers every line, a bad one with its error, and goes on', async () => {
    const { out, totals } = await collect([
      line('사업비는 약 24억 원이다 [1].', 'a'),
      'not json',
      '',
      line('사업비는 약 99억 원이다 [1].', 'b'),
    ]);
    expect(out.map((text) => JSON.parse(text))).toEqual([
      { id: 'a', sentences: [expect.objectContaining({ supported: true })], answer: '사업비는 약 24억 원이다 [1].' },
      { error: { code: 'INVALID_JSON', message: expect.any(String) } },
      { id: 'b', sentences: [expect.objectContaining({ supported: false })], answer: '' },
    ]);
    expect(totals).toEqual({ answers: 2, errors: 1, sentences: 2, dropped: 1, recited: 0 });
  });

  it('writes a readable Korean report without --json', async () => {
    const { out } = await collect([line('사업비는 약 24억 원이다 [1]. 사업비는 약 99억 원이다 [1].')], false);
    expect(out[0]).toContain('✓ 근거 있음');
    expect(out[0]).toContain('✗ 뺌');
    expect(out[0]).toContain('2문장 중 1문장 유지');
    expect(formatReport({ error: { code: 'INVALID_JSON', message: 'JSON이 아닙니다' } }, 3)).toBe(
      '#3: 입력 오류 [INVALID_JSON] JSON이 아닙니다',
    );
  });
});

describe('the verify command', () => {
  it('reads JSON lines on stdin and prints one JSON line per input', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'verify', '--json'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stdin.end(`${line('사업비는 약 24억 원이다 [1].', 'ok')}\n{bad\n`);
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    const lines = stdout
      .trim()
      .split('\n')
      .map((text) => JSON.parse(text));
    expect(lines).toEqual([
      {
        id: 'ok',
        sentences: [{ text: '사업비는 약 24억 원이다 [1].', citations: [1], supported: true }],
        answer: '사업비는 약 24억 원이다 [1].',
      },
      { error: { code: 'INVALID_JSON', message: expect.any(String) } },
    ]);
  }, 30_000);
});
