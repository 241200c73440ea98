// Citations: [n] markers as buttons, the source list under an answer, and the side panel that
// shows each quote inside its passage.
import { loadArticle } from './api.js';
import { $, el } from './dom.js';
import { MESSAGES } from './messages.js';

/** Characters of context kept on each side of a quote inside a long paragraph. */
const PASSAGE_CONTEXT = 280;

const panel = $('sources-panel');
const panelTitle = $('panel-title');
const panelBody = $('panel-body');
const backdrop = $('backdrop');
let panelTrigger = null;
let panelRequest = 0;

/** Splits the answer on [n]; markers with a matching citation become buttons, the rest stays text. */
export function renderAnswer(answer, citations) {
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

export function renderSourceList(citations) {
  const list = el('ol', { className: 'source-list' });
  for (const group of citationsByArticle(citations)) {
    const [first] = group;
    const numbers = group.map((citation) => el('span', { className: 'source-number', text: String(citation.n) }));
    const button = el(
      'button',
      { className: 'source-item', attrs: { type: 'button', 'aria-haspopup': 'dialog', 'data-testid': 'source-item' } },
      [
        el('span', { className: 'source-numbers', attrs: { 'aria-hidden': 'true' } }, numbers),
        el('span', { className: 'source-title', text: first.title }),
        metaLine(first) ? el('span', { className: 'source-meta', text: metaLine(first) }) : null,
      ],
    );
    button.addEventListener('click', () => openSource(group, button));
    list.append(el('li', {}, [button]));
  }
  return el('section', { className: 'sources', attrs: { 'aria-label': '출처 목록' } }, [
    el('h3', { className: 'sources-heading', text: '출처' }),
    list,
  ]);
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
    return [
      el('blockquote', { className: 'passage' }, [el('p', {}, [mark])]),
      el('p', { className: 'panel-note', text: MESSAGES.articleUnavailable }),
    ];
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
    citations.length > 1
      ? [el('p', { className: 'passage-label', text: `[${each.n}]` }), ...renderPassage(article, each)]
      : renderPassage(article, each),
  );
  loading.replaceWith(...passages);
}

export function closeSource() {
  if (panel.hidden) return;
  panel.hidden = true;
  backdrop.hidden = true;
  document.body.classList.remove('panel-open');
  panelTrigger?.focus();
  panelTrigger = null;
}
