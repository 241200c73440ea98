// Verbatim text is always supported: the extractive answerer's own quotes, and any
// sentence of a passage, pass the grounding check. Runs over KorQuAD 1.0 dev (read in
// place; skipped when the dataset is absent).
import { existsSync } from 'node:fs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createExtractiveAnswerer } from '../../src/answer/extractive.js';
import type { Article, Hit } from '../../src/domain/types.js';
import { DEFAULT_KORQUAD_FILE } from '../../src/eval/bench-korquad.js';
import { termStatistics } from '../../src/eval/bench-grounding.js';
import { loadKorquad, type KorquadData } from '../../src/eval/korquad-data.js';
import { splitSentences } from '../../src/text/sentences.js';
import { verifyAnswer } from '../../src/verify/verify.js';
import { run } from './fixtures.js';

const available = existsSync(DEFAULT_KORQUAD_FILE);

function hitOf(article: Article): Hit {
  const { text, ...meta } = article;
  return { chunk: { id: `${article.id}#0`, articleId: article.id, index: 0, start: 0, end: text.length, text }, article: meta, score: 1 };
}

describe.skipIf(!available)('verbatim text passes the grounding check (KorQuAD)', () => {
  let data: KorquadData;
  let terms: ReturnType<typeof termStatistics>;
  beforeAll(async () => {
    data = await loadKorquad(DEFAULT_KORQUAD_FILE);
    terms = termStatistics(data.articles.map((article) => `${article.title}\n${article.text}`));
  });

  it('every sentence of a paragraph, cited to it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: data.articles.length - 1 }), fc.nat(), (index, pick) => {
        const article = data.articles[index]!;
        const spans = splitSentences(article.text);
        const span = spans[pick % spans.length]!;
        const sentence = article.text.slice(span.start, span.end);
        fc.pre(!/\[\d/.test(sentence)); // a source's own "[2]" reads as a marker
        fc.pre(/[가-힣A-Za-z]{2}/.test(sentence)); // a list number ("1.") states nothing to check
        const result = verifyAnswer(
          { id: article.id, passages: [{ n: 1, title: article.title, text: article.text }], answer: `${sentence} [1]` },
          { terms },
        );
        // A passage sentence the answer splitter cuts differently (a quotation of several sentences)
        // leaves pieces without a marker: those are not cited claims. Every cited piece must pass.
        const cited = result.sentences.filter((checked) => checked.citations.includes(1));
        expect(cited.length).toBeGreaterThan(0);
        for (const checked of cited) expect(checked, `${article.id}: ${sentence}`).toMatchObject({ supported: true });
      }),
      { numRuns: 300 },
    );
  });

  it("the extractive answerer's quotes, cited as it cites them", async () => {
    const answerer = createExtractiveAnswerer(terms);
    const byId = new Map(data.articles.map((article) => [article.id, article]));
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: data.questions.length - 1 }),
        fc.integer({ min: 0, max: data.articles.length - 1 }),
        async (index, other) => {
          const question = data.questions[index]!;
          const hits = [hitOf(byId.get(question.articleId)!), hitOf(data.articles[other]!)];
          const { result } = await run(answerer, { question: question.question, hits });
          if (result.refused) return;
          const passages = result.citations.map((citation) => {
            const hit = hits.find((candidate) => candidate.chunk.id === citation.chunkId)!;
            return { n: citation.n, title: hit.article.title, text: hit.chunk.text };
          });
          const checked = verifyAnswer({ id: question.id, passages, answer: result.answer }, { terms });
          // Sentences with a marker are quotes; a note without one (a date remark) is not a claim to check.
          for (const sentence of checked.sentences.filter((entry) => entry.citations.length > 0)) {
            expect(sentence, `${question.id}: ${result.answer}`).toMatchObject({ supported: true });
            expect(sentence.recitedTo).toBeUndefined();
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
