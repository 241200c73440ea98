// A child process for the ingest tests: ingests a generated corpus of short Korean
// articles into INDEX_DIR with an embedder that is slow per batch, and prints one JSON
// line per embedded batch, so a test can kill it mid-way or watch it hold the lock.
//
//   node --import tsx test/support/ingest-child.ts <indexDir> <articles> <delayMsPerBatch>
import type { Article, CorpusItem } from '../../src/domain/types.js';
import type { Embedder } from '../../src/embed/embedder.js';
import { createLocalEmbedder } from '../../src/embed/local.js';
import { ingest } from '../../src/ingest/ingest.js';

const [indexDir, countArgument = '3000', delayArgument = '200'] = process.argv.slice(2);
if (!indexDir) {
  console.error('usage: ingest-child.ts <indexDir> [articles] [delayMsPerBatch]');
  process.exit(2);
}
const count = Number(countArgument);
const delayMs = Number(delayArgument);

const PLACES = ['한빛시', '물빛항', '새봄동', '푸른시', '은하구', '해오름시장'];
const EVENTS = ['축제를 연다', '도서관을 열었다', '버스 노선을 늘린다', '예산을 발표했다', '공원을 새로 단장했다'];

/** Short generated Korean news articles with distinct ids and text. */
function* generatedCorpus(total: number): Generator<CorpusItem> {
  for (let i = 0; i < total; i++) {
    const place = PLACES[i % PLACES.length]!;
    const event = EVENTS[i % EVENTS.length]!;
    const article: Article = {
      id: `generated-${i}`,
      title: `${place} 소식 ${i}호`,
      text: `${place}는 ${i}번째 행사로 ${event}. 주민 ${i * 7}명이 참석했다. 시는 다음 달에도 비슷한 행사를 이어 간다고 밝혔다.`,
      origin: `generated/${i}.md`,
    };
    yield { article };
  }
}

const local = createLocalEmbedder();
let batches = 0;
const slowEmbedder: Embedder = {
  ...local,
  async embedDocuments(texts) {
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    const vectors = await local.embedDocuments(texts);
    batches++;
    console.log(JSON.stringify({ event: 'batch', batches, texts: texts.length, pid: process.pid }));
    return vectors;
  },
};

const summary = await ingest({ indexDir, source: generatedCorpus(count), embedder: slowEmbedder });
console.log(JSON.stringify({ event: 'done', summary }));
