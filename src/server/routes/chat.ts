// POST /api/chat: one JSON answer, or with `Accept: text/event-stream` the answer as it is
// written (token, citations, done | error). A client that leaves aborts the work.
import type { Request, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import { untilAborted } from '../../errors/abort.js';
import type { Engine } from '../../rag/engine.js';
import type { AskRequest, ChatEvent } from '../../rag/pipeline.js';
import { renderError } from '../errors.js';
import { engineOf } from '../request-engine.js';
import { chatSchema, validate } from '../schemas.js';
import { openSse } from '../sse.js';

function wantsEventStream(request: Request): boolean {
  return (request.get('accept') ?? '').toLowerCase().includes('text/event-stream');
}

async function streamAnswer(engine: Engine, request: AskRequest, response: Response, signal: AbortSignal, logger: Logger): Promise<void> {
  const stream = openSse(response);
  let iterator: AsyncIterator<ChatEvent> | undefined;
  try {
    iterator = engine.pipeline.askStream(request)[Symbol.asyncIterator]();
    for (;;) {
      const step: IteratorResult<ChatEvent> = await untilAborted(iterator.next(), signal);
      if (step.done) break;
      const event = step.value;
      if (event.type === 'token') await stream.send('token', { text: event.text });
      else if (event.type === 'citations') await stream.send('citations', { citations: event.citations });
      else await stream.send('done', event.response);
      if (stream.closed) break;
    }
  } catch (error) {
    if (!stream.closed) {
      const rendered = renderError(error);
      if (rendered.unexpected) logger.error({ err: error }, 'chat stream failed');
      await stream.send('error', { code: rendered.code, message: rendered.message });
    }
  } finally {
    stream.end();
    // Lets the generator run its cleanup; it may be stuck, so never wait for it.
    void iterator?.return?.()?.catch(() => undefined);
  }
}

/** Mount after `requireEngine` and the JSON body parser. */
export function chatRoute(): RequestHandler {
  return async (request, response) => {
    const body = validate(chatSchema, request.body);
    const engine = engineOf(request);
    const controller = new AbortController();
    // 'close' also fires after a normal finish; only an unfinished response means the client left.
    response.on('close', () => {
      if (!response.writableFinished) controller.abort(new Error('client disconnected'));
    });
    const ask: AskRequest = { ...body, signal: controller.signal };
    const stream = wantsEventStream(request);
    request.log.info({ stream, questionChars: body.question.length, historyTurns: body.history?.length ?? 0 }, 'chat request');
    request.log.debug({ question: body.question }, 'chat question');

    if (stream) return streamAnswer(engine, ask, response, controller.signal, request.log);
    try {
      const answer = await untilAborted(engine.pipeline.ask(ask), controller.signal);
      response.json(answer);
    } catch (error) {
      if (controller.signal.aborted) return; // nobody is listening any more
      throw error;
    }
  };
}
