// The chat page. Streams answers over SSE read from a fetch POST (EventSource cannot POST),
// turns [n] markers into citation buttons and shows each quote inside its passage.
// Every piece of article or answer text enters the DOM as text (textContent / text nodes).

const MAX_HISTORY_TURNS = 20;
/** Characters of context kept on each side of a quote inside a long paragraph. */
const PASSAGE_CONTEXT = 280;

const MESSAGES = {
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

const $ = (id) => document.getElementById(id);
const scroller = $('scroller');
const conversation = $('conversation');
const welcome = $('welcome');
const form = $('ask-form');
const input = $('question');
const sendButton = $('send');
const newChatButton = $('new-chat');
const panel = $('sources-panel');
const panelTitle = $('panel-title');
const panelBody = $('panel-body');
const backdrop = $('backdrop');

/** Turns sent with follow-ups: only completed answers, never failed attempts. */
let history = [];
let streaming = false;
let panelTrigger = null;
let panelRequest = 0;
const articles = new Map();

// ---------------------------------------------------------------- DOM helpers

function el(tag, options = {}, children = []) {
  const node = document.createElement(tag);
  if (options.className) node.className = options.className;
  if (options.text !== undefined) node.textContent = options.text;
  for (const [name, value] of Object.entries(options.attrs ?? {})) node.setAttribute(name, value);
  for (const child of children) if (child) node.append(child);
  return node;
}

function nearBottom() {
  return scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 120;
}

function scrollToEnd(force = false) {
  if (force || nearBottom()) scroller.scrollTop = scroller.scrollHeight;
}

function updateControls() {
  sendButton.disabled = streaming || input.value.trim() === '';
  sendButton.setAttribute('aria-busy', String(streaming));
  newChatButton.hidden = conversation.querySelector('.message') === null;
}

function autosize() {
  input.style.height = 'auto';
  input.style.height = `${Math.min(input.scrollHeight, 200)}px`;
}

// ---------------------------------------------------------------- SSE

function parseEvent(block) {
  let event = 'message';
  const data = [];
  for (const rawLine of block.split('\n')) {
    const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    if (line === '' || line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  }
  if (data.length === 0) return null;
  try {
    return { event, data: JSON.parse(data.join('\n')) };
  } catch {
    return null;
  }
}

async function* readEvents(body) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let boundary;
    while ((boundary = buffer.search(/\r?\n\r?\n/)) >= 0) {
      const block = buffer.slice(0, boundary);
      buffer = buffer.slice(boundary).replace(/^\r?\n\r?\n/, '');
      const event = parseEvent(block);
      if (event) yield event;
    }
  }
}

// ---------------------------------------------------------------- errors

function messageForStatus(status, body) {
  if (status === 503) return MESSAGES.notReady;
  if (status === 429) return MESSAGES.rateLimited;
  if (status === 401) return MESSAGES.unauthorized;
  if (status === 413) return MESSAGES.tooLarge;
  if (status === 502) return MESSAGES.upstream;
  if (status === 504) return MESSAGES.timeout;
  if (status >= 500) return MESSAGES.server;
  const message = body?.error?.message;
  return typeof message === 'string' && message ? message : MESSAGES.invalid;
}

function messageForCode(code) {
  const status = { NOT_READY: 503, RATE_LIMITED: 429, UPSTREAM: 502, UPSTREAM_TIMEOUT: 504 }[code];
  return messageForStatus(status ?? 500);
}

// ---------------------------------------------------------------- messages

function hideWelcome() {
  welcome.hidden = true;
}

function appendUserMessage(question) {
  const node = el('div', { className: 'message user', attrs: { 'data-testid': 'message-user' } }, [
    el('p', { className: 'visually-hidden', text: '내 질문' }),
    el('div', { className: 'bubble', text: question }),
  ]);
  conversation.append(node);
  return node;
}

/** A calm line on what the sentence-level check changed in an LLM answer, or null when nothing. */
function groundingNote(grounding) {
  if (!grounding || typeof grounding !== 'object') return null;
  const count = (value) => (Number.isInteger(value) && value > 0 ? value : 0);
  const parts = [];
  if (count(grounding.dropped)) parts.push(`기사에서 근거를 확인하지 못한 문장 ${count(grounding.dropped)}개는 답변에서 뺐습니다.`);
  if (count(grounding.recited)) parts.push(`문장 ${count(grounding.recited)}개는 내용을 뒷받침하는 기사로 출처 번호를 바로잡았습니다.`);
  if (grounding.truncated === true) parts.push('답변이 길어 확인을 마친 앞부분만 보여 드립니다.');
  return parts.length > 0 ? parts.join(' ') : null;
}

