// One artifact, in the spirit of the Hub's model page: the model card as the main column, facts and
// downloads in a side panel, then trust, lineage, cost, the licence check, actions and the audit trail.
import { api, currentUser, download, messageOf, paths, ingestTimeout } from '../api.js';
import { announce, clear, h } from '../dom.js';
import { bytes, count, DEVICES, listJoin, megabytes, metricName, percent, scoreBar, timeEl, TYPES, vettingSentence } from '../format.js';
import { drawLineage } from '../lineage.js';
import { renderMarkdown } from '../markdown.js';
import { build } from '../router.js';
import { forget } from '../search-model.js';
import { showProgress, uploadZip } from '../upload.js';
import { EVIDENCE, netScoreNote, reasonRows } from '../rating-model.js';
import { refusalForThisPage } from '../weights-model.js';
import { historyTable } from './history.js';
import { sensitivitySection } from './sensitive.js';
import { weightsScanSection } from './weights.js';

const ASPECTS = [['weights', 'Weights'], ['card', 'Card'], ['config', 'Configuration'], ['code', 'Code'], ['datasets', 'Datasets']];
const IN_MEMORY_LIMIT = 256e6; // above this, a download goes straight to disk instead of through the page

export async function artifactView(main, route, ctx) {
  const [type, id] = route.segments;
  ctx.setTitle('Loading artifact');
  const status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' }, 'Loading…');
  main.append(h('div', { class: 'page' }, h('h1', {}, 'Loading artifact'), status));
  if (!(type in TYPES) || !id) return notFound(main, ctx, 'This address does not name an artifact.');
  const answer = await api('GET', paths.artifact(type, id));
  if (!ctx.live()) return;
  if (answer.status !== 200) {
    return notFound(main, ctx, answer.status === 404 || answer.status === 400 ? messageOf(answer) : messageOf(answer, 'The artifact could not be read'));
  }
  const artifact = answer.json;
  const name = artifact.metadata.name;
  ctx.setTitle(name + ' (' + type + ')');

  const card = h('section', { class: 'panel', 'aria-labelledby': 'card-title' });
  const column = h('div', { class: 'main-column' }, card);
  const side = h('aside', { class: 'side', 'aria-label': 'About this artifact' });
  const below = h('div', { class: 'below' });
  const vettedBadge = h('span');
  clear(main).append(h('div', { class: 'page' },
    h('p', { class: 'crumbs' }, h('a', { href: build('search') }, 'Browse'), ' / ', TYPES[type] + 's'),
    h('div', { class: 'title-row' }, h('h1', { class: 'artifact-name' }, name), h('span', { class: 'badge badge-' + type }, TYPES[type]), vettedBadge),
    h('p', { class: 'muted id-line' }, 'Id ', h('code', {}, artifact.metadata.id)),
    h('div', { class: 'artifact-layout' }, column, side),
    below,
    h('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite', id: 'artifact-status' })));
  ctx.focusHeading();

  const audit = auditSection(type, id);
  const downloads = downloadHistorySection(type, id);
  const facts = factsPanel(artifact, type);
  side.append(facts.el);
  cardSection(card, artifact, type, id, { onCard: (c) => facts.showCard(c) });
  const version = route.query.get('version') || null;
  side.append(downloadPanel(artifact, type, id, version, facts, () => { audit.refresh(); downloads.refresh(); forget(id); }));
  side.append(costPanel(type, id));
  const trust = type === 'model' ? trustSection(id, vettedBadge, facts) : null;
  if (trust) {
    column.append(trust.el, lineageSection(id));
    below.append(weightsScanSection(id, version));
    below.append(sensitivitySection(id, name));
    below.append(licenceSection(id));
  }
  below.append(actionsSection(artifact, type, id, () => { audit.refresh(); if (trust) trust.reload(); }));
  below.append(newVersionSection(type, id));
  below.append(downloads.el);
  below.append(audit.el);
  audit.refresh();
  downloads.refresh();
}

