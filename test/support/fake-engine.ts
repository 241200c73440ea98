// A deterministic Engine over two small Korean articles written for the tests, plus helpers
// to serve it with the real app on a free port and to talk raw HTTP to it.
import { request as httpRequestRaw, type IncomingHttpHeaders } from 'node:http';
import { pino, type Logger } from 'pino';
import type { AppDeps } from '../../src/server/app.js';
import { createApp, startServer } from '../../src/server/app.js';
import type { Article, ChatResponse, Citation, Hit, SearchFilters } from '../../src/domain/types.js';
import { AppError } from '../../src/errors/app-error.js';
import type { Engine } from '../../src/rag/engine.js';
import type { AskRequest, ChatEvent, RagPipeline } from '../../src/rag/pipeline.js';

// ---------------------------------------------------------------- articles

export const FESTIVAL_DATE_SENTENCE = '한빛시는 올해 봄꽃 축제를 4월 5일부터 6일까지 한빛호수공원 일대에서 연다고 20일 밝혔다.';
export const FESTIVAL_SHUTTLE_SENTENCE = '시는 방문객 편의를 위해 시청 앞 광장과 호수공원 사이에 무료 셔틀버스를 20분 간격으로 운행한다.';
export const FESTIVAL_CONCERT_SENTENCE = '축제 마지막 날인 6일 저녁에는 지역 청소년 관현악단의 야외 공연이 열린다.';

export const FESTIVAL_ARTICLE: Article = {
  id: 'hanbit-spring-festival',
  title: '한빛시, 4월 첫 주말 호수공원에서 봄꽃 축제 연다',
  date: '2025-03-20',
  source: '한빛일보',
  url: 'https://news.example.com/hanbit-spring-festival',
  origin: 'hanbit-spring-festival.md',
  text: [
    `${FESTIVAL_DATE_SENTENCE} 축제 기간에는 호수 둘레길 3킬로미터 구간이 보행자 전용으로 운영된다.`,
    `${FESTIVAL_SHUTTLE_SENTENCE} 주차 공간이 부족한 만큼 대중교통을 이용해 달라고 당부했다.`,
    `${FESTIVAL_CONCERT_SENTENCE} 김서윤 문화관광과장은 "시민 누구나 편하게 봄을 즐길 수 있도록 준비했다"고 말했다.`,
  ].join('\n\n'),
};

export const SCRIPT_SENTENCE =
  '점검팀은 <script>window.__xss = 1</script> 같은 문자열과 <img src=x onerror="window.__xss = 2"> 같은 태그가 화면에 글자 그대로 보여야 한다고 설명했다.';

export const SCRIPT_ARTICLE: Article = {
  id: 'web-security-check',
  title: '웹 보안 점검 결과 공개 <img src=x onerror="window.__xss = 3">',
  date: '2025-04-02',
  source: '<b>보안</b>신문',
  // A javascript: URL must never become a link.
  url: 'javascript:window.__xss = 4',
  origin: 'web-security-check.md',
  text: `웹 서비스 보안 점검 결과가 2일 공개됐다. ${SCRIPT_SENTENCE}\n\n점검은 두 달 동안 진행됐다.`,
};

export const REFUSAL_ANSWER = '제공된 기사에서는 이 질문에 대한 답을 찾을 수 없습니다.';

// ---------------------------------------------------------------- engine

export type FakeBehavior = 'answer' | 'upstream' | 'timeout' | 'crash' | 'hang';

function abortError(signal: AbortSignal | undefined): Error {
  return signal?.reason instanceof Error ? signal.reason : new DOMException('aborted', 'AbortError');
}

