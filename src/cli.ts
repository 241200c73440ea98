// Entry point: the command line of every npm script; each command lives in src/commands/.
//   serve | ingest | ask | eval | verify | fit:answer | bench:korquad | bench:load | bench:scale | bench:grounding
import { Command, InvalidArgumentError } from 'commander';
import { askCommand, type AskCommandOptions } from './commands/ask.js';
import {
  groundingBenchCommand,
  korquadBenchCommand,
  type KorquadBenchCommandOptions,
  type ScaleBenchCommandOptions,
  loadBenchCommand,
  scaleBenchCommand,
  type LoadBenchCommandOptions,
} from './commands/bench.js';
import { evalCommand, fitAnswerCommand, type EvalCommandOptions, type FitCommandOptions } from './commands/eval.js';
import { ingestCommand, type IngestCommandOptions } from './commands/ingest.js';
import { verifyCommand } from './commands/verify.js';
import { wantsStackTraces } from './config/environment.js';
import { errorMessage, isAppError } from './errors/app-error.js';
import { DEFAULT_KORQUAD_FILE } from './eval/bench-korquad.js';
import { migrateCommand } from './commands/database.js';

const positiveInt = (value: string) => {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed <= 0) throw new InvalidArgumentError('양의 정수여야 합니다.');
  return parsed;
};

/** For options given more than once (`--set a --set b`). */
const collect = (value: string, previous: string[] = []) => [...previous, value];

const program = new Command('korean-news-qa').description('한국어 뉴스 기사 질의응답 챗봇').showHelpAfterError();

program
  .command('serve')
  .description('색인을 불러오고(필요하면 먼저 색인) 웹 채팅과 API를 제공합니다')
  .action(async () => {
    // Loaded here: Express and the server modules cost the other commands ≈ 0.25 s at start.
    const { serveCommand } = await import('./commands/serve.js');
    await serveCommand();
  });

program
  .command('ingest')
  .description('코퍼스를 색인합니다 (바뀐 기사만 다시 임베딩)')
  .option('--corpus <dir>', '코퍼스 폴더 (기본: CORPUS_DIR)')
  .option('--index <dir>', '색인 폴더 (기본: INDEX_DIR)')
  .option('--rebuild', '처음부터 다시 만듭니다')
  .option('--strict', '읽지 못한 입력이 하나라도 있으면 실패하고 기존 색인을 그대로 둡니다')
  .option('--json', '요약을 JSON으로 출력합니다')
  .action((options: IngestCommandOptions) => ingestCommand(options));

program
  .command('db:migrate')
  .description('INDEX_BACKEND=postgres: DATABASE_URL의 데이터베이스에 스키마 마이그레이션을 적용합니다')
  .action(() => migrateCommand());

program
  .command('ask')
  .description('터미널에서 질문 하나에 답합니다')
  .argument('<question...>', '질문')
  .option('--json', 'POST /api/chat과 같은 JSON을 출력합니다')
  .option('--index <dir>', '색인 폴더 (기본: INDEX_DIR)')
  .option('--history <file>', '이전 대화 JSON 파일: [{ "role", "content" }]')
  .action((words: string[], options: AskCommandOptions) => askCommand(words, options));

program
  .command('eval')
  .description('고정 질문 세트로 답변 품질을 측정하고 기준선과 비교합니다')
  .option('--set <file>', '질문 세트 파일 (여러 번 지정 가능)', collect)
  .option('--index <dir>', '색인 폴더 (기본: INDEX_DIR)')
  .option('--baseline <file>', '기준선 파일 (기본: eval/baseline.json)')
  .option('--out <file>', '보고서 JSON 파일')
  .option('--markdown <file>', '보고서 Markdown 파일')
  .option('--update-baseline', '현재 수치를 기준선으로 저장합니다')
  .option('--url <url>', '실행 중인 서버에 질문합니다')
  .action((options: EvalCommandOptions) => evalCommand(options));

/** The KorQuAD file and question limit that the KorQuAD commands share. */
function korquadOptions(command: Command, limitHelp: string): Command {
  return command.option('--data <file>', 'KorQuAD JSON', DEFAULT_KORQUAD_FILE).option('--limit <n>', limitHelp, positiveInt);
}

korquadOptions(
  program.command('bench:korquad').description('KorQuAD 1.0 dev 벤치마크 (검색 hit@k, 답변 품질, 지연 시간, MiniSearch 기준선)'),
  '앞에서부터 N개 질문만',
)
  .option('--out <file>', '결과 JSON 파일')
  .option('--backend <backend>', 'postgres: 로컬 색인과 PostgreSQL 색인을 같은 실행에서 비교합니다 (DATABASE_URL이 없으면 PGlite)', 'local')
  .action((options: KorquadBenchCommandOptions) => korquadBenchCommand(options));

