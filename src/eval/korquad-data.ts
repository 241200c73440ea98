// Reads a SQuAD-v1-shaped KorQuAD file in place (CC BY-ND: never copied or edited) and
// turns each paragraph into one Article, following CONTRACT.md "KorQuAD benchmark":
// - article id = the paragraph's first question id without its last part (`6548850-0-1` → `6548850-0`);
//   every question of the paragraph points at that article, even the ones whose own
//   prefix differs (most paragraphs hold questions from several annotator prefixes);
// - a paragraph with no question gets `<title>#<paragraph index>`;
// - title = the Wikipedia title with `_` as spaces; text = normalizeText(context).
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { z } from 'zod';
import type { Article } from '../domain/types.js';
import { AppError, errnoCode } from '../errors/app-error.js';
import { normalizeText } from '../text/normalize.js';

const KORQUAD_SOURCE = 'KorQuAD 1.0';
/** The credit the CC BY-ND 2.0 KR licence asks for wherever results on the dataset are reported. */
export const KORQUAD_ATTRIBUTION =
  'KorQuAD 1.0 (LG CNS; Lim, Kim, Lee 2019, arXiv:1909.07005), CC BY-ND 2.0 KR — 원본을 수정 없이 실행 시점에 읽음';

export interface KorquadQuestion {
  id: string;
  question: string;
  /** Gold answer texts, normalised like the article text (KorQuAD 1.0 dev has one per question). */
  answers: string[];
  /** Where each answer starts in the article's normalised text; -1 if it cannot be found. */
  answerStarts: number[];
  articleId: string;
}

export interface KorquadData {
  articles: Article[];
  questions: KorquadQuestion[];
}

const squadSchema = z.object({
  data: z.array(
    z.object({
      title: z.string().min(1),
      paragraphs: z.array(
        z.object({
          context: z.string(),
          qas: z.array(
            z.object({
              id: z.string().min(1),
              question: z.string().min(1),
              answers: z.array(z.object({ text: z.string(), answer_start: z.number().int().min(0) })),
            }),
          ),
        }),
      ),
    }),
  ),
});

/** `6548850-0-1` → `6548850-0`; an id without a dash is its own paragraph id. */
function paragraphIdOf(questionId: string): string {
  const cut = questionId.lastIndexOf('-');
  return cut > 0 ? questionId.slice(0, cut) : questionId;
}

/** `노아의_방주` → `노아의 방주`. */
function korquadTitle(rawTitle: string): string {
  return rawTitle.replace(/_/g, ' ');
}

/**
 * Finds an answer in the normalised context: at its dataset offset when that still
 * points at it (true for every answer of KorQuAD 1.0 dev, whose contexts normalizeText
 * leaves unchanged), else at its first occurrence, else -1.
 */
function locateAnswer(text: string, answer: string, datasetStart: number): number {
  if (text.startsWith(answer, datasetStart)) return datasetStart;
  return text.indexOf(answer);
}

/** Builds articles and questions from parsed JSON; `origin` names the file in messages and in Article.origin. */
function parseKorquad(json: unknown, origin: string): KorquadData {
  const parsed = squadSchema.safeParse(json);
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    throw new AppError('VALIDATION', `KorQuAD 파일 형식 오류 (${origin}): ${issue?.path.join('.') ?? ''} — ${issue?.message ?? ''}`);
  }
  const articles: Article[] = [];
  const questions: KorquadQuestion[] = [];
  const seen = new Set<string>();
  for (const entry of parsed.data.data) {
    const title = korquadTitle(entry.title);
    entry.paragraphs.forEach((paragraph, index) => {
      const first = paragraph.qas[0];
      const id = first ? paragraphIdOf(first.id) : `${title}#${index}`;
      if (seen.has(id)) throw new AppError('VALIDATION', `KorQuAD 문단 id 중복 (${origin}): ${id}`);
      seen.add(id);
      const text = normalizeText(paragraph.context);
      articles.push({ id, title, text, source: KORQUAD_SOURCE, origin: `${origin}#${entry.title}/${index}` });
      for (const qa of paragraph.qas) {
        // Trimmed like the text: three dev answers end with a space the context keeps.
        const gold = qa.answers
          .map((answer) => ({ text: normalizeText(answer.text), start: answer.answer_start }))
          .filter((answer) => answer.text.length > 0);
        questions.push({
          id: qa.id,
          question: qa.question,
          answers: gold.map((answer) => answer.text),
          answerStarts: gold.map((answer) => locateAnswer(text, answer.text, answer.start)),
          articleId: id,
        });
      }
    });
  }
  return { articles, questions };
}

/** Reads a KorQuAD (SQuAD v1) JSON file from disk. */
export async function loadKorquad(file: string): Promise<KorquadData> {
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch (error) {
    throw new AppError('VALIDATION', `KorQuAD 파일을 읽을 수 없습니다: ${file} (${errnoCode(error) ?? String(error)})`, {
      cause: error,
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw new AppError('VALIDATION', `KorQuAD 파일이 올바른 JSON이 아닙니다: ${file}`, { cause: error });
  }
  return parseKorquad(json, basename(file));
}
