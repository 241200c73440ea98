import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import type { Article, ChatResponse, Citation, Hit } from '../../src/domain/types.js';
import { evalCommand, type EvalCommandDeps } from '../../src/eval/eval-command.js';
import { EvalSetError, loadEvalSets } from '../../src/eval/eval-sets.js';
import { loadKorquad } from '../../src/eval/korquad-data.js';
import { containsPhrase, type EvalReport } from '../../src/eval/metrics.js';
import { runEval } from '../../src/eval/runner.js';
import type { AskRequest } from '../../src/rag/pipeline.js';
import type { Engine } from '../../src/rag/engine.js';

// A tiny article written for these tests.
const BATTERY: Article = {
  id: 'battery-2025',
  title: '한빛전자, 전고체 배터리 공개',
  date: '2025-03-03',
  origin: 'battery.md',
  text:
    "한빛전자는 3일 서울 코엑스에서 열린 '미래 배터리 포럼'에서 새 전고체 배터리를 공개했다. " +
    '이 배터리는 한 번 충전으로 700킬로미터를 달릴 수 있다. ' +
    '김민준 대표는 내년 3월부터 양산을 시작하겠다고 밝혔다.',
};

const bigrams = (text: string) => {
  const grams = new Set<string>();
  for (const word of text.replace(/[^\p{L}\p{N}\s]/gu, ' ').split(/\s+/)) {
    for (let i = 0; i + 2 <= word.length; i++) grams.add(word.slice(i, i + 2));
  }
  return grams;
};

/**
 * A deterministic stand-in for the real pipeline: answers with the article sentence
 * sharing the most Hangul bigrams with the question (plus the last user turn, for
 * follow-ups), and refuses below two shared bigrams.
 */
function createFakeEngine(articles: Article[]): Engine & { asked: AskRequest[] } {
  const asked: AskRequest[] = [];
  const byId = new Map(articles.map((article) => [article.id, article]));
  const sentences = articles.flatMap((article) =>
    [...article.text.matchAll(/[^.?!]+[.?!]/g)].map((match) => {
      const quote = match[0].trim();
      const start = article.text.indexOf(quote, match.index);
      return { article, quote, start, end: start + quote.length };
    }),
  );
  const ask = async (request: AskRequest): Promise<ChatResponse> => {
    asked.push(request);
    const lastUser = request.history?.filter((turn) => turn.role === 'user').at(-1)?.content ?? '';
    const query = bigrams(`${lastUser} ${request.question}`);
    let best: (typeof sentences)[number] | undefined;
    let bestScore = 1;
    for (const sentence of sentences) {
      const score = [...bigrams(sentence.quote)].filter((gram) => query.has(gram)).length;
      if (score > bestScore) [best, bestScore] = [sentence, score];
    }
    const timings = { retrievalMs: 0, generationMs: 0, totalMs: 0 };
    if (!best)
      return {
        answer: '기사에서 답을 찾지 못했습니다.',
        citations: [],
        refused: true,
        mode: 'extractive',
        question: request.question,
        timings,
      };
    const citation: Citation = {
      n: 1,
      articleId: best.article.id,
      title: best.article.title,
      chunkId: `${best.article.id}#0`,
      quote: best.quote,
      start: best.start,
      end: best.end,
    };
    return { answer: `${best.quote}[1]`, citations: [citation], refused: false, mode: 'extractive', question: request.question, timings };
  };
  return {
    asked,
    pipeline: {
      ask,
      async *askStream(request) {
        const response = await ask(request);
        yield { type: 'token', text: response.answer };
        yield { type: 'citations', citations: response.citations };
        yield { type: 'done', response };
      },
    },
    async search(): Promise<Hit[]> {
      return [];
    },
    getArticle: async (id) => byId.get(id),
    stats: () => ({ articles: articles.length, chunks: sentences.length }),
    headlines: () => articles.map(({ title }) => ({ title })),
  };
}

const line = (value: unknown) => JSON.stringify(value);
const BASIC_CASES = [
  {
    id: 'range',
    question: '새 배터리는 한 번 충전으로 얼마나 달릴 수 있어?',
    expect: { includes: ['700킬로미터'], articles: ['battery-2025'] },
  },
  {
    id: 'mass-production',
    question: '김민준 대표는 양산을 언제 시작한대?',
    expect: { anyOf: ['내년 3월', '다음 해 3월'], articles: ['battery-2025'] },
  },
  {
    id: 'follow-venue',
    question: '거기는 어디서 열렸어?',
    history: [
      { role: 'user', content: '한빛전자가 배터리를 공개한 포럼 이름은?' },
      { role: 'assistant', content: "'미래 배터리 포럼'입니다[1]." },
    ],
    expect: { includes: ['코엑스'], articles: ['battery-2025'] },
  },
  { id: 'weather', question: '오늘 날씨 어때?', expect: { refuse: true } },
];
// Expects a phrase the article does not have: the one failing case of the set.
const FAILING_CASE = { id: 'price', question: '새 배터리는 한 번 충전으로 얼마에 팔려?', expect: { includes: ['만 원'] } };

