// Joining time atoms into expressions: "2025년 6월 18일" is one expression of three atoms,
// each continuing the one before it.
import { atomsOf, type Atom } from './temporal-atoms.js';

/** Atoms that form one expression, in text order. */
export type Group = [Atom, ...Atom[]];

export const lastAtom = (group: Group): Atom => group[group.length - 1] ?? group[0];

function adjacent(text: string, a: Atom, b: Atom): boolean {
  return b.start === a.end || (b.start === a.end + 1 && text.charCodeAt(a.end) === 0x20);
}

/** Whether `next` continues the expression ending in `last` ("2025년" → "6월" → "18일"). */
function continues(last: Atom, next: Atom): boolean {
  switch (last.t) {
    case 'year':
      return (
        (next.t === 'month' && !next.prefix) ||
        (next.t === 'monthRange' && !next.prefix) ||
        (next.t === 'quarter' && !next.prefix && next.year === undefined) ||
        (next.t === 'half' && !next.prefix)
      );
    case 'month':
    case 'relMonth':
      return !last.part && (next.t === 'day' || next.t === 'dayRange') && !next.prefix;
    default:
      return false;
  }
}

/** The atoms of `text` in order, adjacent ones that continue each other in one group. */
export function findAtomGroups(text: string): Group[] {
  const groups: Group[] = [];
  let group: Group | undefined;
  for (const atom of atomsOf(text)) {
    const last = group?.[group.length - 1];
    if (group && last && adjacent(text, last, atom) && continues(last, atom)) {
      group.push(atom);
    } else {
      group = [atom];
      groups.push(group);
    }
  }
  return groups;
}
