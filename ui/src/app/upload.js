// Zip uploads with progress: fetch() cannot report upload progress, XMLHttpRequest can. The body is the File
// itself, so the browser streams it from disk and the page never holds the zip in memory.
import { session } from './api.js';

const UPLOAD_TIMEOUT_MS = 60 * 60 * 1000;

/**
 * POSTs `file` as application/zip to `path` (query included) and answers {status, json}; `onProgress(sent, total)`
 * is called as bytes leave. A network failure or timeout is status 0 with a message, as in api().
 */
export function uploadZip(path, file, onProgress = () => {}) {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.timeout = UPLOAD_TIMEOUT_MS;
    xhr.setRequestHeader('Content-Type', 'application/zip');
    xhr.setRequestHeader('Accept', 'application/json');
    const token = session.token();
    if (token) xhr.setRequestHeader('X-Authorization', token);
    xhr.upload.addEventListener('progress', (event) => onProgress(event.loaded, event.lengthComputable ? event.total : file.size));
    xhr.addEventListener('load', () => {
      let json = null;
      try { json = xhr.responseText ? JSON.parse(xhr.responseText) : null; } catch { json = null; }
      resolve({ status: xhr.status, json });
    });
    const failed = (message) => () => resolve({ status: 0, json: { message } });
    xhr.addEventListener('error', failed('The registry could not be reached.'));
    xhr.addEventListener('timeout', failed('The upload did not finish in time.'));
    xhr.addEventListener('abort', failed('The upload was cancelled.'));
    xhr.send(file);
  });
}

/** A progress element and its words, for an upload in flight. */
export function progressText(sent, total) {
  const pct = total ? Math.floor((sent / total) * 100) : 0;
  return pct + ' % (' + (sent / 1e6).toFixed(1) + ' of ' + (total / 1e6).toFixed(1) + ' MB)';
}

/**
 * Moves an upload's bar and its words. The words beside the bar are hidden from screen readers, so the bar carries
 * them as aria-valuetext: "40 % (2.0 of 5.0 MB)" says more than the bare percentage.
 */
export function showProgress(bar, words, sent, total) {
  const text = progressText(sent, total);
  bar.value = total ? Math.floor((sent / total) * 100) : 0;
  bar.setAttribute('aria-valuetext', text);
  words.textContent = text;
}
