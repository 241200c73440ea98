/**
 * A fake Ollama server for tests: a real HTTP server on 127.0.0.1 (free port) speaking
 * the wire protocol of ChatOllama, OllamaEmbeddings and the `ollama` client.
 *
 *   const fake = await startFakeOllama();             // options: { dimension?: number (default 8) }
 *   const model = createChatModel({ provider: 'ollama', host: fake.url, model: 'fake', timeoutMs: 1000 });
 *   fake.reply('답변 [1].');                           // next chat request: stream this text in small pieces
 *   fake.reply({ text: '첫 문장 [1]. 둘', after: 'break' });  // then cut the connection mid-stream
 *   fake.reply({ hang: true });                        // never answer
 *   fake.requests / fake.chatRequests()                // what was received: { method, path, headers, body }
 *   await fake.close();
 *
 * Endpoints: POST /api/chat (NDJSON when `stream` is true or absent: one
 * `{ model, created_at, message: { role, content }, done: false }` line per piece, then a
 * `done: true` line with `done_reason`, `prompt_eval_count`, `eval_count` and durations;
 * one JSON object when `stream: false`), POST /api/embed (`{ model, input }` →
 * `{ model, embeddings: [[…]] }`, deterministic unit vectors of `dimension` floats),
 * GET /api/tags, GET /api/version. Errors are `{ "error": "…" }` with the scripted status.
 *
 * Scripting is the same as fake-openai.ts (see `ChatScript` there): `reply(...)` queues chat
 * replies, `embedReply(...)` embedding replies, `setDefault(reply)` answers chat requests
 * once the queue is empty (initially HTTP 500).
 */
import {
  fakeVector,
  piecesOf,
  prelude,
  sendJson,
  startScriptedServer,
  streamPieces,
  type RecordedRequest,
  type Reply,
} from './fake-openai.js';

export type { ChatScript, RecordedRequest, Reply } from './fake-openai.js';

export interface FakeOllama {
  /** Base URL for `baseUrl` / OLLAMA_HOST (no trailing slash). */
  url: string;
  requests: RecordedRequest[];
  /** Requests to /api/chat. */
  chatRequests(): RecordedRequest[];
  reply(...replies: Reply[]): void;
  embedReply(...replies: Reply[]): void;
  setDefault(reply: Reply): void;
  close(): Promise<void>;
}

interface ChatBody {
  model?: string;
  stream?: boolean;
}

interface EmbedBody {
  model?: string;
  input?: string | string[];
}

const ollamaError = (status: number) => ({ error: `fake upstream error ${status}` });

export async function startFakeOllama(options: { dimension?: number } = {}): Promise<FakeOllama> {
  const dimension = options.dimension ?? 8;

  const server = await startScriptedServer(
    async (request, response, script) => {
      if (request.method === 'GET' && request.path === '/api/version') {
        sendJson(response, 200, { version: '0.0.0-fake' });
        return;
      }
      if (request.method === 'GET' && request.path === '/api/tags') {
        sendJson(response, 200, { models: [{ name: 'fake:latest', model: 'fake:latest', size: 0, digest: 'fake', details: {} }] });
        return;
      }
      if (request.method === 'POST' && request.path === '/api/embed') {
        const reply = script.embed();
        if (reply && !(await prelude(response, reply, ollamaError))) return;
        const body = (request.body ?? {}) as EmbedBody;
        const inputs = Array.isArray(body.input) ? body.input : [body.input ?? ''];
        sendJson(response, 200, {
          model: body.model ?? 'fake',
          embeddings: inputs.map((input) => fakeVector(String(input), dimension)),
          total_duration: 1000,
          load_duration: 100,
          prompt_eval_count: inputs.length,
        });
        return;
      }
      if (request.method === 'POST' && request.path === '/api/chat') {
        const reply = script.chat();
        if (!(await prelude(response, reply, ollamaError))) return;
        const body = (request.body ?? {}) as ChatBody;
        const model = body.model ?? 'fake';
        const text = reply.text ?? '';
        const line = (content: string, done: boolean, extra: object = {}) => ({
          model,
          created_at: new Date().toISOString(),
          message: { role: 'assistant', content },
          done,
          ...extra,
        });
        const final = {
          done_reason: 'stop',
          total_duration: 1000,
          load_duration: 100,
          prompt_eval_count: 10,
          prompt_eval_duration: 100,
          eval_count: [...text].length,
          eval_duration: 100,
        };
        if (body.stream === false) {
          if (reply.after === 'break') return void response.socket?.destroy();
          if (reply.after === 'hang') return;
          sendJson(response, 200, line(text, true, final));
          return;
        }
        response.writeHead(200, { 'content-type': 'application/x-ndjson' });
        await streamPieces(
          response,
          reply,
          piecesOf(reply),
          (piece) => response.write(`${JSON.stringify(line(piece, false))}\n`),
          () => {
            response.end(`${JSON.stringify(line('', true, final))}\n`);
          },
        );
        return;
      }
      sendJson(response, 404, { error: `fake: no route ${request.method} ${request.path}` });
    },
    { status: 500 },
  );

  return {
    url: server.origin,
    requests: server.requests,
    chatRequests: () => server.requests.filter((request) => request.path === '/api/chat'),
    reply: server.reply,
    embedReply: server.embedReply,
    setDefault: server.setDefault,
    close: server.close,
  };
}