function notFound(main, ctx, message) {
  if (!ctx.live()) return;
  ctx.setTitle('Artifact not found');
  clear(main).append(h('div', { class: 'page' },
    h('h1', {}, 'Artifact not found'),
    h('p', { class: 'error', role: 'alert' }, message),
    h('p', {}, h('a', { href: build('search') }, 'Back to browsing'))));
  ctx.focusHeading();
}

function section(title, id, ...children) {
  return h('section', { class: 'panel', 'aria-labelledby': id }, h('h2', { id }, title), ...children);
}

function factsPanel(artifact, type) {
  const dl = h('dl', { class: 'facts' });
  const row = (k, v, key) => dl.append(h('div', { dataset: { fact: key || k } }, h('dt', {}, k), h('dd', {}, v)));
  const sourceUrl = artifact.data.url;
  row('Type', TYPES[type]);
  // an upload's url is a registry-internal URN: there is no public page to link to
  const uploaded = /^urn:model-registry:upload:/i.test(sourceUrl);
  row('Source', /^https?:\/\//i.test(sourceUrl) ? h('a', { href: sourceUrl, rel: 'noopener noreferrer', class: 'break' }, sourceUrl.replace(/^https?:\/\//, ''))
    : uploaded ? h('span', { title: sourceUrl }, 'private upload (not on any public hub)') : sourceUrl);
  row('Task', h('span', { class: 'muted' }, '…'), 'task');
  row('Licence', h('span', { class: 'muted' }, '…'), 'licence');
  row('Library', h('span', { class: 'muted' }, '…'), 'library');
  row('Tags', h('span', { class: 'muted' }, '…'), 'tags');
  row('Versions', h('span', { class: 'muted' }, '…'), 'versions');
  const set = (key, value) => { const dd = dl.querySelector('[data-fact="' + key + '"] dd'); if (dd) clear(dd).append(value); };
  const el = h('section', { class: 'panel', 'aria-labelledby': 'facts-title' }, h('h2', { id: 'facts-title' }, 'Details'), dl);
  let taskFromCard = false;
  return {
    el,
    // The rating's category is a fallback: a task declared by the card or the hub says more.
    setTask: (task) => { if (!taskFromCard) set('task', task && task !== 'unknown' ? task : 'not declared'); },
    showCard(card) {
      set('licence', card.licence || 'not declared');
      set('library', card.library || 'not declared');
      const datasets = [].concat(card.card_metadata && card.card_metadata.datasets ? card.card_metadata.datasets : []);
      // The hub's tags often name the card's datasets already ("dataset:bookcorpus"): each tag once.
      const tags = [...new Set([].concat(card.tags || [], datasets.filter((d) => typeof d === 'string').map((d) => 'dataset:' + d)))];
      set('tags', tags.length ? h('ul', { class: 'tags' }, tags.slice(0, 30).map((t) => h('li', {}, t))) : 'none');
      if (card.task) { taskFromCard = true; set('task', card.task); } else if (type !== 'model') set('task', 'not declared');
    },
    showVersions(versions, shown) {
      set('versions', h('ul', { class: 'versions' }, versions.slice(0, 50).map((v) => h('li', {},
        v.version === shown ? h('strong', { 'aria-current': 'true' }, v.version)
          : h('a', { href: build('artifact', [type, artifact.metadata.id], { version: v.latest ? undefined : v.version }) }, v.version),
        v.latest ? h('span', { class: 'badge badge-ok' }, 'latest') : null, ' ', h('span', { class: 'muted small' }, timeEl(v.registered_at))))));
    },
    showFailure(message) {
      ['licence', 'library', 'tags'].forEach((key) => set(key, h('span', { class: 'muted' }, message)));
    },
  };
}

