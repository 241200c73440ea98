// ask(question, history) = rewrite → retrieve → answer. Depends on the seams only.
import type { ChatResponse, ChatTurn, Citation, SearchFilters } from '../domain/types.js';

export interface AskRequest {
  question: string;
  history?: ChatTurn[];
  topK?: number;
  filters?: SearchFilters;
  /** Aborted when the client disconnects. */
  signal?: AbortSignal;
}

export type ChatEvent =
  { type: 'token'; text: string } | { type: 'citations'; citations: Citation[] } | { type: 'done'; response: ChatResponse };

export interface RagPipeline {
  ask(request: AskRequest): Promise<ChatResponse>;
  /** token… then citations then done; the tokens concatenate to `response.answer`. */
  askStream(request: AskRequest): AsyncIterable<ChatEvent>;
}
