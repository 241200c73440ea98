/**
 * A fake OpenAI-compatible server for tests: a real HTTP server on 127.0.0.1 (free port)
 * that speaks the wire protocol the real clients (ChatOpenAI, OpenAIEmbeddings, the
 * `openai` SDK) use, so the client libraries themselves are exercised.
 *
 *   const fake = await startFakeOpenAI();            // options: { dimension?: number (default 8) }
 *   const model = createChatModel({ provider: 'openai', baseUrl: fake.url, apiKey: 'test', model: 'fake', timeoutMs: 1000 });
 *   fake.reply('답변 [1].');                          // next chat request: stream this text in small pieces
 *   fake.reply({ status: 500 });                      // the one after: HTTP 500 with an OpenAI error body
 *   fake.reply({ hang: true });                       // then: never answer (the client must time out)
 *   fake.reply({ text: '첫 문장 [1]. 둘', after: 'break' });   // then: cut the connection mid-stream
 *   fake.reply({ text, pieces: ['가', '나'], pieceDelayMs: 20, delayMs: 100 });   // exact pieces, pacing
 *   fake.embedReply({ status: 500 });                 // next embedding request fails
 *   fake.requests                                     // every request received: { method, path, headers, body, aborted? }
 *   fake.chatRequests()                               // just the chat ones (body = { model, messages, stream, … })
 *   await fake.close();                               // also cuts connections left hanging
 *
 * Endpoints: POST /v1/chat/completions (JSON, or SSE when `stream: true`: `data: {chunk}` lines,
 * a final usage chunk with `choices: []` when `stream_options.include_usage`, then `data: [DONE]`),
 * POST /v1/embeddings (deterministic unit vectors of `dimension` floats per input; base64 little-endian
 * float32 when `encoding_format: "base64"`, which the `openai` SDK asks for by default), GET /v1/models.
 * `url` ends in `/v1`, as `configuration.baseURL` expects.
 *
 * Scripting: `reply(...replies)` queues replies for chat requests, one per request, in order;
 * `embedReply(...)` does the same for embedding requests. When a queue is empty, chat requests get
 * `setDefault(reply)`'s reply (initially HTTP 500) and embedding requests get vectors. A reply is a string (the text), a {@link ChatScript}, or a function of the
 * recorded request returning either (for replies that depend on the prompt).
 *
 * This file also holds the scripting core shared with fake-ollama.ts (`startScriptedServer`).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the fake does with one request. */
export interface ChatScript {
  /** Reply text; streamed in pieces when the client asks for a stream. */
  text?: string;
  /** How the stream cuts `text`: explicit pieces, or a piece length in characters (default 3). */
  pieces?: string[] | number;
  /** Wait before responding at all (ms). */
  delayMs?: number;
  /** Wait between streamed pieces (ms). */
  pieceDelayMs?: number;
  /** Answer with this HTTP status and a provider-shaped error body instead. */
  status?: number;
  /** Never respond: the request stays open until the client gives up or the fake closes. */
  hang?: boolean;
  /** After the pieces: 'end' finishes normally (default); 'hang' leaves the stream open forever;
   *  'break' destroys the connection without the final chunks. */
  after?: 'end' | 'hang' | 'break';
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  /** Parsed JSON body, or the raw text when it is not JSON. */
  body: unknown;
  /** Set once the connection closed before the reply was complete: the client gave up
   *  (a timeout, a cancel), or the script broke the stream. */
  aborted?: boolean;
}

export type Reply = string | ChatScript | ((request: RecordedRequest) => string | ChatScript);

export interface ScriptedServer {
  /** Base URL of the server (no trailing slash). */
  origin: string;
  requests: RecordedRequest[];
  reply(...replies: Reply[]): void;
  embedReply(...replies: Reply[]): void;
  setDefault(reply: Reply): void;
  close(): Promise<void>;
}