let root: string;
let out: string[];
let err: string[];

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'eval-runner-'));
  await mkdir(join(root, 'eval', 'sets'), { recursive: true });
  out = [];
  err = [];
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

function deps(overrides: Partial<EvalCommandDeps> = {}): EvalCommandDeps {
  return {
    config: loadConfig({}),
    openEngine: vi.fn(async () => createFakeEngine([BATTERY])),
    openCorpusEngine: vi.fn(async () => createFakeEngine([BATTERY])),
    buildKorquadEngine: vi.fn(async (articles: Article[]) => createFakeEngine(articles)),
    stdout: (text) => void out.push(text),
    stderr: (text) => void err.push(text),
    cwd: root,
    ...overrides,
  };
}

async function writeSet(relative: string, lines: unknown[]): Promise<string> {
  await writeFile(join(root, relative), `${lines.map(line).join('\n')}\n`);
  return relative;
}

async function readJson<T>(relative: string): Promise<T> {
  return JSON.parse(await readFile(join(root, relative), 'utf8')) as T;
}

describe('evalCommand', () => {
  it('passes against its own baseline, writes the contract JSON, and opens the engine once per run', async () => {
    await writeSet('eval/sets/battery.jsonl', [...BASIC_CASES, FAILING_CASE]);
    const dependencies = deps();

    expect(await evalCommand({ updateBaseline: true }, dependencies)).toBe(0);
    const baseline = await readJson<EvalReport>('eval/baseline.json');
    expect(baseline.sets[0]).toMatchObject({ name: 'battery', cases: 5, answerAccuracy: 0.8, failures: [] });

    expect(await evalCommand({ out: 'reports/eval.json', markdown: 'reports/eval.md' }, dependencies)).toBe(0);
    const report = await readJson<EvalReport>('reports/eval.json');
    expect(report.sets[0]).toMatchObject({
      name: 'battery',
      cases: 5,
      answerAccuracy: 0.8,
      citationHitRate: 1,
      refusalPrecision: 1,
      refusalRecall: 1,
      citationValidity: 1,
    });
    expect(report.sets[0]!.failures).toEqual([
      expect.objectContaining({ id: 'price', question: FAILING_CASE.question, expected: FAILING_CASE.expect }),
    ]);
    expect(typeof report.sets[0]!.p50Ms).toBe('number');
    expect(out.join('')).toContain('회귀 없음');
    expect(await readFile(join(root, 'reports/eval.md'), 'utf8')).toContain('| battery | 5 | 80.0% |');
    expect(dependencies.openEngine).toHaveBeenCalledTimes(2); // once per run
  });

  it('exits 1 naming the set and the metric when a rate falls below the baseline', async () => {
    await writeSet('eval/sets/battery.jsonl', [...BASIC_CASES, FAILING_CASE]);
    const raised = {
      sets: [{ name: 'battery', answerAccuracy: 0.9, citationHitRate: 1, refusalPrecision: 1, refusalRecall: 1, citationValidity: 1 }],
    };
    await writeFile(join(root, 'eval/baseline.json'), JSON.stringify(raised));

    expect(await evalCommand({}, deps())).toBe(1);
    expect(err.join('')).toMatch(/battery .*answerAccuracy.*90\.0% → 80\.0%/);
    expect(err.join('')).not.toContain('citationHitRate');
    // Each regression line is printed once, on stderr.
    expect([...out, ...err].join('').match(/회귀: battery/g)).toHaveLength(1);
  });

  it('runs a set on the fixture corpus corpora.json names, never on the user index, and skips a missing corpus', async () => {
    await writeSet('eval/sets/battery.jsonl', BASIC_CASES);
    await writeSet('eval/sets/absent.jsonl', BASIC_CASES);
    await mkdir(join(root, 'eval', 'corpora', 'battery'), { recursive: true });
    await writeFile(
      join(root, 'eval/sets/corpora.json'),
      JSON.stringify({ sets: { battery: 'eval/corpora/battery', absent: 'eval/corpora/not-fetched' } }),
    );
    const dependencies = deps();

    expect(await evalCommand({ out: 'out.json' }, dependencies)).toBe(0);
    expect(dependencies.openCorpusEngine).toHaveBeenCalledWith(join(root, 'eval', 'corpora', 'battery'));
    expect(dependencies.openEngine).not.toHaveBeenCalled();
    expect((await readJson<EvalReport>('out.json')).sets.map((set) => set.name)).toEqual(['battery']);
    expect(err.join('')).toContain('[absent] 건너뜀: 코퍼스 폴더가 없습니다: eval/corpora/not-fetched');

    // --index runs a user's own set against their index instead.
    const own = deps();
    expect(await evalCommand({ sets: ['eval/sets/battery.jsonl'], index: 'my-index' }, own)).toBe(0);
    expect(own.openEngine).toHaveBeenCalledWith(join(root, 'my-index'));
    expect(own.openCorpusEngine).not.toHaveBeenCalled();
  });

  it('runs a brand-new set file unchanged and reports it as new, not as a failure', async () => {
    await writeSet('eval/sets/battery.jsonl', BASIC_CASES);
    const baseline = {
      sets: [{ name: 'battery', answerAccuracy: 1, citationHitRate: 1, refusalPrecision: 1, refusalRecall: 1, citationValidity: 1 }],
    };
    await writeFile(join(root, 'eval/baseline.json'), JSON.stringify(baseline));
    await writeSet('eval/sets/brand-new.jsonl', [
      { id: 'n1', question: '전고체 배터리를 공개한 회사는?', expect: { includes: ['한빛전자'] } },
      { id: 'n2', question: '주식 시세 알려줘', expect: { refuse: true } },
    ]);

    expect(await evalCommand({ out: 'out.json' }, deps())).toBe(0);
    const report = await readJson<EvalReport>('out.json');
    expect(report.sets.map((set) => [set.name, set.cases, set.answerAccuracy])).toEqual([
      ['battery', 4, 1],
      ['brand-new', 2, 1],
    ]);
    expect(out.join('')).toContain('새 세트: brand-new');
  });

  it('reports every bad line as file:line in Korean and runs nothing', async () => {
    const bad = join(root, 'bad.jsonl');
    await writeFile(
      bad,
      [
        line(BASIC_CASES[0]),
        '{"id": "broken", "question": ',
        line({ id: 'no-expect', question: '질문' }),
        line({ id: 'typo', question: '질문', expect: { include: ['오타'] } }),
        line({ id: 'empty', question: '질문', expect: {} }),
        '',
        line({ ...BASIC_CASES[1], id: 'range' }),
      ].join('\n'),
    );
    const dependencies = deps();

    expect(await evalCommand({ sets: ['bad.jsonl'] }, dependencies)).toBe(2);
    const message = err.join('');
    expect(message).toContain('bad.jsonl:2: 올바른 JSON이 아닙니다');
    expect(message).toMatch(/bad\.jsonl:3: expect/);
    expect(message).toMatch(/bad\.jsonl:4: .*알 수 없는 필드 include/);
    expect(message).toMatch(/bad\.jsonl:5: .*expect가 비어 있습니다/);
    expect(message).toMatch(/bad\.jsonl:7: id "range"가 1행과 중복됩니다/);
    expect(message).not.toContain('bad.jsonl:1');
    expect(dependencies.openEngine).not.toHaveBeenCalled();
  });

  it('fails clearly when an explicit baseline file is missing', async () => {
    await writeSet('eval/sets/battery.jsonl', BASIC_CASES);
    expect(await evalCommand({ baseline: 'nope.json' }, deps())).toBe(2);
    expect(err.join('')).toContain('기준선 파일이 없습니다: nope.json');
  });
});

