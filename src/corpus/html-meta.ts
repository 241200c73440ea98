// Article metadata from an HTML page: Open Graph and article:* meta tags, JSON-LD
// (schema.org NewsArticle and its kin), <time datetime>, <title> and the first <h1>.

import { cleanInline, cleanUrl, isRecord, optionalInline, parseDate } from './fields.js';

interface HtmlMeta {
  title?: string;
  date?: string;
  source?: string;
  url?: string;
}

function metaContent(document: Document, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const element = document.querySelector(`meta[property="${key}"], meta[name="${key}"], meta[itemprop="${key}"]`);
    const content = element?.getAttribute('content')?.trim();
    if (content) return content;
  }
  return undefined;
}

type JsonObject = Record<string, unknown>;

/** schema.org types that describe the page's article: NewsArticle, ReportageNewsArticle, BlogPosting … */
function isArticleType(type: unknown): boolean {
  const types = Array.isArray(type) ? type : [type];
  return types.some((value) => typeof value === 'string' && /(?:Article|BlogPosting|Report)$/.test(value));
}

/** Every object of every JSON-LD block, `@graph` members included; a block that is not JSON is ignored. */
function jsonLdObjects(document: Document): JsonObject[] {
  const objects: JsonObject[] = [];
  const collect = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(collect);
    else if (isRecord(value)) {
      objects.push(value);
      if (Array.isArray(value['@graph'])) value['@graph'].forEach(collect);
    }
  };
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      collect(JSON.parse(script.textContent ?? ''));
    } catch {
      // Pages ship broken JSON-LD often enough; the other sources still apply.
    }
  }
  return objects;
}

const stringOf = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

/** `publisher` as a name, an object with `name`, or a list of either. */
function nameOf(value: unknown): string | undefined {
  if (Array.isArray(value)) return value.map(nameOf).find((name) => name !== undefined);
  if (isRecord(value)) return stringOf(value.name);
  return stringOf(value);
}

function validDate(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const date = parseDate(value);
  return date.ok ? date.value : undefined;
}

/**
 * Title: og:title, JSON-LD headline, <title>, first <h1>. Date: article:published_time, JSON-LD
 * datePublished, the first <time datetime>. Source: og:site_name, JSON-LD publisher.name.
 * URL: canonical link, og:url, JSON-LD url. Read before Readability, which rewrites the document.
 */
export function readHtmlMeta(document: Document): HtmlMeta {
  const article = jsonLdObjects(document).find((object) => isArticleType(object['@type']));
  const title = cleanInline(
    metaContent(document, 'og:title') ??
      stringOf(article?.headline) ??
      document.querySelector('title')?.textContent ??
      document.querySelector('h1')?.textContent ??
      '',
  );
  // Scraped pages carry all sorts of date strings; one we cannot read is dropped, not fatal.
  const date =
    validDate(metaContent(document, 'article:published_time')) ??
    validDate(stringOf(article?.datePublished)) ??
    validDate(document.querySelector('time[datetime]')?.getAttribute('datetime'));
  const source = optionalInline(metaContent(document, 'og:site_name') ?? nameOf(article?.publisher));
  const url =
    cleanUrl(document.querySelector('link[rel="canonical"]')?.getAttribute('href')) ??
    cleanUrl(metaContent(document, 'og:url')) ??
    cleanUrl(stringOf(article?.url));
  return { ...(title && { title }), ...(date && { date }), ...(source && { source }), ...(url && { url }) };
}
