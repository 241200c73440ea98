// The welcome screen's example questions, made from the loaded corpus rather than written
// for one article: the newest titles, each asked about as a whole. With no articles the page
// shows no examples.
import type { Request, RequestHandler } from 'express';

interface ArticleHeadline {
  title: string;
  /** YYYY-MM-DD; undated articles come after dated ones. */
  date?: string;
}

/** Chips on the welcome screen; more would push the input below the fold on a phone. */
export const EXAMPLE_COUNT = 3;
/** Longer titles are cut at a word boundary so a chip stays two lines at 360 px. */
const MAX_TITLE_CHARS = 60;

function shorten(title: string): string {
  const clean = title.replace(/\s+/g, ' ').trim();
  if (clean.length <= MAX_TITLE_CHARS) return clean;
  const cut = clean.slice(0, MAX_TITLE_CHARS);
  const space = cut.lastIndexOf(' ');
  return `${(space > MAX_TITLE_CHARS / 2 ? cut.slice(0, space) : cut).trim()}…`;
}

/**
 * The newest distinct titles as questions: “{제목}” 기사의 요점은 무엇인가요?
 * The title's own words are what retrieval matches best, so such a question finds its article.
 */
export function exampleQuestions(articles: Iterable<ArticleHeadline>, count = EXAMPLE_COUNT): string[] {
  const seen = new Set<string>();
  const unique: ArticleHeadline[] = [];
  for (const article of articles) {
    const title = shorten(article.title);
    if (title === '' || seen.has(title)) continue;
    seen.add(title);
    unique.push({ title, date: article.date });
  }
  unique.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.title.localeCompare(b.title, 'ko'));
  return unique.slice(0, count).map((article) => `“${article.title}” 기사의 요점은 무엇인가요?`);
}

/**
 * GET /api/examples → `{ examples: string[] }`, from the headlines of the request's engine
 * (`engineOf`: the API's ready-engine guard has run before).
 */
export function examplesRoute(engineOf: (request: Request) => { headlines(): Iterable<ArticleHeadline> }): RequestHandler {
  return (request, response) => {
    response.json({ examples: exampleQuestions(engineOf(request).headlines()) });
  };
}