function createAssistantMessage() {
  const answer = el('div', { className: 'answer streaming' });
  const text = document.createTextNode('');
  const typing = el('span', { className: 'typing', attrs: { 'aria-hidden': 'true' } }, [el('span'), el('span'), el('span')]);
  const status = el('span', { className: 'visually-hidden', text: '답변을 작성하는 중입니다' });
  answer.append(text, typing, status);
  const bubble = el('div', { className: 'bubble' }, [answer]);
  const root = el(
    'article',
    { className: 'message assistant', attrs: { 'data-testid': 'message-assistant', 'aria-busy': 'true', 'aria-label': '답변' } },
    [el('div', { className: 'avatar', text: 'A', attrs: { 'aria-hidden': 'true' } }), bubble],
  );
  conversation.append(root);

  return {
    root,
    appendToken(token) {
      typing.remove();
      status.remove();
      text.appendData(token);
      scrollToEnd();
    },
    finish(response) {
      root.setAttribute('aria-busy', 'false');
      answer.classList.remove('streaming');
      answer.replaceChildren(...renderAnswer(response.answer, response.citations));
      if (response.refused) {
        root.classList.add('refused');
        bubble.prepend(
          el('div', { className: 'refusal-label' }, [
            el('span', { className: 'refusal-icon', text: 'i', attrs: { 'aria-hidden': 'true' } }),
            el('span', { text: MESSAGES.refusalLabel }),
          ]),
        );
      } else if (response.citations.length > 0) {
        bubble.append(renderSourceList(response.citations));
      }
      const note = groundingNote(response.grounding);
      if (note) bubble.append(el('p', { className: 'grounding-note', text: note, attrs: { 'data-testid': 'grounding-note' } }));
      scrollToEnd();
    },
    fail(message, retry, options = {}) {
      root.setAttribute('aria-busy', 'false');
      root.classList.add('failed');
      const retryButton = el('button', { className: 'retry-button', text: '다시 시도', attrs: { type: 'button' } });
      retryButton.addEventListener('click', retry);
      answer.classList.remove('streaming');
      answer.replaceChildren(
        el('div', { className: 'error-box', attrs: { role: 'alert' } }, [
          el('span', { className: 'error-icon', text: '!', attrs: { 'aria-hidden': 'true' } }),
          el('span', { className: 'error-text', text: message }),
        ]),
        options.askForKey ? keyForm(retry) : retryButton,
      );
      scrollToEnd();
    },
  };
}

/** An inline field for the server's API key; the key is kept for this browser session only. */
function keyForm(retry) {
  const field = el('input', { className: 'key-input', attrs: { type: 'password', autocomplete: 'off', 'aria-label': 'API 키', placeholder: 'API 키', 'data-testid': 'api-key-input' } });
  const save = el('button', { className: 'retry-button', text: '키 저장 후 다시 시도', attrs: { type: 'submit' } });
  const form = el('form', { className: 'key-form' }, [field, save]);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const key = field.value.trim();
    if (!key) return;
    setApiKey(key);
    retry();
  });
  return form;
}

/** Splits the answer on [n]; markers with a matching citation become buttons, the rest stays text. */
function renderAnswer(answer, citations) {
  const byNumber = new Map(citations.map((citation) => [citation.n, citation]));
  const nodes = [];
  let last = 0;
  for (const match of answer.matchAll(/\[(\d{1,3})\]/g)) {
    const citation = byNumber.get(Number(match[1]));
    if (!citation) continue;
    const before = answer.slice(last, match.index);
    const tail = /\S+\s?$/.exec(before)?.[0] ?? '';
    const lastWord = tail.length <= 24 ? tail : ''; // a long token (a URL) must stay free to wrap
    if (before.length > lastWord.length) nodes.push(document.createTextNode(before.slice(0, before.length - lastWord.length)));
    nodes.push(el('span', { className: 'nowrap' }, [lastWord, citationButton(citation)]));
    last = match.index + match[0].length;
  }
  if (last < answer.length) nodes.push(document.createTextNode(answer.slice(last)));
  return nodes;
}

function citationButton(citation) {
  // The brackets stay in the text (copy, tests, screen readers via aria-label) but are hidden visually.
  const button = el(
    'button',
    {
      className: 'cite',
      attrs: {
        type: 'button',
        'data-testid': 'citation',
        'aria-label': `출처 ${citation.n}: ${citation.title}`,
        'aria-haspopup': 'dialog',
        'aria-controls': 'sources-panel',
      },
    },
    [el('span', { className: 'visually-hidden', text: '[' }), String(citation.n), el('span', { className: 'visually-hidden', text: ']' })],
  );
  button.addEventListener('click', () => openSource([citation], button));
  return button;
}

function metaLine(citation) {
  return [citation.date, citation.source].filter(Boolean).join(' · ');
}

