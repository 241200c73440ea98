// Talking to the API: the key (when the server requires one) and the article cache.

// The API key, when the server requires one (API_KEY): entered once, kept for the tab's session.
const KEY_STORAGE = 'news-qa-api-key';
let apiKey = sessionStorage.getItem(KEY_STORAGE) ?? '';

export function setApiKey(key) {
  apiKey = key;
  sessionStorage.setItem(KEY_STORAGE, key);
}

export function authHeaders(headers) {
  return apiKey ? { ...headers, Authorization: `Bearer ${apiKey}` } : headers;
}

/** Article id → the pending fetch of its body (null when it failed). */
const articles = new Map();

export async function loadArticle(id) {
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
