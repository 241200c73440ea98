// Checks eval/sets/docs-dev.jsonl against the corpus it was written for, without running the
// chatbot: the set loads with the project's loader; every listed article exists; every
// `includes`/`anyOf` phrase occurs (ignoring whitespace and punctuation, as the eval compares)
// in a listed article's extracted text; every assistant turn of a history quotes one exact
// sentence of an article followed by " [n]". Prints the case counts by kind; exits 1 on a problem.
//
//   npx tsx eval/docs-dev/check-set.ts [--set FILE] [--corpus DIR]

import { parseArgs } from 'node:util';
import { readAllArticles } from '../../src/corpus/read-corpus.js';
import { loadEvalSets } from '../../src/eval/eval-sets.js';
import { containsPhrase } from '../../src/eval/metrics.js';
import { splitSentences } from '../../src/text/sentences.js';

const { values } = parseArgs({
  options: {
    set: { type: 'string', default: 'eval/sets/docs-dev.jsonl' },
    corpus: { type: 'string', default: 'data/eval/corpora/docs-dev' },
  },
});

const [set] = await loadEvalSets([values.set]);
const { articles } = await readAllArticles(values.corpus);
const textOf = new Map(articles.map((article) => [article.id, article.text]));
const sentences = new Set(
  articles.flatMap((article) => splitSentences(article.text).map(({ start, end }) => article.text.slice(start, end))),
);

const problems: string[] = [];
const kinds = { answerable: 0, followUps: 0, refusals: 0, refusalFollowUps: 0 };
for (const testCase of set!.cases) {
  const { expect } = testCase;
  const where = `${testCase.id}:`;
  if (testCase.history) {
    for (const turn of testCase.history.filter((turn) => turn.role === 'assistant')) {
      const quote = turn.content.replace(/\s*\[\d+\]\s*$/, '');
      if (quote === turn.content) problems.push(`${where} assistant turn without a [n] marker`);
      if (!sentences.has(quote)) problems.push(`${where} assistant turn is not an exact sentence of the corpus: ${quote}`);
    }
  }
  if (expect.refuse) {
    if (expect.includes || expect.anyOf || expect.articles) problems.push(`${where} a refusal with expected content`);
    if (testCase.history) kinds.refusalFollowUps += 1;
    else kinds.refusals += 1;
    continue;
  }
  if (testCase.history) kinds.followUps += 1;
  else kinds.answerable += 1;
  const listed = expect.articles ?? [];
  if (listed.length === 0) problems.push(`${where} no articles listed`);
  for (const id of listed) if (!textOf.has(id)) problems.push(`${where} unknown article ${id}`);
  for (const phrase of [...(expect.includes ?? []), ...(expect.anyOf ?? [])]) {
    if (!listed.some((id) => containsPhrase(textOf.get(id) ?? '', phrase))) {
      problems.push(`${where} "${phrase}" occurs in none of ${listed.join(', ')}`);
    }
  }
}

console.log(JSON.stringify({ set: set!.name, cases: set!.cases.length, ...kinds, articlesInCorpus: articles.length, problems }, null, 2));
if (problems.length > 0) process.exitCode = 1;
