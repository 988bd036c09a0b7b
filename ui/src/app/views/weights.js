// The weights scan of a model version (GET /artifact/model/{id}/weights-scan) and, for administrators, the
// override that allows downloading dangerous weights (PUT/DELETE .../weights-scan/override). Everyone who may read
// the model sees the findings; the server checks the administrator flag again.
import { api, currentUser, messageOf, paths } from '../api.js';
import { clear, h } from '../dom.js';
import { timeEl } from '../format.js';
import { fileRows, scanVerdict } from '../weights-model.js';

export function weightsScanSection(id, version) {
  const query = version ? '?version=' + encodeURIComponent(version) : '';
  const state = h('div', { id: 'weights-scan-state' }, h('p', { class: 'muted' }, 'Loading…'));
  const controls = h('div', { id: 'weights-scan-controls' });
  const status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite', id: 'weights-scan-status' });
  const el = h('section', { class: 'panel', 'aria-labelledby': 'weights-scan-title' }, h('h2', { id: 'weights-scan-title' }, 'Weights scan'),
    h('p', { class: 'help' }, 'Pickle-based weights (.bin, .pt, .pth, .ckpt, .pkl) can run code when loaded. The registry reads the imports their pickles name, without loading them, when they are stored.'),
    state, controls, status);
  const say = (text, isError) => { status.textContent = text; status.classList.toggle('error', Boolean(isError)); };

  const show = (scan) => {
    clear(state);
    const verdict = scanVerdict(scan);
    state.append(h('p', { class: 'verdict verdict-' + verdict.tone, id: 'weights-scan-verdict' }, verdict.text));
    const rows = fileRows(scan);
    if (rows.length) {
      state.append(h('div', { class: 'table-scroll' }, h('table', { class: 'data-table', id: 'weights-scan-files' },
        h('caption', { class: 'visually-hidden' }, 'Scanned weights files'),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'File'), h('th', { scope: 'col' }, 'Level'), h('th', { scope: 'col' }, 'Found'))),
        h('tbody', {}, ...rows.map((r) => h('tr', {}, h('td', {}, h('code', {}, r.path)),
          h('td', {}, h('span', { class: 'verdict-' + r.tone }, r.label)), h('td', {}, r.found)))))));
    }
    if (scan && scan.not_scanned && scan.not_scanned.length) {
      state.append(h('p', { class: 'muted' }, 'Not scanned (not stored yet, or past the bound): ' + scan.not_scanned.join(', ')));
    }
    if (scan && scan.override) {
      state.append(h('p', { id: 'weights-override' }, 'Allowed by ', scan.override.by, ' ', timeEl(scan.override.at),
        scan.override.reason ? ': “' + scan.override.reason + '”' : ''));
    }
  };

  (async () => {
    const [answer, me] = await Promise.all([api('GET', paths.model(id, 'weights-scan') + query), currentUser()]);
    if (answer.status !== 200 || !answer.json) { clear(state).append(h('p', {}, messageOf(answer, 'The weights scan could not be read'))); return; }
    show(answer.json);
    if (!(me && me.is_admin === true) || answer.json.level !== 'dangerous') return;
    const reason = h('input', { id: 'weights-override-reason', type: 'text', maxlength: 1000, autocomplete: 'off' });
    const allow = h('button', { type: 'submit', class: 'button-primary', id: 'weights-override-allow' }, 'Allow downloads of these weights');
    const withdraw = h('button', { type: 'button', id: 'weights-override-withdraw' }, 'Withdraw the override');
    const refresh = (scan) => { show(scan); allow.hidden = Boolean(scan.override); withdraw.hidden = !scan.override; };
    const send = async (method, body, done) => {
      allow.disabled = withdraw.disabled = true;
      const result = await api(method, paths.model(id, 'weights-scan/override') + query, body);
      allow.disabled = withdraw.disabled = false;
      if (result.status !== 200) { say(messageOf(result, 'The override could not be changed'), true); return; }
      refresh(result.json);
      say(done);
    };
    const form = h('form', { novalidate: true, onsubmit: (event) => {
      event.preventDefault();
      send('PUT', { reason: reason.value.trim() || undefined }, 'Allowed: downloads of this version are served, and the override is in the log under your name.');
    } },
    h('div', { class: 'field' }, h('label', { for: 'weights-override-reason' }, 'Why these weights may be downloaded (recorded)'), reason),
    h('div', { class: 'button-row' }, allow, withdraw));
    withdraw.addEventListener('click', () => send('DELETE', undefined, 'Withdrawn: downloads that include the dangerous files are refused again.'));
    controls.append(form);
    refresh(answer.json);
  })();
  return el;
}
