// The layout rules of docs/architecture.md, checked on the source: imports point down the
// layers, the libraries with a seam stay in their leaf files, and modules and functions stay
// small enough to read in one sitting.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../src');

/** Each folder of src/ (or top-level file, without .ts) and its layer: imports go to lower layers only. */
const LAYERS: Record<string, number> = {
  domain: 0,
  errors: 0,
  config: 1,
  text: 1,
  corpus: 2,
  embed: 2,
  'cli-logger': 2,
  index: 3,
  retrieve: 4,
  ingest: 4,
  answer: 4,
  rag: 5,
  verify: 5,
  eval: 6,
  postgres: 6,
  server: 6,
  wiring: 7,
  bench: 8,
  commands: 9,
  cli: 10,
};

/** Where the libraries behind a seam may be imported. */
const LIBRARY_HOMES: Array<[RegExp, string[]]> = [
  [/^@langchain\//, ['embed/', 'answer/chat-model.ts', 'answer/llm.ts', 'answer/model-rewrite.ts']],
  [/^hnswlib-node$/, ['index/vectors.ts']],
  [/^pg$/, ['index/postgres/database.ts']],
  [/^@electric-sql\//, ['index/postgres/pglite-server.ts']],
];

const MAX_FILE_LINES = 300;
const MAX_FUNCTION_LINES = 80;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|js)$/.test(entry.name) ? [path] : [];
  });
}

const files = sourceFiles(SRC).map((path) => {
  const text = readFileSync(path, 'utf8');
  return { path: relative(SRC, path), text, source: ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true) };
});

const unitOf = (path: string): string => {
  const [first = '', ...rest] = path.split('/');
  return rest.length > 0 ? first : first.replace(/\.(ts|js)$/, '');
};

/** Module specifiers of static imports, re-exports and dynamic `import('…')` calls. */
function importsOf(source: ts.SourceFile): string[] {
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      found.push(node.moduleSpecifier.text);
    }
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [argument] = node.arguments;
      if (argument && ts.isStringLiteral(argument)) found.push(argument.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('architecture', () => {
  it('every folder of src/ has a layer', () => {
    const units = new Set(files.filter((file) => file.path.endsWith('.ts')).map((file) => unitOf(file.path)));
    expect([...units].filter((unit) => LAYERS[unit] === undefined)).toEqual([]);
  });

  it('imports point down the layers (same folder excepted)', () => {
    const upward: string[] = [];
    for (const file of files) {
      const from = unitOf(file.path);
      for (const specifier of importsOf(file.source)) {
        if (!specifier.startsWith('.')) continue;
        const target = relative(SRC, resolve(dirname(join(SRC, file.path)), specifier));
        const to = unitOf(target);
        if (to === from || file.path.startsWith('server/web/')) continue;
        if ((LAYERS[to] ?? Infinity) >= (LAYERS[from] ?? -Infinity)) upward.push(`${file.path} → ${target}`);
      }
    }
    expect(upward).toEqual([]);
  });

  it('LangChain and hnswlib-node stay in the leaf files that need them; process.env only in config/', () => {
    const misplaced: string[] = [];
    for (const file of files) {
      for (const specifier of importsOf(file.source)) {
        for (const [library, homes] of LIBRARY_HOMES) {
          if (library.test(specifier) && !homes.some((home) => file.path.startsWith(home))) misplaced.push(`${file.path}: ${specifier}`);
        }
      }
      if (!file.path.startsWith('config/') && /\bprocess\.env\b/.test(file.text)) misplaced.push(`${file.path}: process.env`);
    }
    expect(misplaced).toEqual([]);
  });

  it(`no source file over ${MAX_FILE_LINES} lines (the page's stylesheet excepted)`, () => {
    const long = files
      .map((file) => ({ path: file.path, lines: file.text.split('\n').length - 1 }))
      .filter((file) => file.lines > MAX_FILE_LINES);
    expect(long).toEqual([]);
  });

  it(`no function over ${MAX_FUNCTION_LINES} lines`, () => {
    const long: string[] = [];
    for (const { path, source } of files) {
      const visit = (node: ts.Node): void => {
        if (ts.isFunctionLike(node) && 'body' in node && node.body) {
          const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
          const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
          if (last - first + 1 > MAX_FUNCTION_LINES) long.push(`${path}:${first + 1} (${last - first + 1} lines)`);
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(long).toEqual([]);
  });
});
