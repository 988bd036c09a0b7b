// A model's sensitivity and its monitor program (GET/PUT/DELETE /artifact/model/{id}/sensitive and .../monitor).
// Everyone who may read the model sees whether it is sensitive and which program guards it (digest, size, who
// attached it, when); a user with the upload permission may read the program, attach one and mark the model
// sensitive, or clear it. The server checks the permission again.
import { api, currentUser, may, messageOf, paths } from '../api.js';
import { clear, h } from '../dom.js';
import { bytes, timeEl } from '../format.js';

const MAX_PROGRAM = 262144; // bytes the API takes (256 KiB)

export function sensitivitySection(id, name) {
  const state = h('div', { id: 'sensitivity-state' }, h('p', { class: 'muted' }, 'Loading…'));
  const controls = h('div', { id: 'sensitivity-controls' });
  const status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite', id: 'sensitivity-status' });
  const el = h('section', { class: 'panel', 'aria-labelledby': 'sensitivity-title' }, h('h2', { id: 'sensitivity-title' }, 'Sensitive model'),
    h('p', { class: 'help' }, 'A sensitive model’s every download (in full or in part) first runs its monitor program on the zip that would be sent. Exit code 0 lets the download through; anything else refuses it.'),
    state, controls, status);
  const say = (text, isError) => { status.textContent = text; status.classList.toggle('error', Boolean(isError)); };

  const show = (s) => {
    clear(state);
    state.append(h('p', { class: 'verdict ' + (s.sensitive ? 'verdict-warn' : 'verdict-ok'), id: 'sensitivity-verdict' }, s.sensitive
      ? (s.monitor ? 'Sensitive: every download runs the monitor program below first.' : 'Sensitive, with no monitor program: every download is refused until one is attached.')
      : 'Not sensitive: downloads are not vetted by a program.'));
    if (s.monitor) {
      state.append(h('dl', { class: 'facts', id: 'monitor-facts' },
        h('div', {}, h('dt', {}, 'Monitor program'), h('dd', {}, h('code', { title: 'sha-256 of the program' }, s.monitor.sha256.slice(0, 16) + '…'), ' (' + bytes(s.monitor.bytes) + ')')),
        h('div', {}, h('dt', {}, 'Attached by'), h('dd', {}, s.monitor.attached_by)),
        h('div', {}, h('dt', {}, 'Attached'), h('dd', {}, timeEl(s.monitor.attached_at)))));
    } else if (!s.sensitive) {
      state.append(h('p', { class: 'muted' }, 'No monitor program is attached.'));
    }
    if (s.sensitive) {
      state.append(h('p', {}, 'When the program refuses, the download fails and the person downloading reads the registry’s message, for example: ',
        h('q', {}, 'The download of model \'' + name + '\' (' + id + ') was refused: the monitor program exited with code 1. Its output: …'),
        ' followed by what the program printed. Every refusal is in the download history below.'));
    }
  };

  (async () => {
    const [answer, me] = await Promise.all([api('GET', paths.model(id, 'sensitive')), currentUser()]);
    if (answer.status !== 200 || !answer.json) { clear(state).append(h('p', {}, messageOf(answer, 'Whether this model is sensitive could not be read'))); return; }
    let current = answer.json;
    show(current);
    if (!may(me, 'upload')) {
      controls.append(h('p', { class: 'help', id: 'sensitivity-not-permitted' }, 'Marking a model sensitive needs the upload permission.'));
      return;
    }
    const program = await api('GET', paths.model(id, 'monitor'), undefined, { accept: 'text/javascript, text/plain, */*' });
    const source = h('textarea', { id: 'monitor-source', rows: 8, spellcheck: 'false', autocomplete: 'off', 'aria-describedby': 'monitor-help',
      class: 'code-input' });
    source.value = program.status === 200 ? program.text : '';
    const mark = h('button', { type: 'submit', class: 'button-primary', id: 'mark-sensitive' }, 'Attach the program and mark sensitive');
    const unmark = h('button', { type: 'button', id: 'unmark-sensitive' }, 'Mark not sensitive');
    const remove = h('button', { type: 'button', class: 'button-quiet', id: 'remove-monitor' }, 'Remove the program');
    const refresh = (s) => {
      current = s;
      show(s);
      unmark.hidden = !s.sensitive;
      remove.hidden = !s.monitor;
    };
    const busy = (on) => { [mark, unmark, remove].forEach((b) => { b.disabled = on; }); };
    const form = h('form', { novalidate: true, onsubmit: async (event) => {
      event.preventDefault();
      const text = source.value;
      if (!text.trim()) { say('Enter the monitor program: without one, every download of a sensitive model is refused.', true); source.focus(); return; }
      if (new TextEncoder().encode(text).length > MAX_PROGRAM) { say('The program is larger than 256 KiB, which the registry does not take.', true); source.focus(); return; }
      busy(true);
      say('Attaching the program…');
      const attached = await api('PUT', paths.model(id, 'monitor'), undefined, { text, contentType: 'text/javascript;charset=utf-8' });
      if (attached.status !== 200) { busy(false); say(messageOf(attached, 'The program could not be attached'), true); return; }
      const marked = await api('PUT', paths.model(id, 'sensitive'));
      busy(false);
      if (marked.status !== 200) { refresh(attached.json); say(messageOf(marked, 'The program is attached, but the model could not be marked sensitive'), true); return; }
      refresh(marked.json);
      say('Marked sensitive: every download now runs this program first.');
    } },
    h('div', { class: 'field' }, h('label', { for: 'monitor-source' }, 'Monitor program (JavaScript)'), source,
      h('span', { class: 'help', id: 'monitor-help' }, 'Run by Node.js as node PROGRAM MODEL_NAME UPLOADER DOWNLOADER ZIP_FILE_PATH, in a scratch directory, for at most a few seconds. '
        + 'Exit 0 to allow; print why before exiting otherwise: the person downloading reads it. Up to 256 KiB.')),
    h('div', { class: 'button-row' }, mark, unmark, remove));
    // Both clearing actions are one DELETE whose answer is the model's sensitivity as it is now.
    const clearing = (button, tail, failure, done) => button.addEventListener('click', async () => {
      busy(true);
      const answer = await api('DELETE', paths.model(id, tail));
      busy(false);
      if (answer.status !== 200) { say(messageOf(answer, failure), true); return; }
      refresh(answer.json);
      say(done(answer.json));
    });
    clearing(unmark, 'sensitive', 'The model could not be marked not sensitive',
      () => 'Marked not sensitive: downloads are no longer vetted. The program is kept.');
    clearing(remove, 'monitor', 'The program could not be removed', (s) => {
      source.value = '';
      return s.sensitive ? 'Program removed: every download of this sensitive model is now refused.' : 'Program removed.';
    });
    controls.append(form);
    refresh(current);
  })();
  return el;
}
