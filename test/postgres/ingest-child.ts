// A child process for the kill -9 test: a PostgreSQL ingest (DATABASE_URL) of generated
// articles whose embedder, at the call that would embed its `hangAt`-th text, prints
// {"event":"hanging"} and never returns: by then earlier batches are written inside the
// ingest's open transaction, so the test kills it mid-write without guessing at timing.
//
//   node --import tsx test/postgres/ingest-child.ts <articles> <hangAt>
import type { CorpusItem } from '../../src/domain/types.js';
import type { Embedder } from '../../src/embed/embedder.js';
import { createLocalEmbedder } from '../../src/embed/local.js';
import { createPool } from '../../src/index/postgres/database.js';
import { CHUNKING } from '../retrieve/retriever-cases.js';
import { ingestInto } from './ingest-into.js';

const [countArgument = '400', hangArgument = '300'] = process.argv.slice(2);
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error('DATABASE_URL is required');
  process.exit(2);
}

function* generated(total: number): Generator<CorpusItem> {
  for (let i = 0; i < total; i++) {
    yield {
      article: {
        id: `generated-${i}`,
        title: `새봄동 소식 ${i}호`,
        origin: `generated/${i}.md`,
        text: `새봄동은 ${i}번째 주민 행사를 열었다. 주민 ${i * 7}명이 참석했다.`,
      },
    };
  }
}

const local = createLocalEmbedder();
let embedded = 0;
const hanging: Embedder = {
  ...local,
  async embedDocuments(texts) {
    if (embedded + texts.length >= Number(hangArgument)) {
      console.log(JSON.stringify({ event: 'hanging', embedded }));
      await new Promise(() => undefined);
    }
    embedded += texts.length;
    return local.embedDocuments(texts);
  },
};

const pool = createPool(databaseUrl, 1);
const summary = await ingestInto(pool, { source: generated(Number(countArgument)), embedder: hanging, chunking: CHUNKING });
console.log(JSON.stringify({ event: 'done', summary }));
await pool.end();
