// Words of a claim or a passage as the grounding check sees them: a stem to compare,
// the particle that gives its role, and whether it can be a name.
import { splitWords, stripParticle, type Word } from '../../text/tokens.js';
import { NOMINAL_PARTICLES, PREDICATE_ENDINGS, titleOf } from './lexicon.js';

export interface Token {
  surface: string;
  stem: string;
  start: number;
  end: number;
  latin: boolean;
  /** The particle after the word ('' when none): decides its role in the clause. */
  particle: string;
  /** Took a noun particle, or has no predicate ending: can be a name. */
  nounLike: boolean;
  title?: string;
}

// Polite and quoting endings the particle stripper leaves on predicates.
// prettier-ignore
const ENDINGS = [
  '하겠습니다', '하였습니다', '되었습니다', '했습니다', '됐습니다', '였습니다', '었습니다', '았습니다', '합니다', '됩니다', '입니다', '습니다', '하겠다고', '하겠다', '했다고', '한다고',
  '된다고', '했으며', '했고', '해요', '이었다', '였다', '이다',
].sort((a, b) => b.length - a.length);

function reduceEnding(stem: string): string {
  for (const ending of ENDINGS)
    if (stem.length - ending.length >= 2 && stem.endsWith(ending)) return stem.slice(0, stem.length - ending.length);
  return stem;
}

/** A past or connective predicate form before -지만 and the like ("이송됐지", "늘었지"): not a noun. */
const PREDICATE_STEM = /[었았했됐였겠졌웠렸쳤셨났랐갔왔섰켰혔]지?$/;
/** One-syllable nouns keep their particle in stripParticle ("불은", "도에서", "년에"); these come off. */
const SHORT_NOUN_PARTICLES = ['에서', '으로', '에게', '은', '는', '이', '가', '을', '를', '에', '의', '도', '로', '와', '과', '만'];

/** "엣지+", "S6+": a trailing plus names another product, so it belongs to the word. */
function plus(token: Token): void {
  token.surface += '+';
  token.stem += '+';
  token.end += 1;
}

function latinToken(surface: string, start: number, end: number, text: string): Token {
  const token: Token = { surface, stem: surface.toLowerCase(), start, end, latin: true, particle: '', nounLike: true };
  if (text[end] === '+') plus(token);
  return token;
}

function hangulToken(word: Word, text: string): Token {
  let stripped = word.text.endsWith('학과') ? word.text : stripParticle(word.text);
  if (stripped === word.text && word.text.length <= 3) {
    const particle = SHORT_NOUN_PARTICLES.find((candidate) => word.text.length > candidate.length && word.text.endsWith(candidate));
    if (particle && word.text.length - particle.length === 1) stripped = word.text.slice(0, 1);
  }
  const stem = reduceEnding(stripped);
  const suffix = word.text.slice(stripped.length);
  const nominal = NOMINAL_PARTICLES.has(suffix);
  const nounLike = suffix !== '' ? nominal && !PREDICATE_STEM.test(stem) : !PREDICATE_ENDINGS.has(stem.at(-1) ?? '');
  const token: Token = {
    surface: word.text,
    stem,
    start: word.start,
    end: word.end,
    latin: false,
    particle: nominal ? suffix : '',
    nounLike,
  };
  const title = titleOf(stem);
  if (title) token.title = title;
  if (suffix === '' && text[word.end] === '+') plus(token);
  return token;
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let before: Word | undefined;
  for (const word of splitWords(text)) {
    const previousWord = before;
    before = word;
    const previous = tokens.at(-1);
    // Model names glue letters and digits ("S6", "G20", "5G"): one Latin word, compared whole.
    if (word.kind === 'number' && previous?.latin && previous.end === word.start) {
      previous.surface += word.text;
      previous.stem += word.text;
      previous.end = word.end;
      if (text[word.end] === '+') plus(previous);
    } else if (word.kind === 'number') {
      continue;
    } else if (word.kind === 'latin' && previousWord?.kind === 'number' && previousWord.end === word.start) {
      tokens.push(latinToken(previousWord.text + word.text, previousWord.start, word.end, text));
    } else if (word.kind === 'hangul' && previous?.latin && previous.end === word.start && NOMINAL_PARTICLES.has(word.text)) {
      // "울림FC는": the particle belongs to the Latin word before it.
      previous.particle = word.text;
    } else if (word.kind === 'latin') {
      tokens.push(latinToken(word.text, word.start, word.end, text));
    } else {
      tokens.push(hangulToken(word, text));
    }
  }
  return tokens;
}

/** True when `text` holds `stem` as written, not as the start of a "+" name ("엣지" is not in "엣지+"). */
export function containsWord(text: string, stem: string): boolean {
  for (let at = text.indexOf(stem); at >= 0; at = text.indexOf(stem, at + 1)) {
    if (stem.endsWith('+') || text[at + stem.length] !== '+') return true;
  }
  return false;
}
