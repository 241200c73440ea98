// Time among look-alike articles (the same statistic each month, a company's quarters, a report
// and its update). A question that names its time ("6월", "2분기", "2차전") wants the article
// whose headline reports that time, though an article of another month mentions it in passing
// ("6월 통계는 …") and may match better. A question that asks for the newest state ("가장 최근",
// "현재", "최종") or the first one ("처음", "당초") wants the newest or the oldest, wherever plain
// relevance ranked it.
import type { Hit } from '../domain/types.js';
import { timeIntent } from '../text/temporal.js';
import { headlineNamesOtherTime, headlineNamesTime, impliedRoundUnits, timeUnitTerms } from '../text/time-terms.js';
import { sameSubject } from '../text/title-subject.js';
import { analyze } from '../text/tokens.js';

/** Groups of look-alike articles among `ids` (single link over headline similarity). */
function lookalikeGroups(ids: string[], titles: Map<string, string[]>): Map<string, number> {
  const groupOf = new Map<string, number>();
  ids.forEach((id, i) => {
    if (groupOf.has(id)) return;
    groupOf.set(id, i);
    const stack = [id];
    for (let current = stack.pop(); current !== undefined; current = stack.pop()) {
      const currentTitle = titles.get(current) ?? [];
      for (const other of ids) {
        if (groupOf.has(other) || !sameSubject(currentTitle, titles.get(other) ?? [])) continue;
        groupOf.set(other, i);
        stack.push(other);
      }
    }
  });
  return groupOf;
}

/**
 * Reorders `hits` (best first) for the question's time: within each group of dated look-alike
 * articles, those whose headline names the question's time come first and those naming another
 * time of that unit last; then, for a time intent, the newest (or oldest) first. Reordered hits
 * take the best places the group holds, with their scores, so the top k keeps them. Other hits
 * keep their places; a question with no time changes nothing.
 */
export function orderByTime(question: string, hits: Hit[]): Hit[] {
  const intent = timeIntent(question);
  const units = [...timeUnitTerms(analyze(question, { query: true })), ...impliedRoundUnits(question)];
  if (!intent && units.length === 0) return hits;
  const titles = new Map<string, string[]>();
  for (const hit of hits)
    if (hit.article.date && !titles.has(hit.article.id)) titles.set(hit.article.id, analyze(hit.article.title, { joinCompounds: false }));
  const groupOf = lookalikeGroups([...titles.keys()], titles);
  // 0: the headline names the asked time; 1: no time of that unit; 2: another time of it.
  const timeRank = (hit: Hit) => {
    if (units.length === 0) return 1;
    const title = titles.get(hit.article.id) ?? [];
    return headlineNamesTime(units, title) ? 0 : headlineNamesOtherTime(units, title) ? 2 : 1;
  };
  const out = [...hits];
  let changed = false;
  for (const group of new Set(groupOf.values())) {
    const slots = hits.flatMap((hit, i) => (groupOf.get(hit.article.id) === group ? [{ hit, i }] : []));
    if (new Set(slots.map(({ hit }) => hit.article.id)).size < 2) continue;
    const members = slots
      .map(({ hit }, order) => ({ hit, order, rank: timeRank(hit), date: hit.article.date ?? '' }))
      .sort((a, b) => {
        const byDate = intent ? a.date.localeCompare(b.date) * (intent === 'latest' ? -1 : 1) : 0;
        return a.rank - b.rank || byDate || a.order - b.order;
      });
    slots.forEach(({ hit, i }, place) => {
      const member = members[place];
      if (!member || member.hit === hit) return;
      out[i] = { ...member.hit, score: hit.score };
      changed = true;
    });
  }
  return changed ? out : hits;
}
