// Prompt templates live in `prompts/*.md` so they can be tuned without touching code.
// Templates use `{{name}}` placeholders; rendering is a single pass, so text
// substituted into a template (an article, a question) is never expanded again.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../errors/app-error.js';

export interface Prompts {
  /** System rules for answering; may use {{refusal}}. */
  system: string;
  /** The user turn of an answer: needs {{passages}} and {{question}}. */
  answer: string;
  /** Follow-up rewriting: needs {{history}} and {{question}}. */
  rewrite: string;
}

/** The project's own `prompts/` folder, whatever the working directory. */
const DEFAULT_PROMPTS_DIR = fileURLToPath(new URL('../../prompts/', import.meta.url));

const REQUIRED: Record<keyof Prompts, string[]> = {
  system: [],
  answer: ['passages', 'question'],
  rewrite: ['history', 'question'],
};

const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** Reads `<name>.md` from `dir`; a missing file or placeholder is a CONFIG error naming the file. */
async function loadTemplate(dir: string, name: keyof Prompts): Promise<string> {
  const path = join(dir, `${name}.md`);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new AppError('CONFIG', `프롬프트 파일을 읽을 수 없습니다: ${path}`, { cause: error });
  }
  const present = new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1]));
  const absent = REQUIRED[name].filter((placeholder) => !present.has(placeholder));
  if (absent.length > 0) {
    throw new AppError('CONFIG', `프롬프트 파일 ${path}에 {{${absent.join('}}, {{')}}} 자리표시자가 없습니다`);
  }
  return text.trim();
}

/** Reads `system.md`, `answer.md` and `rewrite.md`; a missing file or placeholder is a CONFIG error naming the file. */
export async function loadPrompts(dir: string = DEFAULT_PROMPTS_DIR): Promise<Prompts> {
  const [system, answer, rewrite] = await Promise.all([
    loadTemplate(dir, 'system'),
    loadTemplate(dir, 'answer'),
    loadTemplate(dir, 'rewrite'),
  ]);
  return { system, answer, rewrite };
}

/** Replaces every `{{name}}` with `values[name]`; an unknown placeholder throws, naming it. */
export function renderPrompt(template: string, values: Record<string, string>): string {
  return template.replace(PLACEHOLDER, (_match, name: string) => {
    const value = values[name];
    if (value === undefined) throw new AppError('CONFIG', `프롬프트 자리표시자 {{${name}}}에 넣을 값이 없습니다`);
    return value;
  });
}

/** Keeps text from closing or opening the `<tag>` fence it is placed in: "</passage>" → "[/passage". */
export function neutraliseTags(text: string, tag: string): string {
  return text.replace(new RegExp(`<\\s*(/?)\\s*${tag}`, 'gi'), '[$1' + tag);
}
