// The data `npm run fit:answer` fits on: KorQuAD dev questions with their near misses, and
// the development eval sets over their fixture corpora. Each question goes through what the
// pipeline does before answering (follow-up rewrite, top-5 retrieval, candidate features).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rankSentences, type Lexicon } from '../answer/extractive.js';
import { DEFAULT_CHUNKING } from '../ingest/ingest.js';
import { chunkText } from '../text/chunk.js';
import { analyze } from '../text/tokens.js';
import { readAllArticles } from '../corpus/read-corpus.js';
import type { Article, ChatTurn, Hit } from '../domain/types.js';
import { resolveFollowUp } from '../rag/rewrite.js';
import { loadEvalSets } from './eval-sets.js';
import { isDirectory } from './runner.js';
import { TOP_K, type FitExample } from './fit-answer-model.js';
import { loadKorquad } from './korquad-data.js';
import { containsPhrase, type EvalCase } from './metrics.js';

interface Retrieval {
  search: (question: string, k: number) => Promise<Hit[]>;
  lexicon: Lexicon;
}

/** Indexes articles into `indexDir` and returns retrieval and the lexicon over them. */
type BuildRetrieval = (articles: Article[], indexDir: string) => Promise<Retrieval>;

async function withIndex<T>(build: BuildRetrieval, articles: Article[], use: (retrieval: Retrieval) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'fit-answer-'));
  try {
    return await use(await build(articles, dir));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** KorQuAD questions (answerable, labelled by the gold span) and their near misses. */
export async function korquadExamples(file: string, build: BuildRetrieval, limit?: number): Promise<FitExample[]> {
  const data = await loadKorquad(file);
  const titleOf = new Map(data.articles.map((article) => [article.id, article.title]));
  const questions = limit ? data.questions.slice(0, limit) : data.questions;
  const articleOf = new Map(data.articles.map((article) => [article.id, article]));
  return withIndex(build, data.articles, async ({ search, lexicon }) => {
    const examples: FitExample[] = [];
    // A paragraph has several questions: its near-miss vocabulary is counted once.
    const lexiconsWithout = new Map<string, Lexicon>();
    const vocabularyWithout = (id: string): Lexicon => {
      const own = articleOf.get(id);
      if (!own) return lexicon;
      let reduced = lexiconsWithout.get(id);
      if (!reduced) lexiconsWithout.set(id, (reduced = lexiconWithout(lexicon, own)));
      return reduced;
    };
    for (const question of questions) {
      const hits = await search(question.question, TOP_K + 5);
      const candidates = rankSentences(question.question, hits.slice(0, TOP_K), lexicon);
      const others = hits.filter((hit) => hit.article.id !== question.articleId).slice(0, TOP_K);
      const withoutLexicon = vocabularyWithout(question.articleId);
      examples.push({
        question: question.question,
        source: 'korquad',
        groupKey: titleOf.get(question.articleId) ?? question.articleId,
        lexicon,
        candidates,
        labels: candidates.map((candidate) => question.answers.some((span) => candidate.text.includes(span))),
        refuse: false,
        correct: (answer) => question.answers.some((span) => answer.includes(span)),
        without: rankSentences(question.question, others, withoutLexicon),
        withoutLexicon,
      });
    }
    return examples;
  });
}

/**
 * The corpus vocabulary as if `article` were not in it: a near miss is a corpus without the
 * question's paragraph, and a word only that paragraph used is then a word the corpus never uses
 * (df 0), as an absent attribute's word is in a real corpus. Each of its chunks (with the title
 * terms every chunk is indexed with) is taken out of the counts.
 */
function lexiconWithout(lexicon: Lexicon, article: Article): Lexicon {
  const spans = chunkText(article.text, DEFAULT_CHUNKING);
  const title = analyze(article.title);
  const removed = new Map<string, number>();
  for (const span of spans) {
    for (const term of new Set([...analyze(article.text.slice(span.start, span.end)), ...title]))
      removed.set(term, (removed.get(term) ?? 0) + 1);
  }
  return {
    documentCount: Math.max(1, lexicon.documentCount - spans.length),
    documentFrequency: (term) => Math.max(0, lexicon.documentFrequency(term) - (removed.get(term) ?? 0)),
  };
}

/** The follow-up rewrite exactly as the extractive pipeline does it. */
async function standalone(testCase: EvalCase, search: Retrieval['search']): Promise<string> {
  const history: ChatTurn[] = testCase.history ?? [];
  if (history.length === 0) return testCase.question.trim();
  return resolveFollowUp(testCase.question.trim(), history, async (previous) =>
    (await search(previous, 1)).flatMap((hit) => [hit.article.title, hit.chunk.text]),
  );
}

/** True when a text holds what the case expects (its includes and anyOf phrases). */
function satisfies(testCase: EvalCase, text: string): boolean {
  const { includes, anyOf } = testCase.expect;
  return (
    (includes ?? []).every((phrase) => containsPhrase(text, phrase)) && (!anyOf || anyOf.some((phrase) => containsPhrase(text, phrase)))
  );
}

/** Cases of the eval sets that name a fixture corpus (those missing on disk are left out). */
export async function evalSetExamples(setFiles: string[], rootDir: string, build: BuildRetrieval): Promise<FitExample[]> {
  const sets = await loadEvalSets(setFiles, { rootDir });
  const examples: FitExample[] = [];
  for (const set of sets) {
    if (set.kind !== 'corpus' || !set.corpusDir || !(await isDirectory(set.corpusDir))) continue;
    const { articles } = await readAllArticles(set.corpusDir);
    await withIndex(build, articles, async ({ search, lexicon }) => {
      for (const testCase of set.cases) {
        const { expect } = testCase;
        const answerable = expect.refuse !== true && (expect.includes !== undefined || expect.anyOf !== undefined);
        if (!answerable && expect.refuse !== true) continue;
        const question = await standalone(testCase, search);
        const candidates = rankSentences(question, await search(question, TOP_K), lexicon);
        const allowed = (id: string) => !expect.articles || expect.articles.includes(id);
        examples.push({
          question,
          source: set.name,
          // Folds by article: cases about one article (and a follow-up and its question) share a fold.
          groupKey: `${set.corpusDir}:${expect.articles?.[0] ?? candidates[0]?.hit.article.id ?? testCase.id}`,
          lexicon,
          candidates,
          labels: candidates.map((candidate) => answerable && allowed(candidate.hit.article.id) && satisfies(testCase, candidate.text)),
          refuse: !answerable,
          ...(answerable ? { correct: (answer: string) => satisfies(testCase, answer) } : {}),
        });
      }
    });
  }
  return examples;
}
