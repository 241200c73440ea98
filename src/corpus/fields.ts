// Metadata cleaning shared by every corpus format, so a date or a tag list means the same
// thing whether it came from front matter, a JSONL line or an HTML meta tag.

import type { z } from 'zod';
import { normalizeText } from '../text/normalize.js';

/** What a format parser makes of one article, before ids and text normalisation. */
export interface ArticleDraft {
  id?: string;
  title: string;
  date?: string;
  source?: string;
  url?: string;
  tags?: string[];
  text: string;
}

/** A parse result: the value, or a short Korean reason why the input is skipped. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; reason: string };

export const fail = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });

/** A JSON object or YAML mapping: what an article's fields must come in (never an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A date (optionally followed by an ISO time, which is dropped: the date as written is kept). */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\S.*)?$/;

/** Validates a YYYY-MM-DD string (a real calendar day) and returns it without any time part. */
export function parseDate(value: string): Outcome<string> {
  const trimmed = value.trim();
  const match = ISO_DATE.exec(trimmed);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const date = new Date(Date.UTC(year, month - 1, day));
    // Date.UTC rolls 02-30 over to March; a round trip catches impossible days.
    if (date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day) {
      return { ok: true, value: `${match[1]}-${match[2]}-${match[3]}` };
    }
  }
  return fail(`잘못된 날짜: "${trimmed.slice(0, 40)}" (YYYY-MM-DD 형식이어야 함)`);
}

/** An optional date field: blank or missing is no date, anything else must parse. */
export function optionalDate(value: string | null | undefined): Outcome<string | undefined> {
  if (!value?.trim()) return { ok: true, value: undefined };
  return parseDate(value);
}

/** YYYY-MM-DD of a Date in UTC (js-yaml reads an unquoted `2025-10-30` as midnight UTC). */
export function dateFromUtc(date: Date): Outcome<string> {
  if (Number.isNaN(date.getTime())) return fail('잘못된 날짜');
  return parseDate(date.toISOString().slice(0, 10));
}

/** Normalised single-line text: NFC, whitespace runs collapsed to one space, trimmed. */
export function cleanInline(value: string): string {
  return normalizeText(value).replace(/\s+/g, ' ').trim();
}

/** An optional one-line string field; empty becomes undefined. */
export function optionalInline(value: string | number | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  return cleanInline(String(value)) || undefined;
}

/**
 * Keeps absolute http(s) URLs only: the web page turns `url` into a link, so a
 * `javascript:` or relative URL from a corpus file must never reach it.
 */
export function cleanUrl(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  if (!trimmed) return undefined;
  try {
    const url = new URL(trimmed);
    return url.protocol === 'http:' || url.protocol === 'https:' ? trimmed : undefined;
  } catch {
    return undefined;
  }
}

/** Tags from an array or a comma-separated string; trimmed, deduplicated, empty ones dropped. */
function cleanTags(value: string | readonly (string | number)[] | null | undefined): string[] | undefined {
  if (value === null || value === undefined) return undefined;
  const items = typeof value === 'string' ? value.split(',') : value.map(String);
  const tags = [...new Set(items.map(cleanInline).filter((tag) => tag !== ''))];
  return tags.length > 0 ? tags : undefined;
}

/** The fields front matter and a JSONL line share, once their schema has checked them. */
interface DraftFields {
  id?: string | number | null;
  title: string;
  source?: string | number | null;
  url?: string | null;
  tags?: string | readonly (string | number)[] | null;
  text: string;
}

/** The draft of a structured article (front matter, JSONL line): one cleaning for both formats. */
export function draftOf(fields: DraftFields, date: Outcome<string | undefined>): Outcome<ArticleDraft> {
  if (!date.ok) return date;
  return {
    ok: true,
    value: {
      id: optionalInline(fields.id),
      title: fields.title,
      date: date.value,
      source: optionalInline(fields.source),
      url: cleanUrl(fields.url),
      tags: cleanTags(fields.tags),
      text: fields.text,
    },
  };
}

/** Turns a zod issue into a short Korean reason naming the field ("title 없음", "url 형식 오류"). */
export function describeIssue(issue: z.core.$ZodIssue | undefined, input: Record<string, unknown>): string {
  const field = issue && issue.path.length > 0 ? String(issue.path[0]) : '';
  if (!field) return '형식 오류';
  const value = input[field];
  const missing = value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
  return missing ? `${field} 없음` : `${field} 형식 오류`;
}