function cardSection(card, artifact, type, id, { onCard }) {
  const body = h('div', { class: 'model-card', id: 'model-card-body' }, h('p', { class: 'muted' }, 'Loading the card…'));
  const title = { model: 'Model card', dataset: 'Dataset card', code: 'README' }[artifact.metadata.type];
  card.append(h('h2', { id: 'card-title' }, title), body);
  // The card is read from the registry's card read model: looking at it is not a download.
  api('GET', paths.artifact(type, id) + '/card').then((answer) => {
    clear(body);
    if (answer.status !== 200) { body.append(h('p', {}, messageOf(answer, 'The card could not be read'))); return; }
    const c = answer.json;
    onCard(c);
    if (c.readme_withheld) { body.append(h('p', {}, 'This model is sensitive: its card is shown only in a download its monitor program allows (the Card download below).')); return; }
    if (!c.readme) { body.append(h('p', {}, 'This ' + TYPES[type].toLowerCase() + ' has no README.')); return; }
    const rendered = h('div', { class: 'markdown' });
    rendered.innerHTML = renderMarkdown(c.readme); // sanitised by DOMPurify in renderMarkdown
    rendered.querySelectorAll('h1,h2,h3,h4,h5,h6').forEach((heading) => {
      // Card headings sit below this page's h2, so screen-reader outlines stay in order.
      const level = Math.min(6, parseInt(heading.tagName.slice(1), 10) + 2);
      const replacement = document.createElement('h' + level);
      replacement.append(...heading.childNodes);
      heading.replaceWith(replacement);
    });
    // A code block wider than the screen scrolls sideways: it must be reachable by keyboard to be read (WCAG 2.1.1).
    rendered.querySelectorAll('pre').forEach((pre) => { pre.setAttribute('tabindex', '0'); pre.setAttribute('aria-label', 'Code from the card'); });
    body.append(rendered);
    if (c.readme.length > 3000) {
      // Long cards fold so trust and lineage stay within reach; one button unfolds them.
      body.classList.add('folded');
      const more = h('button', { type: 'button', class: 'button-quiet', 'aria-expanded': 'false', 'aria-controls': 'model-card-body' }, 'Show the whole card');
      more.addEventListener('click', () => {
        const folded = body.classList.toggle('folded');
        more.setAttribute('aria-expanded', String(!folded));
        more.textContent = folded ? 'Show the whole card' : 'Fold the card';
      });
      body.after(more);
    }
  });
}

/** Fetches the package when the button is pressed, saying so in the status line, and hands over the bytes. */
function onDownload(button, status, url, progress, use, failed) {
  button.addEventListener('click', async () => {
    button.disabled = true;
    status.classList.remove('error');
    status.textContent = progress;
    const got = await download(url);
    button.disabled = false;
    if (!got.ok) {
      // A refusal (a sensitive model's monitor program said no) is the API's message, in full: it names the
      // model and quotes what the program printed. It is recorded in the download history too.
      status.classList.add('error');
      status.textContent = refusalForThisPage(got.message);
      failed();
      return;
    }
    use(got);
  });
}

/**
 * Downloads of the version shown (the latest unless the address names one): the full package and each part of it
 * that holds anything, each with the size the download will have.
 */
function downloadPanel(artifact, type, id, wanted, facts, afterDownload) {
  const status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite', id: 'download-status' });
  const buttons = h('div', { class: 'download-buttons' }, h('p', { class: 'muted' }, 'Loading the versions…'));
  const heading = h('h2', { id: 'download-title' }, 'Download');
  const el = h('section', { class: 'panel', 'aria-labelledby': 'download-title' }, heading, buttons, status,
    h('p', { class: 'help' }, 'A zip of the stored files, or one part of them; sizes are what the download sends. Downloads are recorded in the audit trail.'));
  (async () => {
    const versions = await api('GET', paths.artifact(type, id) + '/versions');
    const list = versions.status === 200 && Array.isArray(versions.json) && versions.json.length ? versions.json : null;
    const shown = list ? (list.find((v) => v.version === wanted) || list.find((v) => v.latest) || list[0]) : null;
    if (list) facts.showVersions(list, shown.version);
    else facts.showVersions([], null);
    if (wanted && shown && shown.version !== wanted) status.textContent = 'There is no version ' + wanted + '; showing ' + shown.version + '.';
    if (shown) heading.textContent = 'Download version ' + shown.version;
    const link = shown ? shown.download_url : artifact.data.download_url;
    const costPath = paths.sub(type, id, 'cost/aspects') + (shown ? '?version=' + encodeURIComponent(shown.version) : '');
    const sizes = await api('GET', costPath);
    clear(buttons);
    const full = sizes.status === 200 && sizes.json.full ? sizes.json.full.download_bytes : undefined;
    buttons.append(downloadButton('download', 'Full package', full, link, status, afterDownload));
    const parts = sizes.status === 200 && sizes.json.aspects ? sizes.json.aspects : {};
    const offered = ASPECTS.filter(([key]) => parts[key] && parts[key].files > 0);
    if (offered.length) {
      buttons.append(h('ul', { class: 'aspect-downloads', 'aria-label': 'Parts of the package' }, offered.map(([key, label]) => h('li', {},
        downloadButton('download-' + key, label, parts[key].download_bytes, link + '&aspect=' + key, status, afterDownload,
          count(parts[key].files, 'file'))))));
    } else if (sizes.status !== 200) {
      buttons.append(h('p', { class: 'muted small' }, messageOf(sizes, 'Sizes per part are unavailable')));
    }
  })();
  return el;
}

