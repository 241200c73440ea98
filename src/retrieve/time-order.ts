// A question that asks for the newest state ("가장 최근", "현재", "최종") or the first one
// ("처음", "당초") wants, among look-alike articles (the same statistic each month, a report
// and its update), the newest or the oldest, wherever plain relevance ranked it: the
// headline that matches the question best is often an older month's.
import type { Hit } from '../domain/types.js';
import { timeIntent } from '../text/temporal.js';
import { sameSubject } from '../text/title-subject.js';
import { analyze } from '../text/tokens.js';

/**
 * Reorders `hits` (best first) for the question's time intent: within each group of dated
 * look-alike articles, the newest (or oldest) takes the best places the group holds, with
 * their scores, so the top k keeps it. Other hits keep their places; no intent, no change.
 */
export function orderByTimeIntent(question: string, hits: Hit[]): Hit[] {
  const intent = timeIntent(question);
  if (!intent) return hits;
  const titles = new Map<string, string[]>();
  for (const hit of hits) if (hit.article.date && !titles.has(hit.article.id)) titles.set(hit.article.id, analyze(hit.article.title));
  // Group articles by look-alike headlines (single link).
  const groupOf = new Map<string, number>();
  const ids = [...titles.keys()];
  ids.forEach((id, i) => {
    if (groupOf.has(id)) return;
    groupOf.set(id, i);
    const stack = [id];
    while (stack.length > 0) {
      const current = stack.pop()!;
      for (const other of ids) {
        if (groupOf.has(other) || !sameSubject(titles.get(current)!, titles.get(other)!)) continue;
        groupOf.set(other, i);
        stack.push(other);
      }
    }
  });
  const out = [...hits];
  for (const group of new Set(groupOf.values())) {
    const slots = hits.flatMap((hit, i) => (groupOf.get(hit.article.id) === group ? [i] : []));
    if (new Set(slots.map((i) => hits[i]!.article.id)).size < 2) continue;
    const members = slots
      .map((i) => hits[i]!)
      .map((hit, order) => ({ hit, order }))
      .sort((a, b) => {
        const byDate = a.hit.article.date!.localeCompare(b.hit.article.date!);
        return (intent === 'latest' ? -byDate : byDate) || a.order - b.order;
      });
    slots.forEach((slot, i) => {
      out[slot] = { ...members[i]!.hit, score: hits[slot]!.score };
    });
  }
  return out;
}
