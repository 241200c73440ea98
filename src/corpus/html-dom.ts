// DOM passes of the HTML reader: what a reader of the page sees (no scripts, no hidden
// elements, one variant of each platform/application switch), what is page chrome, and the
// page's text with one paragraph per block element.

import { DOMParser } from 'linkedom';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Elements whose text is never shown as page text. */
// prettier-ignore
const NEVER_TEXT = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'MATH', 'IFRAME', 'OBJECT', 'EMBED', 'CANVAS', 'HEAD', 'TITLE', 'SELECT',
  'OPTION', 'TEXTAREA', 'DIALOG',
]);

/** Page chrome by tag: navigation, site header and footer, side boxes, forms and their buttons. */
const CHROME_TAGS = new Set(['NAV', 'HEADER', 'FOOTER', 'ASIDE', 'FORM', 'BUTTON']);

/** Page chrome by ARIA landmark role. */
const CHROME_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search', 'menubar']);

/**
 * Whole class or id tokens (split on `-`, `_`, spaces and camelCase) that mark a block as page
 * layout or news boilerplate. Whole tokens, never substrings: Readability's substring rule
 * /menu|related|…/ is what removed LibreOffice's `<span class="menuitem">` menu paths, so
 * `menuitem`, `relatedtopics` or `header1` do not match here, and only containers are tested
 * (`CONTAINERS`).
 */
// prettier-ignore
const LAYOUT_TOKENS = new Set([
  'gnb', 'lnb', 'snb', 'nav', 'navbar', 'navigation', 'navheader', 'navfooter', 'breadcrumb', 'breadcrumbs', 'sitemap', 'header',
  'footer', 'sidebar', 'aside', 'skip', 'skipnav', 'toolbar', 'pagination', 'pager',
]);
// prettier-ignore
const BOILERPLATE_TOKENS = new Set([
  'ad', 'ads', 'adsense', 'adsbygoogle', 'advert', 'advertisement', 'banner', 'sponsor', 'sponsored', 'promotion', 'share',
  'sharing', 'sns', 'social', 'related', 'relation', 'recommend', 'recommended', 'popular', 'ranking', 'most', 'comment',
  'comments', 'reply', 'replies', 'subscribe', 'newsletter', 'copyright', 'byline', 'reporter', 'journalist', 'tags', 'tag',
  'keyword', 'keywords', 'print', 'font', 'fontsize',
]);
/** Tokens that make a layout token part of the article: `article-header` holds the subtitle. */
const CONTENT_TOKENS = new Set(['article', 'post', 'entry', 'content', 'news', 'story', 'view', 'body', 'main']);

function isChromeByClass(element: Element): boolean {
  const tokens = attributeTokens(element);
  if (tokens.some((token) => BOILERPLATE_TOKENS.has(token))) return true;
  return tokens.some((token) => LAYOUT_TOKENS.has(token)) && !tokens.some((token) => CONTENT_TOKENS.has(token));
}

/**
 * Containers that `byClass` may remove. Never paragraphs, headings or inline elements: LibreOffice
 * labels its related-topics list `<p class="related">`, and a paragraph-sized notice is better
 * judged by its words (news-lines.ts).
 */
const CONTAINERS = new Set(['DIV', 'SECTION', 'UL', 'OL', 'DL', 'TABLE', 'MENU']);

/** Inline elements: their text always belongs to the block around them. */
// prettier-ignore
const INLINE = new Set([
  'A', 'ABBR', 'B', 'BDI', 'BDO', 'CITE', 'CODE', 'DATA', 'DEL', 'DFN', 'EM', 'FONT', 'I', 'INS', 'KBD', 'LABEL', 'MARK', 'Q',
  'S', 'SAMP', 'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'TT', 'U', 'VAR', 'WBR', 'BIG', 'NOBR',
]);

/** Elements that start a new paragraph in the extracted text, so a heading never joins the next sentence. */
// prettier-ignore
const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'CAPTION', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LEGEND', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE',
  'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'THEAD', 'TFOOT', 'TR', 'UL', 'CENTER',
]);

/**
 * Platform and application variants of LibreOffice's help (`<span class="switchinline">` holding
 * `<span hidden class="MAC">Command</span><span hidden>Ctrl</span>`); its script shows one of them.
 */
const SYSTEM_VARIANTS = new Set(['MAC', 'WIN', 'UNIX']);
const MODULE_OF_FOLDER: Record<string, string> = {
  simpress: 'IMPRESS', sdraw: 'DRAW', scalc: 'CALC', swriter: 'WRITER', schart: 'CHART', smath: 'MATH',
  sbasic: 'BASIC', sdatabase: 'BASE',
};

export function parseDocument(html: string): Document {
  // linkedom's Document is DOM-compatible for what Readability and we use; its types are its own.
  return new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

const tagOf = (element: Element): string => element.tagName.toUpperCase();

function isElement(node: Node): node is Element {
  return node.nodeType === ELEMENT_NODE;
}

function elementChildren(element: Element): Element[] {
  return Array.from(element.childNodes).filter(isElement);
}

/** Class and id split into lower-case tokens: `relation_news` → relation, news; `adArea` → ad, area. */
function attributeTokens(element: Element): string[] {
  const raw = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
  return raw
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[\s_-]+/)
    .filter((token) => token !== '');
}

