// One artifact, in the spirit of the Hub's model page: the model card as the main column, facts and
// downloads in a side panel, then trust, lineage, cost, the licence check, actions and the audit trail.
import { api, download, messageOf, paths, ingestTimeout } from '../api.js';
import { announce, clear, h } from '../dom.js';
import { bytes, count, DEVICES, listJoin, megabytes, metricName, METRICS, percent, scoreBar, timeEl, TYPES, vettingSentence } from '../format.js';
import { drawLineage } from '../lineage.js';
import { frontMatter, renderMarkdown } from '../markdown.js';
import { build } from '../router.js';
import { aspectSizes, readPackage } from '../zip.js';
import { forget } from '../search-model.js';

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
  const facts = factsPanel(artifact, type);
  side.append(facts.el);
  cardSection(card, artifact, { onPackage: (pkg) => { facts.showPackage(pkg); audit.refresh(); } });
  side.append(downloadPanel(artifact, () => { audit.refresh(); forget(id); }));
  side.append(costPanel(type, id));
  const trust = type === 'model' ? trustSection(id, vettedBadge, facts) : null;
  if (trust) {
    column.append(trust.el, lineageSection(id));
    below.append(licenceSection(id));
  }
  below.append(actionsSection(artifact, type, id, () => { audit.refresh(); if (trust) trust.reload(); }));
  below.append(audit.el);
  audit.refresh();
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
  row('Task', h('span', { class: 'muted' }, type === 'model' ? '…' : '—'), 'task');
  row('Licence', h('span', { class: 'muted' }, 'in the model card'), 'licence');
  row('Tags', h('span', { class: 'muted' }, 'in the model card'), 'tags');
  row('Versions', h('span', { class: 'muted' }, 'one (the registry keeps the current version)'), 'versions');
  const set = (key, value) => { const dd = dl.querySelector('[data-fact="' + key + '"] dd'); if (dd) clear(dd).append(value); };
  const el = h('section', { class: 'panel', 'aria-labelledby': 'facts-title' }, h('h2', { id: 'facts-title' }, 'Details'), dl);
  return {
    el,
    setTask: (task) => set('task', task && task !== 'unknown' ? task : 'not declared'),
    showPackage(pkg) {
      const meta = pkg.readme ? frontMatter(pkg.readme) : {};
      const licence = meta.license || meta.licence;
      set('licence', licence ? (Array.isArray(licence) ? licence.join(', ') : licence) : 'not declared');
      const tags = [].concat(meta.tags || [], meta.datasets ? [].concat(meta.datasets).map((d) => 'dataset:' + d) : []);
      set('tags', tags.length ? h('ul', { class: 'tags' }, tags.slice(0, 30).map((t) => h('li', {}, t))) : 'none');
      if (meta.pipeline_tag) set('task', meta.pipeline_tag);
    },
  };
}

function cardSection(card, artifact, { onPackage }) {
  const body = h('div', { class: 'model-card', id: 'model-card-body' });
  const files = h('div');
  const kind = artifact.metadata.type === 'code' ? 'README' : 'card';
  const button = h('button', { type: 'button', class: 'button-primary' }, 'Show the ' + kind + ' and files');
  const note = h('p', { class: 'help' }, 'The ' + (kind === 'card' ? 'card' : 'README') + ' travels inside the stored package. Showing it downloads the package once, which the audit trail records as a download by you.');
  const status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  onDownload(button, status, artifact.data.download_url, 'Downloading the package…', (got) => {
    let pkg;
    try { pkg = readPackage(got.bytes); } catch { status.textContent = 'The package is not a readable zip file.'; return; }
    clear(body);
    if (pkg.readme) {
      const rendered = h('div', { class: 'markdown' });
      rendered.innerHTML = renderMarkdown(pkg.readme); // sanitised by DOMPurify in renderMarkdown
      rendered.querySelectorAll('h1,h2,h3,h4,h5,h6').forEach((heading) => {
        // Card headings sit below this page's h2, so screen-reader outlines stay in order.
        const level = Math.min(6, parseInt(heading.tagName.slice(1), 10) + 2);
        const replacement = document.createElement('h' + level);
        replacement.append(...heading.childNodes);
        heading.replaceWith(replacement);
      });
      body.append(rendered);
      if (pkg.readme.length > 3000) {
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
    } else {
      body.append(h('p', {}, 'This package has no README.md.'));
    }
    clear(files).append(filesTable(pkg));
    button.remove();
    note.remove();
    status.textContent = 'Card shown; ' + count(pkg.files.length, 'file') + ' in the package.';
    onPackage(pkg);
  });
  const title = { model: 'Model card', dataset: 'Dataset card', code: 'README' }[artifact.metadata.type];
  card.append(h('h2', { id: 'card-title' }, title), note, button, status, body, files);
}

function filesTable(pkg) {
  const sizes = aspectSizes(pkg.files);
  return h('div', { class: 'files' },
    h('h3', {}, 'Size per part'),
    h('ul', { class: 'aspect-list' }, sizes.map(([aspect, size]) => h('li', {}, h('span', { class: 'badge' }, aspect), ' ', bytes(size)))),
    h('details', {}, h('summary', {}, 'All ' + count(pkg.files.length, 'file')),
      h('div', { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': 'Files' }, h('table', { class: 'data-table' },
        h('caption', { class: 'visually-hidden' }, 'Files in the package'),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'File'), h('th', { scope: 'col' }, 'Part'), h('th', { scope: 'col', class: 'num' }, 'Size'))),
        h('tbody', {}, pkg.files.slice(0, 500).map((f) => h('tr', {}, h('td', { class: 'break' }, f.path), h('td', {}, f.aspect), h('td', { class: 'num' }, bytes(f.size)))))))));
}

