// Input limits, one place for each: the HTTP schemas, the CLI, the eval-set reader and the
// model's question rewrite all hold questions and histories to the same bounds.

/** Limits on what users send (characters are UTF-16 code units, as `String.length`). */
export const LIMITS = {
  questionChars: 2000,
  historyTurns: 20,
  historyTurnChars: 4000,
  sourceChars: 200,
  topK: { min: 1, max: 20 },
  searchK: { min: 1, max: 50 },
} as const;