function isHidden(element: Element): boolean {
  if (element.hasAttribute('hidden')) return true;
  const style = (element.getAttribute('style') ?? '').replace(/\s+/g, '').toLowerCase();
  return style.includes('display:none') || style.includes('visibility:hidden');
}

/**
 * The application whose help this page is, from LibreOffice's own markup (the debug line in its
 * footer names the source file, `/text/simpress/…`); undefined for any other page.
 */
export function helpModule(document: Document): string | undefined {
  for (const link of Array.from(document.querySelectorAll('a[href*="/text/"]'))) {
    const folder = /\/text\/(s[a-z]+)\//.exec(link.getAttribute('href') ?? '')?.[1];
    if (folder !== undefined && link.getAttribute('href')?.endsWith('.xhp')) return MODULE_OF_FOLDER[folder];
  }
  return undefined;
}

/**
 * Resolves groups of hidden variants: an element whose element children are all hidden keeps
 * exactly one of them, un-hidden. The variant for this page's application wins, then the default
 * (no class: Ctrl rather than Command), then a platform-only one (a Windows-only example is still
 * text); a variant only for another application is not shown in this one and is dropped.
 */
export function resolveVariants(root: Element, module: string | undefined): void {
  for (const group of Array.from(root.querySelectorAll('.switchinline, .switch'))) {
    const variants = elementChildren(group);
    if (variants.length === 0 || !variants.every((variant) => variant.hasAttribute('hidden'))) continue;
    const classOf = (variant: Element) => (variant.getAttribute('class') ?? '').trim().toUpperCase();
    const chosen =
      variants.find((variant) => module !== undefined && classOf(variant) === module) ??
      variants.find((variant) => classOf(variant) === '') ??
      variants.find((variant) => SYSTEM_VARIANTS.has(classOf(variant)));
    for (const variant of variants) {
      if (variant === chosen) variant.removeAttribute('hidden');
      else variant.remove();
    }
  }
}

/** Removes what is never shown: scripts, styles, comments, hidden elements. */
export function removeInvisible(root: Element): void {
  const visit = (node: Element): void => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 8) {
        child.remove(); // comment
        continue;
      }
      if (!isElement(child)) continue;
      if (NEVER_TEXT.has(tagOf(child)) || isHidden(child)) child.remove();
      else visit(child);
    }
  };
  visit(root);
}

interface ChromeOptions {
  /** Also drop blocks whose class or id names them as chrome or boilerplate (`isChromeByClass`). */
  byClass: boolean;
}

/**
 * Removes page chrome below `root`: chrome tags and landmark roles always; with `byClass`, blocks
 * containers whose class/id tokens say chrome, unless that block holds most of the page's text (a
 * site that wraps its whole article in `<div class="article-header-and-body">` keeps it).
 */
export function removeChrome(root: Element, options: ChromeOptions): void {
  const total = (root.textContent ?? '').replace(/\s+/g, '').length;
  const visit = (node: Element): void => {
    for (const child of elementChildren(node)) {
      const tag = tagOf(child);
      const role = (child.getAttribute('role') ?? '').toLowerCase();
      if (CHROME_TAGS.has(tag) || CHROME_ROLES.has(role)) {
        child.remove();
        continue;
      }
      if (options.byClass && CONTAINERS.has(tag) && isChromeByClass(child)) {
        const own = (child.textContent ?? '').replace(/\s+/g, '').length;
        if (own <= total / 2) {
          child.remove();
          continue;
        }
      }
      visit(child);
    }
  };
  visit(root);
}

/**
 * Drops class and id from inline elements (on the copy given to Readability): its "unlikely
 * candidate" test matches substrings such as `menu` in `menuitem` and would delete the element
 * with its text, leaving "…하려면 을 선택하고".
 */
export function neutralizeInlineAttributes(root: Element): void {
  for (const element of Array.from(root.querySelectorAll('*'))) {
    if (!INLINE.has(tagOf(element))) continue;
    element.removeAttribute('class');
    element.removeAttribute('id');
  }
}

/** Text of `root`: one blank line between block elements, a line break for `<br>`, cells spaced. */
export function blockText(root: Node): string {
  const parts: string[] = [];
  const visit = (node: Node): void => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === TEXT_NODE) {
        parts.push((child.textContent ?? '').replace(/\s+/g, ' '));
        continue;
      }
      if (!isElement(child)) continue;
      const tag = tagOf(child);
      if (NEVER_TEXT.has(tag)) continue;
      if (tag === 'BR') {
        parts.push('\n');
        continue;
      }
      if (tag === 'PRE') {
        // Code keeps its lines; each line is then its own sentence, never glued to prose.
        parts.push('\n\n', (child.textContent ?? '').replace(/[ \t]+/g, ' '), '\n\n');
        continue;
      }
      const block = BLOCKS.has(tag);
      if (block) parts.push('\n\n');
      visit(child);
      parts.push(block ? '\n\n' : tag === 'TD' || tag === 'TH' ? ' ' : '');
    }
  };
  visit(root);
  return parts
    .join('')
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