describe('runEval', () => {
  it('throws EvalSetError listing the issues', async () => {
    await writeFile(join(root, 'x.jsonl'), '{}\n');
    const error = await runEval({ sets: ['x.jsonl', 'missing.jsonl'], rootDir: root, getEngine: async () => createFakeEngine([]) }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(EvalSetError);
    expect((error as EvalSetError).issues).toEqual([
      expect.stringMatching(/^x\.jsonl:1: /),
      expect.stringMatching(/^missing\.jsonl: 파일을 읽을 수 없습니다/),
    ]);
  });

  it('passes history to the pipeline', async () => {
    const engine = createFakeEngine([BATTERY]);
    const set = await writeSet('eval/sets/battery.jsonl', BASIC_CASES);
    await runEval({ sets: [set], rootDir: root, getEngine: async () => engine });
    expect(engine.asked.find((request) => request.question === '거기는 어디서 열렸어?')?.history).toHaveLength(2);
  });

  it('goes through POST <url>/api/chat with `url`, checking quotes via /api/articles/:id', async () => {
    const engine = createFakeEngine([BATTERY]);
    const calls: string[] = [];
    const fakeFetch = (async (input: string | URL | Request, init?: RequestInit) => {
      const url = input instanceof Request ? input.url : input.toString();
      calls.push(`${init?.method ?? 'GET'} ${url} ${new Headers(init?.headers).get('authorization') ?? ''}`.trim());
      if (url.endsWith('/api/chat'))
        return Response.json(await engine.pipeline.ask(JSON.parse(typeof init?.body === 'string' ? init.body : '') as AskRequest));
      const article = await engine.getArticle(decodeURIComponent(url.split('/api/articles/')[1] ?? ''));
      return article ? Response.json(article) : Response.json({ error: { code: 'NOT_FOUND', message: '없음' } }, { status: 404 });
    }) as typeof fetch;
    const getEngine = vi.fn(async () => engine);
    const set = await writeSet('eval/sets/battery.jsonl', BASIC_CASES);

    const report = await runEval({
      sets: [set],
      rootDir: root,
      url: 'http://127.0.0.1:3999/',
      apiKey: 'secret',
      fetch: fakeFetch,
      getEngine,
    });
    expect(report.sets[0]).toMatchObject({ cases: 4, answerAccuracy: 1, citationValidity: 1 });
    expect(getEngine).not.toHaveBeenCalled();
    expect(calls).toContain('POST http://127.0.0.1:3999/api/chat Bearer secret');
    expect(calls.filter((call) => call.includes('/api/articles/battery-2025'))).toHaveLength(1); // cached
  });

  it('counts a failed request as a failing case instead of stopping the run', async () => {
    const engine = createFakeEngine([BATTERY]);
    engine.pipeline.ask = async () => {
      throw new Error('색인이 손상되었습니다');
    };
    const set = await writeSet('eval/sets/battery.jsonl', BASIC_CASES);
    const report = await runEval({ sets: [set], rootDir: root, getEngine: async () => engine });
    expect(report.sets[0]).toMatchObject({ cases: 4, answerAccuracy: 0, citationHitRate: 0, refusalRecall: 0 });
    expect(report.sets[0]!.failures[0]!.got.problems).toEqual(['요청 실패: 색인이 손상되었습니다']);
  });
});

describe('KorQuAD sets', () => {
  // SQuAD-shaped, written for this test: paragraphs hold questions from several id
  // prefixes (as in KorQuAD), and one paragraph has no question.
  const FIXTURE = {
    version: 'test',
    data: [
      {
        title: '가상_도시',
        paragraphs: [
          {
            context: '가상 도시는 1901년에 세워졌다. 인구는 약 12만 명 정도이다.',
            qas: [
              { id: '100-0-0', question: '가상 도시는 언제 세워졌나?', answers: [{ text: '1901년', answer_start: 7 }] },
              { id: '200-0-0', question: '가상 도시의 인구는?', answers: [{ text: '약 12만 명 ', answer_start: 24 }] },
            ],
          },
          { context: '가상 도시의 상징은 푸른 사슴이다.', qas: [] },
          {
            context: '가상 도시의 시장은 한결이다.',
            qas: [{ id: '100-2-0', question: '가상 도시의 시장 이름은?', answers: [{ text: '한결', answer_start: 11 }] }],
          },
        ],
      },
      {
        title: '먼_섬',
        paragraphs: [
          {
            context: '먼 섬은 바다 한가운데 있는 섬으로, 등대가 세 개 있다.',
            qas: [
              { id: '300-0-0', question: '먼 섬에 등대는 몇 개 있나?', answers: [{ text: '세 개', answer_start: 25 }] },
              { id: '300-0-1', question: '먼 섬은 어디에 있나?', answers: [{ text: '바다 한가운데', answer_start: 5 }] },
            ],
          },
        ],
      },
    ],
  };

  beforeEach(async () => {
    await mkdir(join(root, 'data'), { recursive: true });
    await writeFile(join(root, 'data', 'mini-squad.json'), JSON.stringify(FIXTURE));
  });

  it('loads paragraphs as articles following the contract id rules', async () => {
    const data = await loadKorquad(join(root, 'data', 'mini-squad.json'));
    expect(data.articles.map((article) => [article.id, article.title])).toEqual([
      ['100-0', '가상 도시'],
      ['가상 도시#1', '가상 도시'],
      ['100-2', '가상 도시'],
      ['300-0', '먼 섬'],
    ]);
    expect(data.questions.map((question) => [question.id, question.articleId, question.answers])).toEqual([
      ['100-0-0', '100-0', ['1901년']],
      ['200-0-0', '100-0', ['약 12만 명']], // another prefix, same paragraph; trailing space trimmed
      ['100-2-0', '100-2', ['한결']],
      ['300-0-0', '300-0', ['세 개']],
      ['300-0-1', '300-0', ['바다 한가운데']],
    ]);
    for (const question of data.questions) {
      const text = data.articles.find((article) => article.id === question.articleId)!.text;
      expect(text.slice(question.answerStarts[0], question.answerStarts[0]! + question.answers[0]!.length)).toBe(question.answers[0]);
    }
  });

  it('expands a spec into cases at run time and indexes every paragraph', async () => {
    await writeFile(
      join(root, 'eval/sets/mini.korquad.json'),
      JSON.stringify({ dataset: 'data/mini-squad.json', sample: { every: 2, limit: 2 }, note: '테스트용' }),
    );
    const dependencies = deps();

    expect(await evalCommand({ sets: ['eval/sets/mini.korquad.json'], out: 'out.json' }, dependencies)).toBe(0);
    const articles = vi.mocked(dependencies.buildKorquadEngine).mock.calls[0]![0];
    expect(articles.map((article) => article.id)).toEqual(['100-0', '가상 도시#1', '100-2', '300-0']);
    expect(dependencies.openEngine).not.toHaveBeenCalled();

    const report = await readJson<EvalReport>('out.json');
    expect(report.sets[0]).toMatchObject({ name: 'mini', kind: 'korquad', cases: 2, attribution: expect.stringContaining('KorQuAD') });
    expect(out.join('')).toContain('CC BY-ND');
  });

  it('turns sampled questions into anyOf gold answers and paragraph article ids', async () => {
    await writeFile(join(root, 'eval/sets/mini.korquad.json'), JSON.stringify({ dataset: 'data/mini-squad.json', sample: { every: 2 } }));
    const engine = createFakeEngine([]);
    const asked: string[] = [];
    engine.pipeline.ask = async (request) => {
      asked.push(request.question);
      return {
        answer: '모름',
        citations: [],
        refused: true,
        mode: 'extractive',
        question: request.question,
        timings: { retrievalMs: 0, generationMs: 0, totalMs: 0 },
      };
    };
    const report = await runEval({ sets: ['eval/sets/mini.korquad.json'], rootDir: root, getEngine: async () => engine });
    expect(asked).toEqual(['가상 도시는 언제 세워졌나?', '가상 도시의 시장 이름은?', '먼 섬은 어디에 있나?']);
    expect(report.sets[0]!.failures.map((failure) => [failure.id, failure.expected])).toEqual([
      ['100-0-0', { anyOf: ['1901년'], articles: ['100-0'] }],
      ['100-2-0', { anyOf: ['한결'], articles: ['100-2'] }],
      ['300-0-1', { anyOf: ['바다 한가운데'], articles: ['300-0'] }],
    ]);
  });

  it('reports a spec whose dataset is missing', async () => {
    await writeFile(join(root, 'eval/sets/gone.korquad.json'), JSON.stringify({ dataset: 'data/none.json' }));
    expect(await evalCommand({ sets: ['eval/sets/gone.korquad.json'] }, deps())).toBe(2);
    expect(err.join('')).toMatch(/gone\.korquad\.json: KorQuAD 파일을 읽을 수 없습니다/);
  });
});

describe('committed seed set', () => {
  it('parses, has the required mix, and expects only phrases found in the seed article', async () => {
    const projectRoot = join(import.meta.dirname, '..', '..');
    const [set] = await loadEvalSets(['eval/sets/seed.jsonl'], { rootDir: projectRoot });
    const markdown = await readFile(join(projectRoot, 'eval', 'corpora', 'seed', '2025-10-30-lg-ai-research-apec.md'), 'utf8');
    const body = markdown.slice(markdown.indexOf('---', 3) + 3);
    const cases = set!.cases;
    expect(cases.length).toBeGreaterThanOrEqual(45);
    expect(cases.filter((testCase) => testCase.expect.refuse === true).length).toBeGreaterThanOrEqual(10);
    expect(cases.filter((testCase) => testCase.history?.length).length).toBeGreaterThanOrEqual(6);
    for (const testCase of cases) {
      if (testCase.expect.refuse) continue;
      expect(testCase.expect.articles, testCase.id).toEqual(['lg-ai-research-apec-2025-10-30']);
      for (const phrase of [...(testCase.expect.includes ?? []), ...(testCase.expect.anyOf ?? [])]) {
        expect(containsPhrase(body, phrase), `${testCase.id}: ${phrase}`).toBe(true);
      }
    }
  });
});