function downloadButton(id, label, size, url, status, afterDownload, detail) {
  const button = h('button', { type: 'button', class: id === 'download' ? 'button-primary wide' : 'button-quiet', id },
    label, size === undefined ? '' : ' (' + bytes(size) + (detail ? ', ' + detail : '') + ')');
  if (size !== undefined && size > IN_MEMORY_LIMIT) {
    // Too big to pass through the page: the browser saves it to disk, and the audit trail is read again shortly.
    button.addEventListener('click', () => {
      const a = h('a', { href: url, download: '', hidden: true });
      document.body.append(a);
      a.click();
      a.remove();
      status.textContent = 'Your browser is saving ' + label.toLowerCase() + ' (' + bytes(size) + ').';
      setTimeout(afterDownload, 2000);
    });
    return button;
  }
  onDownload(button, status, url, 'Downloading ' + label.toLowerCase() + '…', (got) => {
    const blobUrl = URL.createObjectURL(new Blob([got.bytes], { type: 'application/zip' }));
    const a = h('a', { href: blobUrl, download: got.fileName, hidden: true });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(blobUrl), 10000);
    status.textContent = 'Downloaded ' + got.fileName + ' (' + bytes(got.bytes.byteLength) + ').';
    afterDownload();
  }, afterDownload);
  return button;
}

/** A new version from a zip of the company's own, with a progress bar. */
function newVersionSection(type, id) {
  const version = h('input', { id: 'new-version', required: true, maxlength: 64, autocomplete: 'off', placeholder: '1.1.0' });
  const file = h('input', { id: 'new-version-file', type: 'file', accept: '.zip,application/zip', required: true });
  const bar = h('progress', { id: 'new-version-progress', max: 100, value: 0, hidden: true, 'aria-label': 'Upload progress' });
  const words = h('span', { class: 'muted small', 'aria-hidden': 'true' });
  const result = h('p', { class: 'status', role: 'status', 'aria-live': 'polite', id: 'new-version-result' });
  const submit = h('button', { type: 'submit' }, 'Upload the new version');
  const form = h('form', { class: 'inline-form', novalidate: true, onsubmit: async (event) => {
    event.preventDefault();
    if (!version.value.trim()) { result.textContent = 'Name the new version, e.g. 1.1.0.'; version.focus(); return; }
    if (!file.files.length) { result.textContent = 'Choose a zip file.'; file.focus(); return; }
    submit.disabled = true;
    bar.hidden = false;
    bar.value = 0;
    bar.removeAttribute('aria-valuetext');
    const answer = await uploadZip(paths.artifact(type, id) + '/versions?version=' + encodeURIComponent(version.value.trim()), file.files[0],
      (sent, total) => showProgress(bar, words, sent, total));
    submit.disabled = false;
    bar.hidden = true;
    words.textContent = '';
    if (answer.status === 201 || answer.status === 200) {
      forget(id);
      location.hash = build('artifact', [type, id], { version: version.value.trim().replace(/^v/, '') });
    } else {
      result.textContent = messageOf(answer, 'The upload failed');
      announce(result.textContent);
    }
  } },
  h('div', { class: 'field' }, h('label', { for: 'new-version' }, 'Version'), version),
  h('div', { class: 'field grow' }, h('label', { for: 'new-version-file' }, 'Zip file'), file),
  submit, bar, words);
  return section('New version', 'new-version-title',
    h('p', { class: 'help' }, 'Upload a zip laid out like a HuggingFace repository as a new version; the others stay, and the highest version is the latest.'),
    form, result);
}

