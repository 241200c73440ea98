// The chat page. Streams answers over SSE read from a fetch POST (events.js); citations and
// the sources panel are in sources.js, the API key and article cache in api.js.
// Every piece of article or answer text enters the DOM as text (textContent / text nodes).
import { authHeaders, setApiKey } from './api.js';
import { $, el } from './dom.js';
import { readEvents } from './events.js';
import { MESSAGES, messageForError } from './messages.js';
import { closeSource, renderAnswer, renderSourceList } from './sources.js';

const MAX_HISTORY_TURNS = 20;

const scroller = $('scroller');
const conversation = $('conversation');
const welcome = $('welcome');
const form = $('ask-form');
const input = $('question');
const sendButton = $('send');
const newChatButton = $('new-chat');
const backdrop = $('backdrop');

/** Turns sent with follow-ups: only completed answers, never failed attempts. */
let history = [];
let streaming = false;

// ---------------------------------------------------------------- DOM helpers

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
  const field = el('input', {
    className: 'key-input',
    attrs: { type: 'password', autocomplete: 'off', 'aria-label': 'API 키', placeholder: 'API 키', 'data-testid': 'api-key-input' },
  });
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
      view.fail(messageForError(body?.error, response.status >= 500), retry, { askForKey: body?.error?.code === 'UNAUTHORIZED' });
      return;
    }
    let final = null;
    for await (const { event, data } of readEvents(response.body)) {
      if (event === 'token' && typeof data.text === 'string') view.appendToken(data.text);
      else if (event === 'done') final = data;
      else if (event === 'error') {
        view.fail(messageForError(data, true), retry);
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
  const questions = Array.isArray(body?.examples)
    ? body.examples.filter((question) => typeof question === 'string' && question.trim() !== '')
    : [];
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
