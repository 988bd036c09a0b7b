// The one door to the REST API. The token lives in sessionStorage only (gone when the tab closes).
const TOKEN_KEY = 'registry.token';
const USER_KEY = 'registry.user';
const TIMEOUT_MS = 30000;
const INGEST_TIMEOUT_MS = 180000;

export const session = {
  token: () => sessionStorage.getItem(TOKEN_KEY),
  user: () => sessionStorage.getItem(USER_KEY),
  signIn(token, user) { sessionStorage.setItem(TOKEN_KEY, token); sessionStorage.setItem(USER_KEY, user); },
  signOut() { sessionStorage.removeItem(TOKEN_KEY); sessionStorage.removeItem(USER_KEY); },
};

let onAuthLost = () => {};
/** Called when the server refuses the token (expired or used up), so the app can ask for sign-in again. */
export function whenAuthLost(handler) { onAuthLost = handler; }

export class ApiError extends Error {
  constructor(status, message, body) {
    super(message);
    this.status = status;
    this.body = body;
  }
}

/**
 * Calls the API and answers {status, json, text, headers}. Never throws for an HTTP status; a network failure or
 * timeout becomes status 0 with a message, so every view can say what went wrong in words.
 */
export async function api(method, path, body, options = {}) {
  const headers = { Accept: options.accept || 'application/json' };
  // options.text sends a raw text body (a monitor program is JavaScript source, not JSON).
  const raw = typeof options.text === 'string';
  if (raw) headers['Content-Type'] = options.contentType || 'text/plain;charset=utf-8';
  else if (body !== undefined) headers['Content-Type'] = 'application/json';
  const token = session.token();
  if (token) headers['X-Authorization'] = token;
  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: raw ? options.text : body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(options.timeoutMs || TIMEOUT_MS),
    });
  } catch (e) {
    const timedOut = e && e.name === 'TimeoutError';
    return { status: 0, json: { message: timedOut ? 'The registry did not answer in time.' : 'The registry could not be reached.' }, text: '', headers: new Headers() };
  }
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { json = null; }
  if (response.status === 403 && path !== '/authenticate' && token) {
    session.signOut();
    onAuthLost();
  }
  return { status: response.status, json, text, headers: response.headers };
}

let me = { token: null, answer: null };
/**
 * Who the token belongs to (`/users/me`: name, admin flag, permissions), read once per token so the header and
 * every view can offer only what the user may do; null when it cannot be read. The server checks again anyway.
 */
export async function currentUser() {
  const token = session.token();
  if (!token) return null;
  if (me.token !== token) {
    me = { token, answer: api('GET', '/users/me').then((a) => (a.status === 200 && a.json ? a.json : null)) };
  }
  return me.answer;
}

/** Reads /users/me afresh next time (after the signed-in user's own permissions changed). */
export function forgetCurrentUser() { me = { token: null, answer: null }; }

/** Whether the user (as currentUser() answers it) holds a permission of the API ('upload', 'search', 'download'). */
export function may(user, permission) {
  return Boolean(user && Array.isArray(user.permissions) && user.permissions.includes(permission));
}

export const ingestTimeout = { timeoutMs: INGEST_TIMEOUT_MS };

/** The API's own message for a failed answer, or a sentence naming the status. */
export function messageOf(answer, fallback) {
  if (answer.json && typeof answer.json.message === 'string') return answer.json.message;
  if (answer.status === 0) return 'The registry could not be reached.';
  return (fallback || 'The request failed') + ' (HTTP ' + answer.status + ').';
}

export const paths = {
  artifact: (type, id) => '/artifacts/' + encodeURIComponent(type) + '/' + encodeURIComponent(id),
  sub: (type, id, tail) => '/artifact/' + encodeURIComponent(type) + '/' + encodeURIComponent(id) + '/' + tail,
  model: (id, tail) => '/artifact/model/' + encodeURIComponent(id) + '/' + tail,
};

/** Fetches the signed download link; answers the bytes, or an error message. */
export async function download(url) {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(INGEST_TIMEOUT_MS) });
    if (!response.ok) {
      let message = 'The download failed (HTTP ' + response.status + ').';
      try { const j = await response.json(); if (j && j.message) message = j.message; } catch { /* not JSON */ }
      return { ok: false, message };
    }
    const name = /filename="?([^";]+)"?/.exec(response.headers.get('Content-Disposition') || '');
    return { ok: true, bytes: await response.arrayBuffer(), fileName: name ? name[1] : 'artifact.zip' };
  } catch {
    return { ok: false, message: 'The download could not be completed.' };
  }
}