/** Handles one request; `script.chat()` / `script.embed()` take the next scripted reply (embed: undefined when none is queued). */
export type Route = (
  request: RecordedRequest,
  response: ServerResponse,
  script: { chat: () => ChatScript; embed: () => ChatScript | undefined },
) => Promise<void> | void;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function resolveReply(reply: Reply, request: RecordedRequest): ChatScript {
  const value = typeof reply === 'function' ? reply(request) : reply;
  return typeof value === 'string' ? { text: value } : value;
}

/** Cuts text into stream pieces (code points, so Hangul syllables are never split). */
export function piecesOf(script: ChatScript): string[] {
  const text = script.text ?? '';
  if (Array.isArray(script.pieces)) return script.pieces;
  const size = script.pieces ?? 3;
  const chars = [...text];
  const pieces: string[] = [];
  for (let i = 0; i < chars.length; i += size) pieces.push(chars.slice(i, i + size).join(''));
  return pieces;
}

/** Writes `pieces` one by one through `write`, then ends, hangs or breaks as scripted. */
export async function streamPieces(
  response: ServerResponse,
  script: ChatScript,
  pieces: string[],
  write: (piece: string) => void,
  finish: () => void,
): Promise<void> {
  for (const piece of pieces) {
    if (response.destroyed) return;
    write(piece);
    if (script.pieceDelayMs) await sleep(script.pieceDelayMs);
    else await new Promise((resolve) => setImmediate(resolve)); // separate TCP writes, like a real stream
  }
  if (script.after === 'hang') return;
  if (script.after === 'break') {
    response.socket?.destroy();
    return;
  }
  finish();
}

/** Applies the parts of a script every endpoint shares; returns false when the request is already dealt with. */
export async function prelude(response: ServerResponse, script: ChatScript, errorBody: (status: number) => unknown): Promise<boolean> {
  if (script.delayMs) await sleep(script.delayMs);
  if (script.hang) return false;
  if (script.status !== undefined) {
    sendJson(response, script.status, errorBody(script.status));
    return false;
  }
  return true;
}

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

/** A deterministic unit vector for a text, so equal texts embed equally. */
export function fakeVector(text: string, dimension: number): number[] {
  const vector = new Array<number>(dimension).fill(0);
  let i = 0;
  for (const char of text) vector[(char.codePointAt(0)! * 31 + i++) % dimension]! += 1;
  vector[0]! += 0.5; // never all zeros, even for ''
  const norm = Math.hypot(...vector);
  return vector.map((value) => value / norm);
}

