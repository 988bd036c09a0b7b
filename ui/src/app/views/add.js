// Adding an artifact by the address of its source. Uploading a zip of one's own is not offered: the API
// has no endpoint for it yet.
import { api, messageOf, ingestTimeout } from '../api.js';
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
  main.append(h('div', { class: 'page-narrow' }, h('h1', {}, 'Add an artifact'), form));
  ctx.focusHeading();
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
