// Request validation for the API: zod schemas, one rule per field shared by chat and search,
// and Korean messages that say what is wrong. Text inputs are normalised exactly as articles
// are at ingest (NFC above all), so a question typed in decomposed Hangul matches the corpus.
import { z } from 'zod';
import { AppError } from '../errors/app-error.js';
import { normalizeText } from '../text/normalize.js';
import { LIMITS } from '../domain/limits.js';
import { MESSAGES } from './errors.js';

const MAX_BODY_DEPTH = 8;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** A lone surrogate cannot be encoded as UTF-8; it only arrives through crafted `\uD800` escapes. */
const wellFormed = (value: string): boolean => !LONE_SURROGATE.test(value);
const BAD_CHARACTER = '잘못된 문자(짝이 없는 서로게이트)가 포함되어 있습니다.';

/**
 * One sentence per field saying what it accepts. Any problem with the field (wrong type,
 * out of range, not an integer) gets this sentence, so "5", 1.5, null, true and 1e308
 * all hear the same rule.
 */
const FIELD_RULES: Record<string, string> = {
  question: `question은 1~${LIMITS.questionChars}자의 문자열이어야 합니다.`,
  history: `history는 { "role", "content" } 항목 ${LIMITS.historyTurns}개 이하의 배열이어야 합니다.`,
  'history[]': 'history의 각 항목은 { "role": "user" 또는 "assistant", "content": 문자열 } 객체여야 합니다.',
  'history[].role': 'history의 role은 "user" 또는 "assistant"여야 합니다.',
  'history[].content': `history의 content는 ${LIMITS.historyTurnChars}자 이하의 문자열이어야 합니다.`,
  topK: `topK는 ${LIMITS.topK.min}~${LIMITS.topK.max} 사이의 정수여야 합니다.`,
  k: `k는 ${LIMITS.searchK.min}~${LIMITS.searchK.max} 사이의 정수여야 합니다.`,
  filters: 'filters는 { "dateFrom"?, "dateTo"?, "source"? } 객체여야 합니다.',
  dateFrom: 'dateFrom은 YYYY-MM-DD 형식의 날짜여야 합니다.',
  dateTo: 'dateTo는 YYYY-MM-DD 형식의 날짜여야 합니다.',
  source: `source는 1~${LIMITS.sourceChars}자의 문자열이어야 합니다.`,
  q: `검색어 q는 1~${LIMITS.questionChars}자의 문자열이어야 합니다.`,
};

function isRealDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine(isRealDate, '존재하지 않는 날짜입니다.');

/** Normalised like article text, then measured: NFC can shorten, zero-width characters vanish. */
function text(maxChars: number, emptyMessage: string, tooLongMessage: string) {
  return z
    .string()
    .refine(wellFormed, BAD_CHARACTER)
    .transform(normalizeText)
    .pipe(z.string().min(1, emptyMessage).max(maxChars, tooLongMessage));
}

const source = text(LIMITS.sourceChars, '출처(source)를 입력해 주세요.', `출처(source)는 ${LIMITS.sourceChars}자 이하여야 합니다.`);
const dateOrder = { message: 'dateFrom은 dateTo보다 늦을 수 없습니다.', path: ['dateTo'] };
const datesInOrder = (value: { dateFrom?: string; dateTo?: string }) => !(value.dateFrom && value.dateTo && value.dateFrom > value.dateTo);

const filtersSchema = z
  .strictObject({ dateFrom: isoDate.optional(), dateTo: isoDate.optional(), source: source.optional() })
  .refine(datesInOrder, dateOrder);

/** The earlier turns of a conversation: POST /api/chat's `history` and `ask --history`'s file. */
export const historySchema = z
  .array(
    z.strictObject({
      role: z.enum(['user', 'assistant']),
      content: z
        .string()
        .refine(wellFormed, BAD_CHARACTER)
        .transform(normalizeText)
        .pipe(z.string().max(LIMITS.historyTurnChars, `대화 기록의 각 항목은 ${LIMITS.historyTurnChars}자 이하여야 합니다.`)),
    }),
  )
  .max(LIMITS.historyTurns, `대화 기록은 최근 ${LIMITS.historyTurns}개까지만 보낼 수 있습니다.`);

export const chatSchema = z.strictObject({
  question: text(LIMITS.questionChars, '질문을 입력해 주세요.', `질문은 ${LIMITS.questionChars}자 이하로 입력해 주세요.`),
  history: historySchema.optional(),
  topK: z.number().int().min(LIMITS.topK.min).max(LIMITS.topK.max).optional(),
  filters: filtersSchema.optional(),
});

