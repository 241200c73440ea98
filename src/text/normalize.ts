// Text normalisation applied once when an article is read. Every offset in the
// index refers to the normalised text, so it must be the text we store and serve.

const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;
// Unicode spaces other than the plain space and line breaks.
const ODD_SPACES = /[\t\v\f\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;

/**
 * NFC (so decomposed jamo from macOS or some CMSs compare equal), LF line ends,
 * no zero-width characters, no trailing spaces, at most one blank line in a row.
 */
export function normalizeText(input: string): string {
  return input
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(ZERO_WIDTH, '')
    .replace(ODD_SPACES, ' ')
    .replace(/ +\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Lower-cases Latin text and maps full-width forms to ASCII, for matching only (never for storage). */
export function foldForMatch(input: string): string {
  return input.normalize('NFKC').toLowerCase();
}
