// Renders an eval report for people: an aligned terminal table and Markdown (e.g. a CI
// job summary). The JSON written with --out is the report object itself.
import { DEFAULT_TOLERANCE, type BaselineComparison, type GatedMetric } from './baseline.js';
import type { CaseExpect, EvalFailure, EvalReport, SetReport } from './metrics.js';

const METRIC_LABELS: Record<GatedMetric, string> = {
  answerAccuracy: '정답률',
  citationHitRate: '인용 적중',
  refusalPrecision: '거절 정밀도',
  refusalRecall: '거절 재현율',
  citationValidity: '인용 유효',
};

interface ReportFormatOptions {
  /** Failures listed per set before "외 N건"; default 20 in the terminal, all in Markdown. */
  maxFailures?: number;
  /** Answers longer than this are cut with "…"; default 120. */
  maxAnswerChars?: number;
  comparison?: BaselineComparison;
  tolerance?: number;
}

const HEADERS = ['세트', '케이스', ...Object.values(METRIC_LABELS), 'p50 ms', 'p95 ms'];

const formatRate = (value: number | null) => (value === null ? '—' : `${(value * 100).toFixed(1)}%`);
const formatMs = (value: number | null) => (value === null ? '—' : String(value));

function row(set: SetReport): string[] {
  return [
    set.name,
    String(set.cases),
    formatRate(set.answerAccuracy),
    formatRate(set.citationHitRate),
    formatRate(set.refusalPrecision),
    formatRate(set.refusalRecall),
    formatRate(set.citationValidity),
    formatMs(set.p50Ms),
    formatMs(set.p95Ms),
  ];
}

/** Terminal columns: Hangul, CJK and full-width forms take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const wide =
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6);
    width += wide ? 2 : 1;
  }
  return width;
}

function pad(text: string, width: number, alignRight: boolean): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return alignRight ? fill + text : text + fill;
}

function truncate(text: string, maxChars: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  return chars.length <= maxChars ? flat : `${chars.slice(0, maxChars).join('')}…`;
}

function describeExpected(expect: CaseExpect): string {
  const parts: string[] = [];
  if (expect.includes) parts.push(`포함: ${expect.includes.join(', ')}`);
  if (expect.anyOf) parts.push(`하나 이상: ${expect.anyOf.join(' | ')}`);
  if (expect.articles) parts.push(`기사: ${expect.articles.join(', ')}`);
  if (expect.refuse !== undefined) parts.push(expect.refuse ? '거절해야 함' : '거절하면 안 됨');
  return parts.join(' / ');
}

function describeGot(got: EvalFailure['got'], maxAnswerChars: number): string {
  const answer = got.answer === '' ? '(빈 답)' : truncate(got.answer, maxAnswerChars);
  const cited = got.articles.length > 0 ? ` / 인용: ${got.articles.join(', ')}` : '';
  return `${got.refused ? '(거절) ' : ''}${answer}${cited}`;
}

/** Korean lines for the baseline verdict; empty when there is nothing to say. */
export function describeComparison(comparison: BaselineComparison, tolerance = DEFAULT_TOLERANCE): string[] {
  const lines = comparison.regressions.map(
    (regression) =>
      `회귀: ${regression.set} ${METRIC_LABELS[regression.metric]}(${regression.metric}) ` +
      `${formatRate(regression.baseline)} → ${formatRate(regression.current)} ` +
      `(허용 폭 ${(tolerance * 100).toFixed(1)}%p 초과)`,
  );
  for (const name of comparison.newSets) lines.push(`새 세트: ${name} (기준선에 없어 비교하지 않음)`);
  return lines;
}

function attributionLines(report: EvalReport): string[] {
  return report.sets.filter((set) => set.attribution).map((set) => `${set.name}: ${set.attribution}`);
}

