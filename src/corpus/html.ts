// `.html` / `.htm` articles: the main text via Readability, metadata from the usual meta tags.

import { Readability } from '@mozilla/readability';
import { DOMParser } from 'linkedom';
import { type ArticleDraft, type Outcome, cleanInline, cleanUrl, fail, optionalInline, parseDate } from './fields.js';

/** Elements whose text is never article text. */
const NEVER_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'OBJECT', 'EMBED', 'CANVAS', 'HEAD']);
/** Page chrome, dropped too when we fall back to the whole body. */
const CHROME = new Set(['NAV', 'HEADER', 'FOOTER', 'ASIDE', 'FORM', 'BUTTON']);
/** Elements that start a new paragraph in the extracted text. */
const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER',
  'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE',
  'SECTION', 'TABLE', 'TR', 'UL',
]);

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

function parseDocument(html: string): Document {
  // linkedom's Document is DOM-compatible for what Readability and we use; its types are its own.
  return new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

function metaContent(document: Document, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const element = document.querySelector(`meta[property="${key}"], meta[name="${key}"]`);
    const content = element?.getAttribute('content')?.trim();
    if (content) return content;
  }
  return undefined;
}

/** Text of `root` with one blank line between block elements and scripts/styles left out. */
function blockText(root: Node, skip: ReadonlySet<string>): string {
  const parts: string[] = [];
  const visit = (node: Node): void => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === TEXT_NODE) {
        parts.push((child.textContent ?? '').replace(/\s+/g, ' '));
        continue;
      }
      if (child.nodeType !== ELEMENT_NODE) continue;
      const tag = (child as Element).tagName.toUpperCase();
      if (skip.has(tag)) continue;
      if (tag === 'BR') {
        parts.push('\n');
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

/** Main text by Readability; falls back to the body (minus chrome) when it finds nothing. */
function mainText(html: string, document: Document): string {
  // Readability rewrites the document it is given, so metadata must be read before this.
  const article = new Readability<Node>(document, { serializer: (node) => node }).parse();
  const extracted = article?.content ? blockText(article.content, NEVER_TEXT) : '';
  if (extracted) return extracted;
  const body = parseDocument(html).body;
  return body ? blockText(body, new Set([...NEVER_TEXT, ...CHROME])) : '';
}

/** Parses one `.html` file (already decoded). */
export function parseHtml(html: string): Outcome<ArticleDraft> {
  const document = parseDocument(html);
  const title = cleanInline(
    metaContent(document, 'og:title') ??
      document.querySelector('title')?.textContent ??
      document.querySelector('h1')?.textContent ??
      '',
  );
  if (!title) return fail('title 없음');

  // Scraped pages carry all sorts of date strings; one we cannot read is dropped, not fatal.
  const rawDate =
    metaContent(document, 'article:published_time') ?? document.querySelector('time[datetime]')?.getAttribute('datetime');
  const date = rawDate ? parseDate(rawDate) : undefined;

  const url =
    cleanUrl(document.querySelector('link[rel="canonical"]')?.getAttribute('href')) ??
    cleanUrl(metaContent(document, 'og:url'));
  const source = optionalInline(metaContent(document, 'og:site_name'));

  return {
    ok: true,
    value: { title, date: date?.ok ? date.value : undefined, source, url, text: mainText(html, document) },
  };
}
