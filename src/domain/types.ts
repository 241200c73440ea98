// Plain data shapes shared by every layer. This file imports nothing.

/** One news article as read from the corpus. `text` is normalised (NFC, LF line ends). */
export interface Article {
  id: string;
  title: string;
  date?: string; // YYYY-MM-DD
  source?: string;
  url?: string;
  tags?: string[];
  text: string;
  /** Corpus-relative path (plus `#line` for JSONL) the article came from. */
  origin: string;
}

/** An input that was not indexed: `path` is corpus-relative (`file.jsonl:3` for a JSONL line). */
export interface SkippedInput {
  path: string;
  reason: string;
}

/** What a corpus reader yields: an article, or the report of an input it skipped. */
/** `warnings`: the article was read, but a reader doubts it kept everything (an HTML page
 *  whose extracted text is a small share of what the page shows). */
export type CorpusItem = { article: Article; warnings?: SkippedInput[] } | { skipped: SkippedInput };

export type ArticleMeta = Omit<Article, 'text'>;

/** A sentence-aligned slice of an article; `text === article.text.slice(start, end)`. */
interface Chunk {
  id: string; // `${articleId}#${index}`
  articleId: string;
  index: number;
  start: number;
  end: number;
  text: string;
}

/** Character span [start, end) into some text. */
export interface Span {
  start: number;
  end: number;
}

export interface SearchFilters {
  dateFrom?: string;
  dateTo?: string;
  source?: string;
}

export interface SearchOptions {
  k: number;
  filters?: SearchFilters;
}

/** A retrieved chunk with its article's metadata and a score (higher is better). */
export interface Hit {
  chunk: Chunk;
  article: ArticleMeta;
  score: number;
}

export interface ChatTurn {
  role: 'user' | 'assistant';
  content: string;
}

export interface Citation {
  n: number;
  articleId: string;
  title: string;
  date?: string;
  source?: string;
  url?: string;
  chunkId: string;
  /** Exact substring of the article's text. */
  quote: string;
  start?: number;
  end?: number;
}

export type AnswerMode = 'extractive' | 'ollama' | 'openai';

export interface Grounding {
  sentences: number;
  supported: number;
  dropped: number;
  /** Sentences moved to another given passage that supports them (present when non-zero). */
  recited?: number;
  /** The model's answer hit the maximum length and was cut (present when it was). */
  truncated?: boolean;
}

interface Timings {
  retrievalMs: number;
  generationMs: number;
  totalMs: number;
}

/** The body of a 200 response to POST /api/chat. */
export interface ChatResponse {
  answer: string;
  citations: Citation[];
  refused: boolean;
  mode: AnswerMode;
  question: string;
  grounding?: Grounding;
  timings: Timings;
}
