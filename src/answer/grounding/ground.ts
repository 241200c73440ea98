// One decision per answer sentence, shared by the LLM answerer and `npm run verify`:
// keep it under its own markers, re-cite it to another given passage that supports it,
// or drop it.
import { checkClaim, type SentenceCheck, type TermStatistics } from './check.js';

export interface GroundingPassage {
  /** The number the answer's markers use. */
  n: number;
  title: string;
  text: string;
  date?: string;
  /** Passages with the same key come from one article (their texts lend each other names). */
  article?: string;
}

type SentenceOutcome =
  | { status: 'kept'; cited: number[]; check: SentenceCheck }
  | { status: 'recited'; cited: number[]; recitedTo: number; reason: string; check: SentenceCheck }
  | { status: 'dropped'; cited: number[]; reason: string; check?: SentenceCheck };

interface GroundOptions {
  terms?: TermStatistics;
  /** Try the other passages when the cited ones do not support the sentence (default true). */
  recite?: boolean;
}

function checkAgainst(body: string, chosen: GroundingPassage[], all: GroundingPassage[], terms: TermStatistics | undefined): SentenceCheck {
  const articles = new Set(chosen.map((passage) => passage.article ?? `#${passage.n}`));
  const titles = chosen.map((passage) => passage.title);
  const related = [
    // Other chunks of the same article, given alongside: they may spell out a name.
    ...all
      .filter((passage) => !chosen.includes(passage) && articles.has(passage.article ?? `#${passage.n}`))
      .map((passage) => passage.text),
  ];
  const dates = chosen.flatMap((passage) => (passage.date ? [passage.date] : []));
  return checkClaim(
    body,
    chosen.map((passage) => passage.text),
    { titles, related, dates, ...(terms ? { terms } : {}) },
  );
}

/**
 * Decides one sentence: `body` is its text without markers, `markers` the passage numbers
 * it cites (unknown ones are ignored). A sentence no cited passage supports is re-cited
 * to the first other passage that does, else dropped.
 */
export function groundSentence(
  body: string,
  markers: number[],
  passages: GroundingPassage[],
  options: GroundOptions = {},
): SentenceOutcome {
  const byNumber = new Map(passages.map((passage) => [passage.n, passage]));
  const chosen = [...new Set(markers)].flatMap((n) => byNumber.get(n) ?? []);
  const cited = chosen.map((passage) => passage.n);
  if (cited.length === 0)
    return { status: 'dropped', cited, reason: markers.length > 0 ? '없는 출처 번호만 표시했습니다' : '출처 표시가 없습니다' };
  const check = checkAgainst(body, chosen, passages, options.terms);
  if (check.supported) return { status: 'kept', cited, check };
  const reason = check.reason ?? '근거가 부족합니다';
  if (options.recite !== false) {
    for (const passage of passages) {
      if (cited.includes(passage.n)) continue;
      const other = checkAgainst(body, [passage], passages, options.terms);
      if (other.supported) return { status: 'recited', cited, recitedTo: passage.n, reason, check: other };
    }
  }
  return { status: 'dropped', cited, reason, check };
}
