// What the page says, and the words it shows for the server's error codes.

export const MESSAGES = {
  network: '서버에 연결할 수 없습니다. 네트워크 연결을 확인한 뒤 다시 시도해 주세요.',
  notReady: '색인을 준비하는 중입니다. 잠시 후 다시 시도해 주세요.',
  rateLimited: '요청이 너무 많습니다. 잠시 후 다시 시도해 주세요.',
  unauthorized: '이 서버는 API 키가 있어야 사용할 수 있습니다. 관리자에게 받은 키를 입력해 주세요.',
  tooLarge: '질문이 너무 깁니다. 내용을 줄여 다시 시도해 주세요.',
  upstream: '언어 모델 서버에서 답을 받지 못했습니다. 잠시 후 다시 시도해 주세요.',
  timeout: '답변을 만드는 데 시간이 너무 오래 걸렸습니다. 잠시 후 다시 시도해 주세요.',
  server: '서버에 문제가 생겨 답변하지 못했습니다. 잠시 후 다시 시도해 주세요.',
  interrupted: '답변이 중간에 끊겼습니다. 다시 시도해 주세요.',
  invalid: '질문을 처리하지 못했습니다. 내용을 확인해 주세요.',
  refusalLabel: '기사에서 답을 찾지 못했습니다',
  articleUnavailable: '기사 본문을 불러오지 못해 인용 문장만 표시합니다.',
};

/** The page's words for the server's error codes (src/errors/app-error.ts holds their HTTP statuses). */
const MESSAGE_FOR_CODE = new Map([
  ['NOT_READY', MESSAGES.notReady],
  ['INDEX_MISSING', MESSAGES.notReady],
  ['INDEX_CORRUPT', MESSAGES.notReady],
  ['INDEX_INCOMPATIBLE', MESSAGES.notReady],
  ['INDEX_LOCKED', MESSAGES.notReady],
  ['RATE_LIMITED', MESSAGES.rateLimited],
  ['UNAUTHORIZED', MESSAGES.unauthorized],
  ['PAYLOAD_TOO_LARGE', MESSAGES.tooLarge],
  ['UPSTREAM', MESSAGES.upstream],
  ['UPSTREAM_TIMEOUT', MESSAGES.timeout],
]);

/** Other codes: the server's own message for a request it refused, a generic one for its own failure. */
export function messageForError(error, serverFault) {
  const known = MESSAGE_FOR_CODE.get(error?.code);
  if (known) return known;
  if (serverFault) return MESSAGES.server;
  return typeof error?.message === 'string' && error.message ? error.message : MESSAGES.invalid;
}