function costPanel(type, id) {
  const body = h('div', {}, h('p', { class: 'muted' }, 'Loading…'));
  // Cost names its dependencies by id only; the lineage (models only) knows their names and types.
  const names = type === 'model'
    ? api('GET', paths.model(id, 'lineage') + '?include_data=true').then((a) => (a.status === 200 ? a.json.nodes : []))
    : Promise.resolve([]);
  Promise.all([api('GET', paths.sub(type, id, 'cost') + '?dependency=true'), names]).then(([answer, nodes]) => {
    const known = Object.fromEntries(nodes.map((n) => [n.artifact_id, n]));
    const depName = (depId) => (known[depId]
      ? h('a', { href: build('artifact', [known[depId].metadata.artifact_type, depId]) }, known[depId].name)
      : h('code', {}, depId));
    clear(body);
    if (answer.status !== 200 || !answer.json || !answer.json[id]) { body.append(h('p', {}, messageOf(answer, 'Cost unavailable'))); return; }
    const own = answer.json[id];
    const deps = Object.entries(answer.json).filter(([k]) => k !== id);
    body.append(
      h('p', { class: 'big-number' }, megabytes(own.total_cost), h('span', { class: 'muted small' }, deps.length ? ' with ' + count(deps.length, 'dependency', 'dependencies') : ' to download')),
      deps.length ? h('p', {}, 'Alone: ' + megabytes(own.standalone_cost) + '.') : '');
    if (deps.length) {
      body.append(h('table', { class: 'data-table' },
        h('caption', {}, 'Registered dependencies'),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Artifact'), h('th', { scope: 'col', class: 'num' }, 'Size'))),
        h('tbody', {}, deps.map(([depId, c]) => h('tr', {}, h('td', { class: 'break' }, depName(depId)), h('td', { class: 'num' }, megabytes(c.standalone_cost)))))));
    }
  });
  return section('Size', 'cost-title', body, h('p', { class: 'help' }, 'As the source declares it; 1 MB = 1,000,000 bytes. Dependencies are registered parent models, datasets and code.'));
}

function trustSection(id, vettedBadge, facts) {
  const body = h('div', {}, h('p', { class: 'muted' }, 'Loading the rating…'));
  const el = section('Trust rating', 'trust-title', body);
  const reload = async () => {
    const [rating, vetting, history, reasons] = await Promise.all([
      api('GET', paths.model(id, 'rate')), api('GET', paths.model(id, 'vetting')), api('GET', paths.model(id, 'rate/history')),
      api('GET', paths.model(id, 'rate/reasons'))]);
    renderTrust(body, id, rating, vetting, history, reasons, vettedBadge, facts);
  };
  reload();
  return { el, reload };
}