/** Starts a node:http server on 127.0.0.1:0 that records requests and serves them through `route`. */
export async function startScriptedServer(route: Route, noReply: ChatScript): Promise<ScriptedServer> {
  const requests: RecordedRequest[] = [];
  const chatQueue: Reply[] = [];
  const embedQueue: Reply[] = [];
  let fallback: Reply = noReply;

  const handle = async (incoming: IncomingMessage, response: ServerResponse): Promise<void> => {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    let body: unknown = raw;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      // keep the raw text
    }
    const request: RecordedRequest = {
      method: incoming.method ?? 'GET',
      path: (incoming.url ?? '/').split('?')[0]!,
      headers: incoming.headers,
      body,
    };
    requests.push(request);
    response.on('close', () => {
      if (!response.writableFinished) request.aborted = true;
    });
    try {
      await route(request, response, {
        chat: () => resolveReply(chatQueue.shift() ?? fallback, request),
        embed: () => {
          const reply = embedQueue.shift();
          return reply === undefined ? undefined : resolveReply(reply, request);
        },
      });
    } catch (error) {
      if (!response.headersSent) sendJson(response, 500, { error: String(error) });
      else response.destroy();
    }
  };
  const server = createServer((incoming, response) => void handle(incoming, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    reply: (...replies) => void chatQueue.push(...replies),
    embedReply: (...replies) => void embedQueue.push(...replies),
    setDefault: (reply) => {
      fallback = reply;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface FakeOpenAI {
  /** Base URL including `/v1`, for `configuration.baseURL` / OPENAI_BASE_URL. */
  url: string;
  requests: RecordedRequest[];
  /** Requests to /v1/chat/completions. */
  chatRequests(): RecordedRequest[];
  reply(...replies: Reply[]): void;
  embedReply(...replies: Reply[]): void;
  setDefault(reply: Reply): void;
  close(): Promise<void>;
}

interface ChatBody {
  model?: string;
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
}

interface EmbeddingsBody {
  model?: string;
  input?: string | string[];
  encoding_format?: 'float' | 'base64';
}

const openAIError = (status: number) => ({
  error: {
    message: `fake upstream error ${status}`,
    type: status >= 500 ? 'server_error' : 'invalid_request_error',
    param: null,
    code: null,
  },
});

export async function startFakeOpenAI(options: { dimension?: number } = {}): Promise<FakeOpenAI> {
  const dimension = options.dimension ?? 8;
  let completions = 0;

  const server = await startScriptedServer(
    async (request, response, script) => {
      if (request.method === 'GET' && request.path === '/v1/models') {
        sendJson(response, 200, { object: 'list', data: [{ id: 'fake', object: 'model', created: 0, owned_by: 'fake' }] });
        return;
      }
      if (request.method === 'POST' && request.path === '/v1/embeddings') {
        const reply = script.embed();
        if (reply && !(await prelude(response, reply, openAIError))) return;
        const body = (request.body ?? {}) as EmbeddingsBody;
        const inputs = Array.isArray(body.input) ? body.input : [body.input ?? ''];
        const data = inputs.map((input, index) => {
          const vector = fakeVector(String(input), dimension);
          const embedding = body.encoding_format === 'base64' ? Buffer.from(new Float32Array(vector).buffer).toString('base64') : vector;
          return { object: 'embedding', index, embedding };
        });
        sendJson(response, 200, {
          object: 'list',
          data,
          model: body.model ?? 'fake',
          usage: { prompt_tokens: inputs.length, total_tokens: inputs.length },
        });
        return;
      }
      if (request.method === 'POST' && request.path === '/v1/chat/completions') {
        const reply = script.chat();
        if (!(await prelude(response, reply, openAIError))) return;
        const body = (request.body ?? {}) as ChatBody;
        const id = `chatcmpl-fake-${++completions}`;
        const created = Math.floor(Date.now() / 1000);
        const model = body.model ?? 'fake';
        const text = reply.text ?? '';
        const usage = { prompt_tokens: 10, completion_tokens: [...text].length, total_tokens: 10 + [...text].length };
        if (!body.stream) {
          if (reply.after === 'break') return void response.socket?.destroy();
          if (reply.after === 'hang') return;
          sendJson(response, 200, {
            id,
            object: 'chat.completion',
            created,
            model,
            choices: [{ index: 0, message: { role: 'assistant', content: text, refusal: null }, logprobs: null, finish_reason: 'stop' }],
            usage,
          });
          return;
        }
        response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
        const chunk = (delta: object, finish: string | null) => ({
          id,
          object: 'chat.completion.chunk',
          created,
          model,
          choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
        });
        const send = (data: unknown) => response.write(`data: ${JSON.stringify(data)}\n\n`);
        send(chunk({ role: 'assistant', content: '', refusal: null }, null));
        await streamPieces(
          response,
          reply,
          piecesOf(reply),
          (piece) => send(chunk({ content: piece }, null)),
          () => {
            send(chunk({}, 'stop'));
            if (body.stream_options?.include_usage) send({ id, object: 'chat.completion.chunk', created, model, choices: [], usage });
            response.end('data: [DONE]\n\n');
          },
        );
        return;
      }
      sendJson(response, 404, {
        error: { message: `fake: no route ${request.method} ${request.path}`, type: 'invalid_request_error', param: null, code: null },
      });
    },
    { status: 500 },
  );

  return {
    url: `${server.origin}/v1`,
    requests: server.requests,
    chatRequests: () => server.requests.filter((request) => request.path === '/v1/chat/completions'),
    reply: server.reply,
    embedReply: server.embedReply,
    setDefault: server.setDefault,
    close: server.close,
  };
}
