-- The index in PostgreSQL: articles, their chunks, the BM25 postings over the Korean
-- analyzer's terms, and one row of corpus statistics and identity. The chunks' embedding
-- column gets its type vector(d) and its HNSW index from the ingest, which knows d.
CREATE EXTENSION IF NOT EXISTS vector;

CREATE TABLE index_meta (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  embedder_id text NOT NULL,
  dimension integer NOT NULL,
  analyzer text NOT NULL,
  chunking jsonb NOT NULL,
  bm25 jsonb NOT NULL,
  -- Bumped by every ingest that commits: servers watch it to refresh what they cache.
  generation bigint NOT NULL DEFAULT 0,
  chunk_count integer NOT NULL DEFAULT 0,
  -- Sum of chunk lengths (analyzer terms, title terms weighted): BM25's average length.
  total_length double precision NOT NULL DEFAULT 0,
  -- Corpus files seen (path → size and mtime), for the staleness check at start-up.
  sources jsonb NOT NULL DEFAULT '{}',
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE articles (
  id text PRIMARY KEY,
  -- Position in the last ingest's reading order.
  ord integer NOT NULL,
  title text NOT NULL,
  date text,
  source text,
  url text,
  -- Title, text, chunking and embedder: an equal hash is not embedded again.
  hash text NOT NULL,
  text text NOT NULL,
  -- Everything else the article carries (origin, tags), as the answer shows it.
  meta jsonb NOT NULL
);
CREATE INDEX articles_date ON articles (date);
CREATE INDEX articles_source ON articles (lower(source));

CREATE TABLE chunks (
  -- Chunk numbers as the local index counts them after a rebuild: ties rank the lower first.
  id integer PRIMARY KEY,
  article_id text NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  idx integer NOT NULL,
  start_offset integer NOT NULL,
  end_offset integer NOT NULL,
  length real NOT NULL,
  embedding vector
);
CREATE INDEX chunks_article ON chunks (article_id, idx);

CREATE TABLE terms (
  id integer PRIMARY KEY,
  term text NOT NULL UNIQUE,
  -- Chunks holding the term.
  df integer NOT NULL
);

-- One row per (term, chunk); the chunk's length is repeated here so BM25 reads no other table.
CREATE TABLE postings (
  term_id integer NOT NULL,
  chunk_id integer NOT NULL REFERENCES chunks (id) ON DELETE CASCADE,
  tf real NOT NULL,
  length real NOT NULL,
  PRIMARY KEY (term_id, chunk_id)
);
CREATE INDEX postings_chunk ON postings (chunk_id);