// Query values are strings, or arrays when a name is repeated (`?q=a&q=b`).
export const searchSchema = z
  .object({
    q: text(LIMITS.questionChars, '검색어(q)를 입력해 주세요.', `검색어는 ${LIMITS.questionChars}자 이하여야 합니다.`),
    k: z
      .string()
      .regex(/^\d{1,3}$/)
      .transform(Number)
      .pipe(z.number().min(LIMITS.searchK.min).max(LIMITS.searchK.max))
      .optional(),
    dateFrom: isoDate.optional(),
    dateTo: isoDate.optional(),
    source: source.optional(),
  })
  .refine(datesInOrder, dateOrder);

const TYPE_NAMES: Record<string, string> = {
  string: '문자열',
  number: '숫자',
  int: '정수',
  boolean: '참/거짓',
  object: '객체',
  array: '배열',
};

function received(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return '배열';
  return TYPE_NAMES[typeof input] ?? typeof input;
}

/** `history.3.role` → `history[].role`, the key of FIELD_RULES. */
function ruleKey(path: readonly PropertyKey[]): string {
  const parts = path.filter((part) => part !== 'filters' || path.length === 1);
  return parts.reduce<string>((out, part) => (typeof part === 'number' ? `${out}[]` : out ? `${out}.${String(part)}` : String(part)), '');
}

function fieldName(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${String(part)}` : String(part)),
    '',
  );
}

/** Korean text for the first issue: the field's rule, with what was sent when the type was wrong.
 *  `from`: a query string turns a repeated name into an array, which deserves its own sentence. */
function describeIssue(issue: z.core.$ZodIssue, from: 'body' | 'query' = 'body'): string {
  const field = fieldName(issue.path);
  const rule = FIELD_RULES[ruleKey(issue.path)];
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return `${field || '본문'}: 값이 필요합니다.${rule ? ` ${rule}` : ''}`;
      if (from === 'query' && Array.isArray(issue.input) && issue.path.length === 1) {
        return `${field}: 한 번만 보내 주세요 (같은 이름이 ${issue.input.length}번 왔습니다). ${rule ?? ''}`.trim();
      }
      const what = `받은 값: ${received(issue.input)}`;
      if (rule) return `${rule} (${what})`;
      return `${field || '본문'}: ${TYPE_NAMES[issue.expected] ?? issue.expected}이어야 합니다 (${what}).`;
    }
    case 'unrecognized_keys':
      return `${field || '본문'}: 알 수 없는 항목이 있습니다 (${issue.keys.join(', ')}).`;
    case 'invalid_value':
      return rule ?? `${field}: ${issue.values.map(String).join(' 또는 ')} 중 하나여야 합니다.`;
    case 'custom':
      return issue.message.startsWith('dateFrom') ? issue.message : `${field}: ${issue.message}`;
    case 'too_small':
    case 'too_big':
      // Our own Korean limit messages on text; numbers and arrays without one get the rule.
      if (/[가-힣]/.test(issue.message)) return issue.message;
      return rule ?? `${field}: 허용 범위를 벗어났습니다.`;
    default:
      return rule ?? `${field || '본문'}: 값이 올바르지 않습니다.`;
  }
}

export function validate<S extends z.ZodType>(schema: S, value: unknown, from: 'body' | 'query' = 'body'): z.output<S> {
  // reportInput: zod 4 leaves the offending value out of issues unless asked.
  const parsed = schema.safeParse(value, { reportInput: true });
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    throw new AppError('VALIDATION', issue ? describeIssue(issue, from) : MESSAGES.validation);
  }
  return parsed.data;
}

const SHAPE_MESSAGES = {
  protoKey: '허용되지 않는 키(__proto__, constructor, prototype)가 포함되어 있습니다.',
  tooDeep: 'JSON 구조가 너무 깊게 중첩되어 있습니다.',
} as const;

/** Walks the parsed body without recursion (JSON.parse accepts nesting deeper than our stack). */
export function checkBodyShape(root: unknown): void {
  const stack: Array<{ value: unknown; depth: number }> = [{ value: root, depth: 0 }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { value, depth } = item;
    if (value === null || typeof value !== 'object') continue;
    if (depth > MAX_BODY_DEPTH) throw new AppError('VALIDATION', SHAPE_MESSAGES.tooDeep);
    for (const [key, child] of Object.entries(value)) {
      if (FORBIDDEN_KEYS.has(key)) throw new AppError('VALIDATION', SHAPE_MESSAGES.protoKey);
      stack.push({ value: child, depth: depth + 1 });
    }
  }
}