/** The informational rate beside the table: answers whose every citation is from an allowed article. */
function allAllowedLine(report: EvalReport): string | undefined {
  const rated = report.sets.filter((set) => set.citationAllAllowedRate !== undefined && set.citationAllAllowedRate !== null);
  if (rated.length === 0) return undefined;
  return `모든 인용이 허용된 기사에서 나온 답: ${rated.map((set) => `${set.name} ${formatRate(set.citationAllAllowedRate ?? null)}`).join(', ')}`;
}

export function formatTerminalReport(report: EvalReport, options: ReportFormatOptions = {}): string {
  const maxFailures = options.maxFailures ?? 20;
  const maxAnswerChars = options.maxAnswerChars ?? 120;
  const table = [HEADERS, ...report.sets.map(row)];
  const widths = HEADERS.map((_, column) => Math.max(...table.map((cells) => displayWidth(cells[column] ?? ''))));
  const lines = table.map((cells) => cells.map((cell, column) => pad(cell, widths[column] ?? 0, column > 0)).join('  '));
  lines.splice(1, 0, widths.map((width) => '-'.repeat(width)).join('  '));
  const allAllowed = allAllowedLine(report);
  if (allAllowed) lines.push(allAllowed);
  for (const line of attributionLines(report)) lines.push(`※ ${line}`);

  for (const set of report.sets) {
    if (set.failures.length === 0) continue;
    lines.push('', `[${set.name}] 실패 ${set.failures.length}건`);
    for (const failure of set.failures.slice(0, maxFailures)) {
      lines.push(`  ✗ ${failure.id}  ${truncate(failure.question, 80)}`);
      lines.push(`      기대: ${describeExpected(failure.expected)}`);
      lines.push(`      결과: ${describeGot(failure.got, maxAnswerChars)}`);
      for (const problem of failure.got.problems) lines.push(`      - ${problem}`);
    }
    if (set.failures.length > maxFailures) lines.push(`  … 외 ${set.failures.length - maxFailures}건 (--out 또는 --markdown에 전부 기록)`);
  }
  if (options.comparison) {
    const verdict = describeComparison(options.comparison, options.tolerance);
    if (verdict.length > 0) lines.push('', ...verdict);
  }
  return lines.join('\n');
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();

export function formatMarkdownReport(report: EvalReport, options: ReportFormatOptions = {}): string {
  const maxFailures = options.maxFailures ?? Number.POSITIVE_INFINITY;
  const maxAnswerChars = options.maxAnswerChars ?? 120;
  const lines = ['# 평가 결과', ''];
  lines.push(`| ${HEADERS.join(' | ')} |`, `|${HEADERS.map((_, column) => (column === 0 ? ' --- ' : ' ---: ')).join('|')}|`);
  for (const set of report.sets) lines.push(`| ${row(set).map(cell).join(' | ')} |`);
  const allAllowed = allAllowedLine(report);
  if (allAllowed) lines.push('', allAllowed);
  const credits = attributionLines(report);
  if (credits.length > 0) lines.push('', ...credits.map((line) => `> ${line}`));
  if (options.comparison) {
    const verdict = describeComparison(options.comparison, options.tolerance);
    if (verdict.length > 0) lines.push('', '## 기준선 비교', '', ...verdict.map((line) => `- ${line}`));
  }
  for (const set of report.sets) {
    if (set.failures.length === 0) continue;
    lines.push(
      '',
      `## ${set.name}: 실패 ${set.failures.length}건`,
      '',
      '| id | 질문 | 기대 | 결과 | 문제 |',
      '| --- | --- | --- | --- | --- |',
    );
    for (const failure of set.failures.slice(0, maxFailures)) {
      lines.push(
        `| ${[
          failure.id,
          failure.question,
          describeExpected(failure.expected),
          describeGot(failure.got, maxAnswerChars),
          failure.got.problems.join('; '),
        ]
          .map(cell)
          .join(' | ')} |`,
      );
    }
    if (set.failures.length > maxFailures) lines.push('', `… 외 ${set.failures.length - maxFailures}건`);
  }
  return `${lines.join('\n')}\n`;
}