/** Resolves when the signal aborts; never when there is no signal. */
function aborted(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (!signal) return;
    if (signal.aborted) return resolve();
    signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

/** Small pieces, so that markers like `[1]` get split across tokens as real streams do. */
function tokenize(answer: string): string[] {
  const tokens: string[] = [];
  for (let index = 0; index < answer.length; index += 4) tokens.push(answer.slice(index, index + 4));
  return tokens;
}

export class FakeEngine implements Engine {
  behavior: FakeBehavior = 'answer';
  /** Every request the pipeline saw, signal included. */
  readonly requests: AskRequest[] = [];
  /** When set, answers wait for it: ask() before resolving, askStream() after its tokens. */
  gate: Promise<void> | undefined;
  readonly pipeline: RagPipeline;

  constructor(readonly articles: Article[] = [FESTIVAL_ARTICLE, SCRIPT_ARTICLE]) {
    this.pipeline = {
      ask: (request) => this.ask(request),
      askStream: (request) => this.askStream(request),
    };
  }

  get lastRequest(): AskRequest | undefined {
    return this.requests.at(-1);
  }

  /** Holds answers until the returned function is called. */
  hold(): () => void {
    let release!: () => void;
    this.gate = new Promise((resolve) => (release = resolve));
    return () => {
      this.gate = undefined;
      release();
    };
  }

  async getArticle(id: string): Promise<Article | undefined> {
    return this.articleById(id);
  }

  private articleById(id: string): Article | undefined {
    return this.articles.find((article) => article.id === id);
  }

  stats(): { articles: number; chunks: number } {
    return { articles: this.articles.length, chunks: this.chunks().length };
  }

  headlines(): Array<{ title: string; date?: string }> {
    return this.articles.map(({ title, date }) => (date ? { title, date } : { title }));
  }

  async search(query: string, options: { k: number; filters?: SearchFilters }): Promise<Hit[]> {
    const terms = query.split(/\s+/).filter(Boolean);
    return this.chunks()
      .filter(({ article }) => matchesFilters(article, options.filters))
      .map((hit) => ({ ...hit, score: terms.filter((term) => hit.chunk.text.includes(term)).length / Math.max(terms.length, 1) }))
      .filter((hit) => hit.score > 0)
      .sort((a, b) => b.score - a.score)
      .slice(0, options.k);
  }

  private chunks(): Hit[] {
    return this.articles.flatMap((article) => {
      const { text: _text, ...meta } = article;
      let start = 0;
      return article.text.split('\n\n').map((text, index) => {
        const chunkStart = article.text.indexOf(text, start);
        start = chunkStart + text.length;
        return {
          chunk: { id: `${article.id}#${index}`, articleId: article.id, index, start: chunkStart, end: start, text },
          article: meta,
          score: 0,
        };
      });
    });
  }

  private async ask(request: AskRequest): Promise<ChatResponse> {
    this.requests.push(request);
    await this.misbehave(request);
    const response = this.answer(request);
    await this.gate;
    return response;
  }

  private async *askStream(request: AskRequest): AsyncGenerator<ChatEvent> {
    this.requests.push(request);
    if (this.behavior === 'hang') {
      yield { type: 'token', text: '잠시만' };
      await aborted(request.signal);
      throw abortError(request.signal);
    }
    await this.misbehave(request);
    const response = this.answer(request);
    for (const text of tokenize(response.answer)) {
      yield { type: 'token', text };
      await new Promise((resolve) => setImmediate(resolve));
    }
    await this.gate;
    yield { type: 'citations', citations: response.citations };
    yield { type: 'done', response };
  }

  private async misbehave(request: AskRequest): Promise<void> {
    switch (this.behavior) {
      case 'upstream':
        throw new AppError('UPSTREAM', '언어 모델 서버에 연결하지 못했습니다.');
      case 'timeout':
        throw new AppError('UPSTREAM_TIMEOUT', '언어 모델의 응답 시간이 초과되었습니다.');
      case 'crash':
        throw new Error('secret internal detail at /srv/app/index.ts:42');
      case 'hang':
        await aborted(request.signal);
        throw abortError(request.signal);
      case 'answer':
        return;
    }
  }

  /** Festival questions quote one sentence chosen by keyword; security questions quote the script sentence. */
  private answer(request: AskRequest): ChatResponse {
    const lastUser = request.history?.filter((turn) => turn.role === 'user').at(-1);
    const question = lastUser ? `${lastUser.content} ${request.question}` : request.question;
    const timings = { retrievalMs: 1, generationMs: 1, totalMs: 2 };
    const pick = (): { article: Article; quote: string } | undefined => {
      if (/보안|점검/.test(question)) return { article: SCRIPT_ARTICLE, quote: SCRIPT_SENTENCE };
      if (!/축제|봄꽃/.test(question)) return undefined;
      if (/셔틀|교통|버스/.test(request.question)) return { article: FESTIVAL_ARTICLE, quote: FESTIVAL_SHUTTLE_SENTENCE };
      if (/공연|저녁/.test(request.question)) return { article: FESTIVAL_ARTICLE, quote: FESTIVAL_CONCERT_SENTENCE };
      return { article: FESTIVAL_ARTICLE, quote: FESTIVAL_DATE_SENTENCE };
    };
    const found = pick();
    const article = found && this.articleById(found.article.id);
    if (!found || !article) {
      return { answer: REFUSAL_ANSWER, citations: [], refused: true, mode: 'extractive', question, timings };
    }
    const start = article.text.indexOf(found.quote);
    const chunk = this.chunks().find(
      (hit) => hit.chunk.articleId === article.id && hit.chunk.start <= start && start < hit.chunk.end,
    )!.chunk;
    const citation: Citation = {
      n: 1,
      articleId: article.id,
      title: article.title,
      date: article.date,
      source: article.source,
      url: article.url,
      chunkId: chunk.id,
      quote: found.quote,
      start,
      end: start + found.quote.length,
    };
    return { answer: `${found.quote} [1]`, citations: [citation], refused: false, mode: 'extractive', question, timings };
  }
}

function matchesFilters(article: Omit<Article, 'text'>, filters: SearchFilters | undefined): boolean {
  if (!filters) return true;
  if (filters.source && article.source !== filters.source) return false;
  if (filters.dateFrom && (!article.date || article.date < filters.dateFrom)) return false;
  if (filters.dateTo && (!article.date || article.date > filters.dateTo)) return false;
  return true;
}

// ---------------------------------------------------------------- serving

export interface FakeServer {
  url: string;
  engine: FakeEngine;
  /** false: getEngine() answers undefined, as before the index is loaded. */
  ready: boolean;
  close(): Promise<void>;
}

export async function startFakeServer(
  options: { config?: Partial<AppDeps['config']>; logger?: Logger; ready?: boolean; engine?: FakeEngine; shutdownGraceMs?: number } = {},
): Promise<FakeServer> {
  const engine = options.engine ?? new FakeEngine();
  const state = { ready: options.ready ?? true };
  const app = createApp({
    config: { apiKey: undefined, rateLimitPerMin: 0, corsOrigins: [], ...options.config },
    logger: options.logger ?? pino({ level: 'silent' }),
    getEngine: () => (state.ready ? engine : undefined),
  });
  const server = await startServer(app, { host: '127.0.0.1', port: 0, shutdownGraceMs: options.shutdownGraceMs });
  return {
    url: server.url,
    engine,
    get ready() {
      return state.ready;
    },
    set ready(value: boolean) {
      state.ready = value;
    },
    close: () => server.close(),
  };
}

// ---------------------------------------------------------------- raw HTTP

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  json(): unknown;
}

/** node:http rather than fetch: any header (Origin, odd Content-Types) and any bytes go through untouched. */
export function httpRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer; agent?: import('node:http').Agent } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = httpRequestRaw(url, { method: options.method ?? 'GET', headers: options.headers, agent: options.agent }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: response.statusCode ?? 0, headers: response.headers, text, json: () => JSON.parse(text) as unknown });
      });
    });
    request.on('error', reject);
    request.end(options.body);
  });
}

export function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<RawResponse> {
  return httpRequest(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export interface SseEvent {
  event: string;
  data: unknown;
}

export function parseSse(text: string): SseEvent[] {
  return text
    .split('\n\n')
    .map((block) => block.split('\n').filter((line) => line && !line.startsWith(':')))
    .filter((lines) => lines.length > 0)
    .map((lines) => ({
      event: lines.find((line) => line.startsWith('event: '))?.slice(7) ?? 'message',
      data: JSON.parse(
        lines
          .filter((line) => line.startsWith('data: '))
          .map((line) => line.slice(6))
          .join('\n'),
      ) as unknown,
    }));
}
