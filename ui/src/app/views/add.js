// Adding an artifact: by the address of its public source, or by uploading a zip of one's own (laid out like a
// HuggingFace repository), with a progress bar.
import { api, messageOf, ingestTimeout } from '../api.js';
import { showProgress, uploadZip } from '../upload.js';
import { announce, clear, h } from '../dom.js';
import { metricName, percent, TYPES } from '../format.js';
import { artifactHref } from '../router.js';

export async function addView(main, route, ctx) {
  ctx.setTitle('Add an artifact');
  const type = h('select', { id: 'add-type', name: 'type' }, Object.entries(TYPES).map(([v, l]) => h('option', { value: v }, l)));
  const url = h('input', { id: 'add-url', type: 'url', required: true, placeholder: 'https://huggingface.co/google-bert/bert-base-uncased', 'aria-describedby': 'add-help' });
  const result = h('div', { id: 'add-result', role: 'status', 'aria-live': 'polite' });
  const progress = h('progress', { hidden: true, 'aria-label': 'Ingesting' });
  const submit = h('button', { type: 'submit', class: 'button-primary' }, 'Add');
  const form = h('form', { class: 'card', novalidate: true, onsubmit: async (event) => {
    event.preventDefault();
    clear(result);
    const source = url.value.trim();
    if (!/^https?:\/\/\S+$/i.test(source)) { result.append(h('p', { class: 'error' }, 'Enter the web address of a HuggingFace model or dataset, or a GitHub repository.')); url.focus(); return; }
    submit.disabled = true;
    progress.hidden = false;
    result.append(h('p', {}, 'Fetching and ' + (type.value === 'model' ? 'rating' : 'storing') + ' it; this can take a minute…'));
    const answer = await api('POST', '/artifact/' + type.value, { url: source }, ingestTimeout);
    submit.disabled = false;
    progress.hidden = true;
    clear(result);
    if (answer.status === 201 || answer.status === 202) {
      const created = answer.json.metadata;
      result.append(h('p', { class: 'verdict verdict-ok' }, 'Added ', h('a', { href: artifactHref(created.type, created.id) }, created.name), '.'));
      if (created.type === 'model') {
        const vetting = await api('GET', '/artifact/model/' + encodeURIComponent(created.id) + '/rate');
        if (vetting.status === 200) result.append(h('p', {}, 'Net score ' + percent(vetting.json.net_score) + '.'));
      }
      announce('Added ' + created.name + '.');
    } else if (answer.status === 424) {
      result.append(h('div', { class: 'verdict verdict-bad' },
        h('p', {}, h('strong', {}, 'Not added: '), 'the model did not pass the ingest gate, which admits only public models scoring at least 50 % on every metric.'),
        h('p', {}, gateRefusal(answer.json && answer.json.message))));
      announce('Not added: the model did not pass the ingest gate.');
    } else if (answer.status === 409) {
      result.append(h('p', { class: 'error' }, 'It is registered already. ' + messageOf(answer, '')));
    } else {
      result.append(h('p', { class: 'error' }, messageOf(answer, 'Adding failed')));
    }
  } },
  h('div', { class: 'field' }, h('label', { for: 'add-type' }, 'Kind'), type),
  h('div', { class: 'field' }, h('label', { for: 'add-url' }, 'Source address'), url),
  h('p', { id: 'add-help', class: 'help' }, 'A HuggingFace model or dataset page, or a GitHub repository. Models are rated on the way in.'),
  h('div', { class: 'button-row' }, submit, progress), result);
  main.append(h('div', { class: 'page-narrow' }, h('h1', {}, 'Add an artifact'),
    h('h2', {}, 'From a public source'), form,
    h('h2', {}, 'Upload a zip of your own'), uploadForm()));
  ctx.focusHeading();
}

function uploadForm() {
  const type = h('select', { id: 'upload-type' }, Object.entries(TYPES).map(([v, l]) => h('option', { value: v }, l)));
  const name = h('input', { id: 'upload-name', required: true, maxlength: 200, autocomplete: 'off', 'aria-describedby': 'upload-help' });
  const version = h('input', { id: 'upload-version', value: '1.0.0', required: true, maxlength: 64, autocomplete: 'off' });
  const file = h('input', { id: 'upload-file', type: 'file', accept: '.zip,application/zip', required: true });
  const bar = h('progress', { id: 'upload-progress', max: 100, value: 0, hidden: true, 'aria-label': 'Upload progress' });
  const words = h('span', { class: 'muted small', 'aria-hidden': 'true' });
  const result = h('div', { id: 'upload-result', role: 'status', 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit', class: 'button-primary' }, 'Upload');
  return h('form', { class: 'card', novalidate: true, onsubmit: async (event) => {
    event.preventDefault();
    clear(result);
    if (!name.value.trim()) { result.append(h('p', { class: 'error' }, 'Give the artifact a name.')); name.focus(); return; }
    if (!file.files.length) { result.append(h('p', { class: 'error' }, 'Choose a zip file.')); file.focus(); return; }
    submit.disabled = true;
    bar.hidden = false;
    bar.value = 0;
    bar.removeAttribute('aria-valuetext');
    const path = '/artifact/' + type.value + '/upload?name=' + encodeURIComponent(name.value.trim())
      + '&version=' + encodeURIComponent(version.value.trim());
    let lastAnnounced = -1;
    const answer = await uploadZip(path, file.files[0], (sent, total) => {
      const pct = total ? Math.floor((sent / total) * 100) : 0;
      showProgress(bar, words, sent, total);
      // Screen readers hear every quarter, not every event.
      if (Math.floor(pct / 25) > lastAnnounced) { lastAnnounced = Math.floor(pct / 25); announce('Uploaded ' + pct + ' %.'); }
    });
    submit.disabled = false;
    bar.hidden = true;
    words.textContent = '';
    if (answer.status === 201) {
      const created = answer.json.metadata;
      result.append(h('p', { class: 'verdict verdict-ok' }, 'Uploaded ', h('a', { href: artifactHref(created.type, created.id) }, created.name),
        ' version ' + version.value.trim() + '.'));
      announce('Uploaded ' + created.name + '.');
    } else {
      result.append(h('p', { class: 'error' }, messageOf(answer, 'The upload failed')));
    }
  } },
  h('div', { class: 'field' }, h('label', { for: 'upload-type' }, 'Kind'), type),
  h('div', { class: 'field' }, h('label', { for: 'upload-name' }, 'Name'), name),
  h('div', { class: 'field' }, h('label', { for: 'upload-version' }, 'Version'), version),
  h('div', { class: 'field' }, h('label', { for: 'upload-file' }, 'Zip file'), file),
  h('p', { id: 'upload-help', class: 'help' }, 'Laid out like a HuggingFace repository: a model needs a README and config.json or a weights file. It stays private to this registry and is rated like any other.'),
  h('div', { class: 'button-row' }, submit, bar, words), result);
}

/** The gate's 424 message as a sentence of metric names and percentages, without its rule text of raw keys. */
export function gateRefusal(message) {
  const failing = /Failing metrics: (.*?)\.?$/.exec(message || '');
  if (!failing) return refusalInWords(message);
  return 'Below 50 % on ' + refusalInWords(failing[1]) + '.';
}

/** Turns the gate's "license=0.00, ramp_up_time=0.20" into metric names and percentages. */
export function refusalInWords(message) {
  if (!message) return '';
  return message.replace(/\b([a-z_]+)=(\d+(?:\.\d+)?)/g, (whole, key, value) =>
    (metricName(key) !== key.replace(/_/g, ' ') ? metricName(key).toLowerCase() : key) + ' ' + percent(parseFloat(value)));
}