function renderTrust(body, id, rating, vetting, history, reasons, vettedBadge, facts) {
  clear(body);
  const v = vetting.status === 200 ? vetting.json : null;
  clear(vettedBadge);
  if (v) vettedBadge.append(h('span', { class: 'badge ' + (v.vetted ? 'badge-ok' : 'badge-warn') }, v.vetted ? 'vetted' : 'not vetted'));
  const latest = history.status === 200 && Array.isArray(history.json) && history.json.length ? history.json[history.json.length - 1] : null;
  const explained = reasons.status === 200 ? reasons.json : null;
  const r = rating.status === 200 ? rating.json : (latest ? latest.rating : null);
  if (r) facts.setTask(r.category);
  body.append(h('p', { class: 'verdict ' + (v && v.vetted ? 'verdict-ok' : 'verdict-warn') }, vettingSentence(v)));
  if (rating.status === 500) body.append(h('p', { class: 'error' }, messageOf(rating)));
  if (!r) { body.append(h('p', {}, messageOf(rating, 'No rating'))); return; }
  body.append(h('div', { class: 'net' }, h('span', { class: 'net-label' }, 'Net score'), scoreBar(r.net_score, 'Net score'),
    latest ? h('span', { class: 'muted small' }, ' rated ', timeEl(latest.rated_at), ' (' + latest.trigger.toLowerCase() + ' by ' + latest.rated_by + ')') : null));
  const note = netScoreNote(explained);
  if (note) body.append(h('p', { class: 'help net-note' }, 'Net score: ' + note + '.'));
  const rows = reasonRows(explained).filter((row) => row.key in r).map((row) => {
    const cell = typeof row.value === 'object'
      ? h('ul', { class: 'devices' }, Object.entries(row.value).map(([d, s]) => h('li', {}, h('span', { class: 'device' }, DEVICES[d] || d), scoreBar(s, DEVICES[d] || d))))
      : row.unknown ? h('span', { class: 'score-unknown' }, 'unknown', h('span', { class: 'muted small' }, ' (reported as ' + percent(row.value) + ')'))
        : scoreBar(row.value, row.name);
    const evidence = h('span', { class: 'badge ' + EVIDENCE[row.evidence].badge, title: EVIDENCE[row.evidence].help }, row.evidenceLabel);
    return h('tr', { 'data-metric': row.key }, h('th', { scope: 'row' }, row.name), h('td', {}, cell),
      h('td', {}, evidence, row.counted ? '' : h('span', { class: 'muted small' }, ' not in net score')), h('td', { class: 'reason' }, row.reason));
  });
  if (!rows.length) body.append(h('p', {}, messageOf(reasons, 'The reasons of this rating are unavailable')));
  else body.append(h('div', { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': 'Metrics' }, h('table', { class: 'data-table metrics' },
    h('caption', { class: 'visually-hidden' }, 'Rating metrics from 0 % (worst) to 100 % (best), whether each was measured or unknown, with the reason for each'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Metric'), h('th', { scope: 'col' }, 'Score'), h('th', { scope: 'col' }, 'Evidence'), h('th', { scope: 'col' }, 'Why'))),
    h('tbody', {}, rows))));
  body.append(h('p', { class: 'help' }, 'Unknown: nothing this metric judges was available (not linked, not reachable, no card), so its value says nothing about the model and is left out of the net score and the ingest gate.'));
  if (history.status === 200 && history.json.length > 1) {
    body.append(h('details', {}, h('summary', {}, 'Rating history (' + history.json.length + ')'),
      h('ol', { class: 'history' }, history.json.slice().reverse().map((e) => h('li', {}, timeEl(e.rated_at), ': net score ' + percent(e.rating.net_score)
        + ', ' + (e.vetted ? 'vetted' : 'not vetted') + ' (' + e.trigger.toLowerCase() + ' by ' + e.rated_by + ')'
        + (e.failed_metrics.length ? '; failed: ' + listJoin(e.failed_metrics.map(metricName)) : ''))))));
  }
}

function lineageSection(id) {
  const body = h('div', {}, h('p', { class: 'muted' }, 'Loading the lineage…'));
  api('GET', paths.model(id, 'lineage') + '?include_external=true&include_data=true').then((answer) => {
    clear(body);
    if (answer.status !== 200) { body.append(h('p', {}, messageOf(answer, 'Lineage unavailable'))); return; }
    if (answer.json.nodes.length <= 1) { body.append(h('p', {}, 'No parents, children, datasets or code are known for this model.')); return; }
    const drawn = drawLineage(answer.json, id);
    body.append(drawn.drawing);
    if (drawn.truncated || answer.headers.get('Lineage-Truncated')) body.append(h('p', { class: 'help' }, 'The graph is large; only part of it is drawn.'));
    body.append(h('details', {}, h('summary', {}, 'The same links as a table'), drawn.table));
  });
  return section('Lineage', 'lineage-title', h('p', { class: 'help' }, 'Parents above, children below; datasets and code it links to. Registered artifacts are links.'), body);
}

function licenceSection(id) {
  const input = h('input', { id: 'licence-url', type: 'url', required: true, placeholder: 'https://github.com/owner/repository', 'aria-describedby': 'licence-help' });
  const result = h('div', { role: 'status', 'aria-live': 'polite', class: 'licence-result' });
  const submit = h('button', { type: 'submit', class: 'button-primary' }, 'Check');
  const form = h('form', { class: 'inline-form', onsubmit: async (event) => {
    event.preventDefault();
    if (!input.value.trim()) { clear(result).append(h('p', { class: 'error' }, 'Enter the GitHub address of your project.')); input.focus(); return; }
    submit.disabled = true;
    clear(result).append(h('p', {}, 'Checking…'));
    const answer = await api('POST', paths.model(id, 'license-check/explain'), { github_url: input.value.trim() });
    submit.disabled = false;
    clear(result);
    if (answer.status !== 200) { result.append(h('p', { class: 'error' }, messageOf(answer, 'The check failed'))); return; }
    const x = answer.json;
    result.append(
      h('p', { class: 'verdict ' + (x.compatible ? 'verdict-ok' : 'verdict-bad') }, x.compatible ? 'Compatible: ' : 'Not compatible: ',
        licenceName(x.model_licence), ' (model) with ', licenceName(x.project_licence), ' (project), to ' + x.use + '.'),
      h('ul', { class: 'reasons' }, x.reasons.map((reason) => h('li', { class: 'reason-' + reason.verdict }, h('strong', {}, reason.verdict + ': '), reason.text))));
  } },
  h('div', { class: 'field grow' }, h('label', { for: 'licence-url' }, 'Your project on GitHub'), input), submit);
  return section('Licence check', 'licence-title',
    h('p', { id: 'licence-help', class: 'help' }, 'May you fine-tune this model and ship it inside your project? The answer weighs the model\'s licence against the project\'s, clause by clause.'),
    form, result);
}

function licenceName(l) {
  return l.name + (l.declared && l.declared !== l.id ? ' (declared "' + l.declared + '")' : '');
}

function actionsSection(artifact, type, id, afterChange) {
  const status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite', id: 'action-status' });
  const say = (text) => { status.textContent = text; announce(text); };
  const url = h('input', { id: 'update-url', type: 'url', value: artifact.data.url, required: true });
  const update = h('form', { class: 'inline-form', onsubmit: async (event) => {
    event.preventDefault();
    say('Updating: fetching the source again…');
    const body = { metadata: artifact.metadata, data: { url: url.value.trim() } };
    const answer = await api('PUT', paths.artifact(type, id), body, ingestTimeout);
    forget(id);
    if (answer.status === 200 || answer.status === 202) { say('Updated: the new content is stored' + (type === 'model' ? ' and rated.' : '.')); afterChange(); }
    else say(messageOf(answer, 'The update failed'));
  } }, h('div', { class: 'field grow' }, h('label', { for: 'update-url' }, 'Source address'), url), h('button', { type: 'submit' }, 'Update from source'));

  const rerate = type === 'model' ? h('button', { type: 'button' }, 'Rate again') : null;
  if (rerate) {
    rerate.addEventListener('click', async () => {
      rerate.disabled = true;
      say('Rating again…');
      const answer = await api('POST', paths.model(id, 'rate'), undefined, ingestTimeout);
      rerate.disabled = false;
      forget(id);
      if (answer.status === 200) {
        say('Rated again: net score ' + percent(answer.json.net_score) + ', ' + (answer.json.vetted ? 'vetted.' : 'not vetted.'));
        afterChange();
      } else {
        say(messageOf(answer, 'Rating failed'));
      }
    });
  }

  const dialog = deleteDialog(artifact, type, id, say);
  const del = h('button', { type: 'button', class: 'button-danger', onclick: () => dialog.open() }, 'Delete…');
  return section('Actions', 'actions-title',
    update,
    h('div', { class: 'button-row' }, rerate, del),
    status, dialog.el);
}

function deleteDialog(artifact, type, id, say) {
  const confirm = h('button', { type: 'button', class: 'button-danger' }, 'Delete for good');
  const cancel = h('button', { type: 'button' }, 'Keep it');
  const el = h('dialog', { class: 'dialog', 'aria-labelledby': 'delete-title' },
    h('h2', { id: 'delete-title' }, 'Delete ' + artifact.metadata.name + '?'),
    h('p', {}, 'It disappears from search and its package can no longer be downloaded. The audit log keeps the record.'),
    h('div', { class: 'button-row' }, cancel, confirm));
  cancel.addEventListener('click', () => el.close());
  confirm.addEventListener('click', async () => {
    confirm.disabled = true;
    const answer = await api('DELETE', paths.artifact(type, id));
    confirm.disabled = false;
    el.close();
    forget(id);
    if (answer.status === 200) location.hash = build('search', [], { deleted: artifact.metadata.name });
    else say(messageOf(answer, 'The delete failed'));
  });
  return { el, open: () => { el.showModal(); cancel.focus(); } };
}

function auditSection(type, id) {
  const tbody = h('tbody');
  const el = section('Audit trail', 'audit-title',
    h('div', { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': 'Audit trail' }, h('table', { class: 'data-table', id: 'audit' },
      h('caption', { class: 'visually-hidden' }, 'Who did what to this artifact, newest first'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'When'), h('th', { scope: 'col' }, 'What'), h('th', { scope: 'col' }, 'Who'))),
      tbody)));
  const refresh = async () => {
    const answer = await api('GET', paths.sub(type, id, 'audit'));
    clear(tbody);
    if (answer.status !== 200) { tbody.append(h('tr', {}, h('td', { colspan: 3 }, messageOf(answer, 'Audit trail unavailable')))); return; }
    answer.json.slice().reverse().forEach((e) => tbody.append(h('tr', { dataset: { action: e.action } }, h('td', {}, timeEl(e.date)),
      h('td', {}, e.action.charAt(0) + e.action.slice(1).toLowerCase()), h('td', {}, e.user.name + (e.user.is_admin ? ' (admin)' : '')))));
  };
  return { el, refresh };
}

