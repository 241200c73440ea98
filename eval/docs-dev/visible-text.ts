// An independent measure of what a reader of an HTML page sees, for checking the HTML reader
// (src/corpus/html.ts) from outside: it shares none of the reader's cleaning rules. Visible text
// is the body less `nav`, `header`, `footer`, `aside`, scripts, styles and hidden elements (issue 12).
// A group of hidden variants (LibreOffice's `switchinline`: Command/Ctrl, Impress/Draw wording)
// shows exactly one variant; `choose` says which one the reference holds.

import { DOMParser } from 'linkedom';

const DROPPED = 'script, style, noscript, template, nav, header, footer, aside';

export interface Variant {
  /** The variant's class in upper case: MAC, WIN, UNIX, IMPRESS, DRAW …; '' for the default. */
  variant: string;
  text: string;
}

/** Index of the variant the reference shows, or -1 for none (a variant only for another application). */
export type ChooseVariant = (variants: Variant[]) => number;

/** Variants some reader sees whatever the application: the default and the platform ones. */
export const UNIVERSAL_VARIANTS = new Set(['', 'MAC', 'WIN', 'UNIX']);

/** The default variant, else a platform one; none when all are for particular applications. */
export const defaultVariant: ChooseVariant = (variants) => {
  const index = variants.findIndex(({ variant }) => variant === '');
  return index >= 0 ? index : variants.findIndex(({ variant }) => UNIVERSAL_VARIANTS.has(variant));
};

export interface VisibleText {
  /** Visible body text, each variant group replaced by its chosen variant. */
  text: string;
  /** Every variant group, to check that one of its variants reached the extracted text. */
  variantGroups: Variant[][];
  /** Text of every `.menuitem` shown (LibreOffice's menu paths), the chosen variants' included. */
  menuItems: string[];
}

export function visibleText(html: string, choose: ChooseVariant = defaultVariant): VisibleText {
  const document = new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
  const body = document.body;
  for (const element of Array.from(body.querySelectorAll(DROPPED))) element.remove();
  const variantGroups: Variant[][] = [];
  for (const group of Array.from(body.querySelectorAll('.switchinline, .switch'))) {
    const children = Array.from(group.children);
    if (children.length === 0 || !children.every((child) => child.hasAttribute('hidden'))) continue;
    const variants = children.map((child) => ({
      variant: (child.getAttribute('class') ?? '').trim().toUpperCase(),
      text: child.textContent ?? '',
    }));
    variantGroups.push(variants);
    const chosen = choose(variants);
    children.forEach((child, index) => (index === chosen ? child.removeAttribute('hidden') : child.remove()));
  }
  for (const element of Array.from(body.querySelectorAll('[hidden]'))) element.remove();
  const menuItems = Array.from(body.querySelectorAll('.menuitem')).map((element) => element.textContent ?? '');
  // Separate adjacent blocks so their words do not run together in textContent.
  for (const element of Array.from(body.querySelectorAll('p, div, li, td, th, h1, h2, h3, h4, h5, h6, br, dt, dd, pre'))) {
    element.before(document.createTextNode(' '));
    element.after(document.createTextNode(' '));
  }
  return { text: body.textContent ?? '', variantGroups, menuItems };
}

/** Without whitespace: a variant glued to the next word ("격자를") still counts as kept. */
const squeeze = (text: string): string => text.replace(/\s+/g, '');

export interface ExtractionCheck {
  /** Share of the visible text (words, by length) found in the extracted title and text. */
  coverage: number;
  /** Variant groups a reader sees in some form of which no variant reached the text. */
  variantGroupsMissing: number;
  menuItems: number;
  menuItemsKept: number;
}

/**
 * Checks an extraction against the page. The reference shows, of each variant group, the one for
 * `module` if there is one; else the default or another variant found in the extracted text (so
 * the reader may pick any), else the default one (so dropping them all costs their words).
 */
export function checkExtraction(
  html: string,
  extracted: string,
  coverageOf: (reference: string, candidate: string) => number,
  module?: string,
): ExtractionCheck {
  const kept = squeeze(extracted);
  const isKept = ({ text }: Variant) => squeeze(text) !== '' && kept.includes(squeeze(text));
  // The default first: a short variant ("페이지") may occur elsewhere in the text by chance.
  // `module` (IMPRESS for a page of the simpress folder …) picks the variants for this application.
  const choose: ChooseVariant = (variants) => {
    const own = module === undefined ? -1 : variants.findIndex(({ variant }) => variant === module);
    if (own >= 0) return own;
    const fallback = defaultVariant(variants);
    // Only variants for other applications: this application shows none of them.
    if (module !== undefined && fallback < 0) return -1;
    if (fallback >= 0 && isKept(variants[fallback]!)) return fallback;
    const found = variants.findIndex(isKept);
    return found >= 0 ? found : fallback;
  };
  const seen = visibleText(html, choose);
  const shown = seen.variantGroups.filter((group) =>
    group.some(({ variant, text }) => UNIVERSAL_VARIANTS.has(variant) && squeeze(text) !== ''),
  );
  return {
    coverage: coverageOf(seen.text, extracted),
    variantGroupsMissing: shown.filter((group) => !group.some(isKept)).length,
    menuItems: seen.menuItems.length,
    menuItemsKept: seen.menuItems.filter((item) => kept.includes(squeeze(item))).length,
  };
}
