// The chat model's health while serving: a start-up probe, failed answers that say it is
// down, and a re-check every LLM_RECHECK_MS until it answers again. Its state shows in
// /readyz and as the host's 'llm' issue; it never stops the server.
import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import { describeCause, llmFailureMessage, llmStatusFor, probeChatModel, type LlmStatus } from './providers.js';

/** While the chat model is unreachable, check it again this often. */
const LLM_RECHECK_MS = 30_000;

export class LlmMonitor {
  /** Undefined in extractive mode: there is no chat model to watch. */
  readonly #status: LlmStatus | undefined;
  #timer: NodeJS.Timeout | undefined;

  /** `report` gets the warning while the model fails, undefined once it answers. */
  constructor(
    private readonly config: Config,
    private readonly logger: Logger,
    private readonly report: (message: string | undefined) => void,
  ) {
    this.#status = llmStatusFor(config);
  }

  /** A copy of the state for /readyz, or undefined in extractive mode. */
  snapshot(): LlmStatus | undefined {
    return this.#status ? { ...this.#status } : undefined;
  }

  /** The answerer fell back to the extractive answer: logged, and a failed call marks the model down. */
  readonly onFallback = (reason: string, error?: unknown): void => {
    const llm = this.#status;
    const cause = reason === 'timeout' ? 'timeout' : describeCause(error);
    this.logger.warn(
      { reason, cause, provider: llm?.provider, host: llm?.host, model: llm?.model },
      `LLM 답변 실패(${reason}: ${cause}), 추출식 답변으로 대체`,
    );
    // Only a failed call says the model is down; a refused or too long answer does not.
    if (llm && (reason === 'error' || reason === 'timeout')) this.#mark(cause);
  };

  /** Probes the model now and records the outcome. */
  async check(): Promise<void> {
    const llm = this.#status;
    if (!llm) return;
    const cause = await probeChatModel(llm, { apiKey: this.config.openai.apiKey, timeoutMs: this.config.probeTimeoutMs });
    if (!cause && llm.state === 'unreachable')
      this.logger.info({ provider: llm.provider, host: llm.host, model: llm.model }, '언어 모델에 다시 연결되었습니다');
    this.#mark(cause);
  }

  stop(): void {
    clearTimeout(this.#timer);
  }

  /** Records the chat model's state: a cause while it fails (then re-checked later), undefined when it answers. */
  #mark(cause: string | undefined): void {
    const llm = this.#status;
    if (!llm) return;
    const changed = llm.state === 'unchecked' || llm.cause !== cause;
    llm.state = cause ? 'unreachable' : 'ok';
    llm.cause = cause;
    this.report(cause ? llmFailureMessage(llm, cause) : undefined);
    if (cause && changed)
      this.logger.warn({ provider: llm.provider, host: llm.host, model: llm.model, cause }, llmFailureMessage(llm, cause));
    clearTimeout(this.#timer);
    this.#timer = cause ? setTimeout(() => void this.check(), LLM_RECHECK_MS).unref() : undefined;
  }
}