const OWN_HISTORY = 10; // the newest downloads of this artifact; the history view pages through the rest

/** This artifact's own downloads (the download history filtered to it), read again after each download here. */
function downloadHistorySection(type, id) {
  const body = h('div', { id: 'artifact-downloads' }, h('p', { class: 'muted' }, 'Loading…'));
  const more = h('p', {}, h('a', { href: build('history', [], { artifact: id }) }, 'The whole download history of this artifact'));
  const el = section('Download history', 'downloads-title', body, more);
  const refresh = async () => {
    const answer = await api('GET', '/downloads/history?artifact_id=' + encodeURIComponent(id) + '&limit=' + OWN_HISTORY);
    clear(body);
    if (answer.status !== 200 || !answer.json || !Array.isArray(answer.json.entries)) {
      body.append(h('p', {}, messageOf(answer, 'The download history is unavailable')));
      return;
    }
    const me = await currentUser();
    const whose = me && !me.is_admin ? ' (yours only: administrators see everyone’s)' : '';
    if (!answer.json.entries.length) { body.append(h('p', {}, 'Nobody has downloaded this ' + TYPES[type].toLowerCase() + ' yet' + whose + '.')); return; }
    const shown = answer.json.entries.length;
    body.append(h('p', { class: 'help' }, (answer.json.next ? 'The newest ' + shown + ' downloads' : count(shown, 'download') + ' so far') + ', newest first' + whose + '.'),
      historyTable(answer.json.entries, { caption: 'Downloads of this artifact, newest first', showArtifact: false, label: 'Downloads of this artifact' }));
  };
  return { el, refresh };
}