korquadOptions(
  program
    .command('fit:answer')
    .description('추출식 답변의 문장 순위·거절 모델을 KorQuAD dev에 교차 검증으로 맞춥니다 (가중치 파일을 씁니다)'),
  'KorQuAD 앞에서부터 N개 질문만',
)
  .option('--with-sets', '개발용 평가 세트(eval/sets의 코퍼스 세트)도 함께 맞춥니다 — 그러면 그 세트의 수치는 더 이상 개발 측정이 아닙니다')
  .option('--set <file>', '--with-sets에 쓸 평가 세트 (여러 번 지정 가능)', collect)
  .option('--write <file>', '가중치 파일', 'src/answer/sentence-weights.ts')
  .option('--dry-run', '가중치 파일을 쓰지 않습니다')
  .option('--threshold-only', '순위·거절 가중치는 그대로 두고 거절 임계값만 다시 맞춥니다')
  .option('--news-threshold', '뉴스(날짜 있는 기사) 답의 거절 임계값만 뉴스 평가 세트에 맞춥니다 (세트 하나씩 빼고 검증)')
  .option('--page-threshold', '날짜 없는 문서(도움말) 답의 거절 임계값만 문서 평가 세트에 맞춥니다 (세트 하나씩 빼고 검증)')
  .option('--section-weight', '문장이 놓인 Markdown 소제목의 가중치만 문서 평가 세트에 맞춥니다 (세트 하나씩 빼고 검증)')
  .action((options: FitCommandOptions) => fitAnswerCommand(options));

program
  .command('bench:load')
  .description('POST /api/chat HTTP 부하 테스트 (KorQuAD 색인, 추출식 답변, 127.0.0.1)')
  .option('--duration <s>', '부하 시간(초)', positiveInt, 10)
  .option('--connections <n>', '동시 연결 수', positiveInt, 32)
  .option('--data <file>', 'KorQuAD JSON', DEFAULT_KORQUAD_FILE)
  .option('--out <file>', '결과 JSON 파일')
  .option('--reindex', '같은 부하를 주면서 코퍼스를 다시 색인하고 교체하는 실행을 더합니다')
  .option('--swap-memory <chunks>', '부하 대신: 합성 코퍼스 N청크 색인을 서버가 교체하는 동안의 메모리를 잽니다', positiveInt)
  .option(
    '--backend <backend>',
    'postgres: PostgreSQL 색인 서버 여러 개에 부하를 주고 로컬 서버 1개와 비교합니다 (DATABASE_URL이 없으면 PGlite)',
    'local',
  )
  .option('--servers <n>', '--backend postgres: 같은 데이터베이스를 쓰는 서버 수', positiveInt, 2)
  .action((options: LoadBenchCommandOptions) => loadBenchCommand(options));

program
  .command('bench:scale')
  .description('KorQuAD 문장을 재조합한 대용량 합성 코퍼스로 색인·적재·질의 규모를 측정합니다')
  .option('--chunks <n>', '합성 코퍼스의 청크 수', positiveInt, 100_000)
  .option('--curve', '10k, 30k 청크를 먼저 측정해 증가 곡선을 함께 출력합니다')
  .option('--data <file>', 'KorQuAD JSON', DEFAULT_KORQUAD_FILE)
  .option('--out <file>', '결과 JSON 파일')
  .option('--backend <backend>', 'postgres: PostgreSQL 색인으로 측정합니다 (DATABASE_URL이 없으면 PGlite)', 'local')
  .action((options: ScaleBenchCommandOptions) => scaleBenchCommand(options));

program
  .command('verify')
  .description('답변 문장이 인용한 기사로 뒷받침되는지 검사합니다 (표준 입력: JSON 줄)')
  .option('--json', '입력 한 줄마다 JSON 한 줄을 출력합니다')
  .option('--index <dir>', '이 색인의 단어 빈도(IDF)로 이름과 드문 단어를 가려냅니다 (없으면 단어 모양으로만)')
  .action((options: { json?: boolean; index?: string }) => verifyCommand(options));

program
  .command('bench:grounding')
  .description('문장 단위 근거 검사를 라벨 붙은 문장 세트로 측정합니다 (eval/grounding/)')
  .option('--dir <dir>', '문장 세트 폴더', 'eval/grounding')
  .option('--data <file>', 'KorQuAD JSON (참조 문단용)', DEFAULT_KORQUAD_FILE)
  .option('--no-idf', '코퍼스 IDF 없이 측정합니다')
  .option('--verbose', '틀린 문장의 id와 이유를 함께 출력합니다')
  .option('--out <file>', '결과 JSON 파일')
  .action((options: { dir: string; data: string; idf: boolean; verbose?: boolean; out?: string }) => groundingBenchCommand(options));

program.parseAsync(process.argv).catch((error: unknown) => {
  // One line for the user, never a stack trace (LOG_LEVEL=debug shows it).
  const message = isAppError(error) ? error.message : `오류: ${errorMessage(error)}`;
  process.stderr.write(`${message}\n`);
  if (wantsStackTraces()) console.error(error);
  process.exitCode = 1;
});