/** Fetches the package when the button is pressed, saying so in the status line, and hands over the bytes. */
function onDownload(button, status, url, progress, use) {
  button.addEventListener('click', async () => {
    button.disabled = true;
    status.textContent = progress;
    const got = await download(url);
    button.disabled = false;
    if (!got.ok) { status.textContent = got.message; return; }
    use(got);
  });
}

function downloadPanel(artifact, afterDownload) {
  const status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const button = h('button', { type: 'button', class: 'button-primary wide', id: 'download' }, 'Download package (zip)');
  onDownload(button, status, artifact.data.download_url, 'Downloading…', (got) => {
    const url = URL.createObjectURL(new Blob([got.bytes], { type: 'application/zip' }));
    const a = h('a', { href: url, download: got.fileName, hidden: true });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    status.textContent = 'Downloaded ' + got.fileName + ' (' + bytes(got.bytes.byteLength) + ').';
    afterDownload();
  });
  return section('Download', 'download-title', button, status,
    h('p', { class: 'help' }, 'The registry serves the files it stored at ingest, weights included (files above the configured eager size are listed but not stored yet). Downloads are recorded in the audit trail.'));
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
    const [rating, vetting, history] = await Promise.all([
      api('GET', paths.model(id, 'rate')), api('GET', paths.model(id, 'vetting')), api('GET', paths.model(id, 'rate/history'))]);
    renderTrust(body, id, rating, vetting, history, vettedBadge, facts);
  };
  reload();
  return { el, reload };
}

function renderTrust(body, id, rating, vetting, history, vettedBadge, facts) {
  clear(body);
  const v = vetting.status === 200 ? vetting.json : null;
  clear(vettedBadge);
  if (v) vettedBadge.append(h('span', { class: 'badge ' + (v.vetted ? 'badge-ok' : 'badge-warn') }, v.vetted ? 'vetted' : 'not vetted'));
  const latest = history.status === 200 && Array.isArray(history.json) && history.json.length ? history.json[history.json.length - 1] : null;
  const reasons = latest ? latest.reasons || {} : {};
  const r = rating.status === 200 ? rating.json : (latest ? latest.rating : null);
  if (r) facts.setTask(r.category);
  body.append(h('p', { class: 'verdict ' + (v && v.vetted ? 'verdict-ok' : 'verdict-warn') }, vettingSentence(v)));
  if (rating.status === 500) body.append(h('p', { class: 'error' }, messageOf(rating)));
  if (!r) { body.append(h('p', {}, messageOf(rating, 'No rating'))); return; }
  body.append(h('div', { class: 'net' }, h('span', { class: 'net-label' }, 'Net score'), scoreBar(r.net_score, 'Net score'),
    latest ? h('span', { class: 'muted small' }, ' rated ', timeEl(latest.rated_at), ' (' + latest.trigger.toLowerCase() + ' by ' + latest.rated_by + ')') : null));
  const rows = Object.keys(METRICS).filter((k) => k !== 'net_score' && k in r).map((k) => {
    const value = r[k];
    const cell = typeof value === 'object'
      ? h('ul', { class: 'devices' }, Object.entries(value).map(([d, s]) => h('li', {}, h('span', { class: 'device' }, DEVICES[d] || d), scoreBar(s, DEVICES[d] || d))))
      : scoreBar(value, metricName(k));
    return h('tr', {}, h('th', { scope: 'row' }, metricName(k)), h('td', {}, cell), h('td', { class: 'reason' }, reasons[k] || ''));
  });
  body.append(h('div', { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': 'Metrics' }, h('table', { class: 'data-table metrics' },
    h('caption', { class: 'visually-hidden' }, 'Rating metrics from 0 % (worst) to 100 % (best), with the reason for each'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Metric'), h('th', { scope: 'col' }, 'Score'), h('th', { scope: 'col' }, 'Why'))),
    h('tbody', {}, rows))));
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