/** Citations grouped by article, in order of first mention: two quotes from one article are one source. */
function citationsByArticle(citations) {
  const groups = new Map();
  for (const citation of citations) {
    const group = groups.get(citation.articleId);
    if (group) group.push(citation);
    else groups.set(citation.articleId, [citation]);
  }
  return [...groups.values()];
}

function renderSourceList(citations) {
  const list = el('ol', { className: 'source-list' });
  for (const group of citationsByArticle(citations)) {
    const [first] = group;
    const numbers = group.map((citation) => el('span', { className: 'source-number', text: String(citation.n) }));
    const button = el('button', { className: 'source-item', attrs: { type: 'button', 'aria-haspopup': 'dialog', 'data-testid': 'source-item' } }, [
      el('span', { className: 'source-numbers', attrs: { 'aria-hidden': 'true' } }, numbers),
      el('span', { className: 'source-title', text: first.title }),
      metaLine(first) ? el('span', { className: 'source-meta', text: metaLine(first) }) : null,
    ]);
    button.addEventListener('click', () => openSource(group, button));
    list.append(el('li', {}, [button]));
  }
  return el('section', { className: 'sources', attrs: { 'aria-label': '출처 목록' } }, [
    el('h3', { className: 'sources-heading', text: '출처' }),
    list,
  ]);
}

// ---------------------------------------------------------------- sources panel

// The API key, when the server requires one (API_KEY): entered once, kept for the tab's session.
const KEY_STORAGE = 'news-qa-api-key';
let apiKey = sessionStorage.getItem(KEY_STORAGE) ?? '';

function setApiKey(key) {
  apiKey = key;
  sessionStorage.setItem(KEY_STORAGE, key);
}

function authHeaders(headers) {
  return apiKey ? { ...headers, Authorization: `Bearer ${apiKey}` } : headers;
}

async function loadArticle(id) {
  if (!articles.has(id)) {
    const pending = fetch(`/api/articles/${encodeURIComponent(id)}`, { headers: authHeaders({ Accept: 'application/json' }) })
      .then((response) => (response.ok ? response.json() : null))
      .catch(() => null);
    articles.set(id, pending);
    // A failure should not stick: the next click tries again.
    pending.then((article) => article || articles.delete(id));
  }
  return articles.get(id);
}

function locateQuote(text, citation) {
  const { start, end, quote } = citation;
  if (Number.isInteger(start) && Number.isInteger(end) && text.slice(start, end) === quote) return { start, end };
  const index = text.indexOf(quote);
  return index < 0 ? null : { start: index, end: index + quote.length };
}

/** The paragraph holding the quote, trimmed around it when long. */
function passageAround(text, span) {
  let from = text.lastIndexOf('\n', span.start - 1) + 1;
  let to = text.indexOf('\n', span.end);
  if (to < 0) to = text.length;
  let before = text.slice(from, span.start);
  let after = text.slice(span.end, to);
  if (before.length > PASSAGE_CONTEXT) before = `…${before.slice(-PASSAGE_CONTEXT).replace(/^\S*\s/, '')}`;
  if (after.length > PASSAGE_CONTEXT) after = `${after.slice(0, PASSAGE_CONTEXT).replace(/\s\S*$/, '')}…`;
  return { before, after };
}

function renderPassage(article, citation) {
  const mark = el('mark', { className: 'quote', text: citation.quote, attrs: { 'data-testid': 'source-quote' } });
  const span = article ? locateQuote(article.text, citation) : null;
  if (!span) {
    return [el('blockquote', { className: 'passage' }, [el('p', {}, [mark])]), el('p', { className: 'panel-note', text: MESSAGES.articleUnavailable })];
  }
  mark.textContent = article.text.slice(span.start, span.end);
  const { before, after } = passageAround(article.text, span);
  return [el('blockquote', { className: 'passage' }, [el('p', {}, [before, mark, after])])];
}

function safeUrl(url) {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** Opens the panel on one article with each of its quoted sentences (one or more citations). */
async function openSource(citations, trigger) {
  const [citation] = citations;
  const request = ++panelRequest;
  panelTrigger = trigger;
  panelTitle.textContent = `출처 ${citations.map((each) => each.n).join(', ')}`;
  const link = citation.url && safeUrl(citation.url);
  const header = el('div', { className: 'source-card' }, [
    el('h3', { className: 'source-card-title', text: citation.title }),
    metaLine(citation) ? el('p', { className: 'source-card-meta', text: metaLine(citation) }) : null,
    link
      ? el('a', { className: 'source-link', text: '원문 기사 보기 →', attrs: { href: link, target: '_blank', rel: 'noopener noreferrer' } })
      : null,
  ]);
  const loading = el('p', { className: 'panel-note', text: '기사 본문을 불러오는 중…' });
  panelBody.replaceChildren(header, loading);
  panel.hidden = false;
  backdrop.hidden = false;
  document.body.classList.add('panel-open');
  panelTitle.focus();

  const article = await loadArticle(citation.articleId);
  if (request !== panelRequest || panel.hidden) return;
  // With several quotes each passage is labelled with its marker, as in the answer.
  const passages = citations.flatMap((each) =>
    citations.length > 1 ? [el('p', { className: 'passage-label', text: `[${each.n}]` }), ...renderPassage(article, each)] : renderPassage(article, each),
  );
  loading.replaceWith(...passages);
}

function closeSource() {
  if (panel.hidden) return;
  panel.hidden = true;
  backdrop.hidden = true;
  document.body.classList.remove('panel-open');
  panelTrigger?.focus();
  panelTrigger = null;
}

// ---------------------------------------------------------------- asking

async function ask(question) {
  question = question.trim();
  if (!question || streaming) return;
  streaming = true;
  hideWelcome();
  const userNode = appendUserMessage(question);
  const view = createAssistantMessage();
  updateControls();
  scrollToEnd(true);

  const retry = () => {
    if (streaming) return;
    userNode.remove();
    view.root.remove();
    void ask(question);
  };
  const sentHistory = history.slice(-MAX_HISTORY_TURNS);

  try {
    const response = await fetch('/api/chat', {
      method: 'POST',
      headers: authHeaders({ 'Content-Type': 'application/json', Accept: 'text/event-stream' }),
      body: JSON.stringify(sentHistory.length > 0 ? { question, history: sentHistory } : { question }),
    });
    if (!response.ok || !response.body) {
      const body = await response.json().catch(() => null);
      view.fail(messageForStatus(response.status, body), retry, { askForKey: response.status === 401 });
      return;
    }
    let final = null;
    for await (const { event, data } of readEvents(response.body)) {
      if (event === 'token' && typeof data.text === 'string') view.appendToken(data.text);
      else if (event === 'done') final = data;
      else if (event === 'error') {
        view.fail(messageForCode(data.code), retry);
        return;
      }
    }
    if (!final || typeof final.answer !== 'string') {
      view.fail(MESSAGES.interrupted, retry);
      return;
    }
    view.finish({ ...final, citations: Array.isArray(final.citations) ? final.citations : [] });
    history = [...history, { role: 'user', content: question }, { role: 'assistant', content: final.answer }].slice(-MAX_HISTORY_TURNS);
  } catch {
    view.fail(MESSAGES.network, retry);
  } finally {
    streaming = false;
    updateControls();
  }
}

function resetConversation() {
  if (streaming) return;
  history = [];
  closeSource();
  for (const node of conversation.querySelectorAll('.message')) node.remove();
  welcome.hidden = false;
  updateControls();
  input.focus();
}

// ---------------------------------------------------------------- wiring

form.addEventListener('submit', (event) => {
  event.preventDefault();
  if (streaming || input.value.trim() === '') return;
  const question = input.value;
  input.value = '';
  autosize();
  void ask(question);
});

input.addEventListener('keydown', (event) => {
  // isComposing: Enter that confirms a Hangul syllable in an IME must not send.
  if (event.key === 'Enter' && !event.shiftKey && !event.isComposing && event.keyCode !== 229) {
    event.preventDefault();
    form.requestSubmit();
  }
});
input.addEventListener('input', () => {
  autosize();
  updateControls();
});

// ---------------------------------------------------------------- example questions

/** While the index is still being built (503), ask again for at most this many times. */
const EXAMPLES_RETRIES = 60;

/** The welcome screen's examples come from the corpus (the newest titles); none is shown on any failure. */
async function loadExamples(attempt = 0) {
  let response;
  try {
    response = await fetch('/api/examples', { headers: authHeaders({ Accept: 'application/json' }) });
  } catch {
    return;
  }
  if (response.status === 503 && attempt < EXAMPLES_RETRIES) {
    const seconds = Math.min(Number(response.headers.get('retry-after')) || 5, 30);
    setTimeout(() => void loadExamples(attempt + 1), seconds * 1000);
    return;
  }
  if (!response.ok) return;
  const body = await response.json().catch(() => null);
  const questions = Array.isArray(body?.examples) ? body.examples.filter((question) => typeof question === 'string' && question.trim() !== '') : [];
  const group = $('examples');
  group.replaceChildren(
    ...questions.map((question) => {
      const button = el('button', { className: 'example', text: question, attrs: { type: 'button' } });
      button.addEventListener('click', () => {
        void ask(question);
        input.focus();
      });
      return button;
    }),
  );
  group.hidden = questions.length === 0;
}

void loadExamples();

newChatButton.addEventListener('click', resetConversation);
$('panel-close').addEventListener('click', closeSource);
backdrop.addEventListener('click', closeSource);
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') closeSource();
});

updateControls();
input.focus();
