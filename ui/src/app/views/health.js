// The operators' dashboard: overall status, each component in words, per-minute charts (requests, errors,
// p95 latency, ingests/uploads/downloads) each with the same numbers as a table, the recent log for
// administrators, the performance workload for administrators, and a refresh every 15 seconds that the user can
// pause (WCAG 2.2.2).
import { Chart, LineController, LineElement, BarController, BarElement, PointElement, LinearScale, CategoryScale, Filler, Tooltip, Legend } from 'chart.js';
import { api, messageOf, session } from '../api.js';
import { announce, clear, h } from '../dom.js';
import { bytes, count, timeEl } from '../format.js';
import { WORKLOAD_FIELDS, latencySeries, progressOf, resultFacts, resultRows, workloadRequest } from '../workload-model.js';

Chart.register(LineController, LineElement, BarController, BarElement, PointElement, LinearScale, CategoryScale, Filler, Tooltip, Legend);

const REFRESH_MS = 15000;
const STATUS_WORDS = { ok: 'All systems working', degraded: 'Working, with problems', critical: 'Not working', unknown: 'Status unknown' };
const METRIC_LABELS = {
  head_position: ['Events in the log', (v) => (v + 1).toLocaleString('en')],
  last_event_at: ['Last event', (v) => timeEl(v)],
  writable: ['Accepting packages', (v) => (v ? 'yes' : 'no')],
  usable_bytes: ['Free space', bytes],
  documents: ['Indexed artifacts', (v) => v.toLocaleString('en')],
  size_bytes: ['Index size', bytes],
  max_lag_events: ['Projection lag', (v) => count(v, 'event') + ' behind'],
  processors: ['Projections running', (v) => String(v)],
  requests: ['Requests in the window', (v) => v.toLocaleString('en')],
  server_errors: ['Server errors', (v) => v.toLocaleString('en')],
  upstream_errors: ['Hub failures', (v) => v.toLocaleString('en')],
  unique_clients: ['Distinct clients', (v) => v.toLocaleString('en')],
  ratings: ['Ratings recorded', (v) => v.toLocaleString('en')],
  failed_ratings: ['Ratings with a failed metric', (v) => v.toLocaleString('en')],
  mean_rating_seconds: ['Average rating time', (v) => v.toFixed(1) + ' s'],
  last_rated_at: ['Last rating', (v) => timeEl(v)],
  failed_metrics_in_window: ['Failed metrics in the window', (v) => v.toLocaleString('en')],
};
const HIDDEN_METRICS = /^(probe_ms|committed_position|slowest_metric.*|lag_.*)$/;

export async function healthView(main, route, ctx) {
  ctx.setTitle('Health');
  let paused = false;
  let timer = null;
  let chart = null;
  const overall = h('div', { class: 'overall', role: 'status', 'aria-live': 'polite' }, 'Loading…');
  const updated = h('p', { class: 'muted small' });
  const pause = h('button', { type: 'button', 'aria-pressed': 'false', id: 'health-pause' }, 'Pause updates');
  const components = h('div', { class: 'component-grid' });
  const canvas = h('canvas', { role: 'img', 'aria-label': 'Requests per minute over the last hour; the table below has the numbers.', height: 220 });
  const table = h('tbody');
  const lag = h('div', { class: 'lag' });
  const errorsPanel = seriesPanel('errors', 'Errors and latency per minute', 'Answers with 4xx and 5xx status and the 95th percentile of response time per minute over the last hour',
    [['client_errors', 'Client errors (4xx)', '--warn'], ['server_errors', 'Server errors (5xx)', '--bad'], ['p95_ms', 'p95 latency (ms)', '--accent', 'y1']]);
  const activityPanel = seriesPanel('activity', 'Ingests, uploads and downloads per minute', 'Successful registrations by URL, zip uploads and package downloads per minute over the last hour',
    [['ingests', 'Ingests', '--accent'], ['uploads', 'Uploads', '--ok'], ['downloads', 'Downloads', '--warn']]);
  const logs = logPanel(ctx);
  const workload = workloadPanel(ctx);
  main.append(h('div', { class: 'page' },
    h('div', { class: 'title-row' }, h('h1', {}, 'Registry health'), pause),
    overall, updated,
    h('section', { class: 'panel', 'aria-labelledby': 'traffic-title' }, h('h2', { id: 'traffic-title' }, 'Requests per minute, last hour'),
      h('div', { class: 'chart-box' }, canvas),
      h('details', {}, h('summary', {}, 'The same numbers as a table'),
        h('div', { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': 'Requests per minute' }, h('table', { class: 'data-table' },
          h('caption', { class: 'visually-hidden' }, 'Requests per minute'),
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Minute (UTC)'), h('th', { scope: 'col', class: 'num' }, 'Requests'))), table)))),
    errorsPanel.el, activityPanel.el,
    h('section', { class: 'panel', 'aria-labelledby': 'lag-title' }, h('h2', { id: 'lag-title' }, 'Read models'), lag),
    logs.el,
    workload.el,
    h('section', { 'aria-labelledby': 'components-title' }, h('h2', { id: 'components-title' }, 'Components'), components)));
  ctx.focusHeading();

  const load = async () => {
    const answer = await api('GET', '/health/components?windowMinutes=60&includeTimeline=true');
    if (!ctx.live()) return;
    if (answer.status !== 200) { overall.textContent = messageOf(answer, 'Health data unavailable'); return; }
    const report = answer.json;
    const worst = ['critical', 'degraded', 'unknown', 'ok'].find((s) => report.components.some((c) => c.status === s)) || 'unknown';
    clear(overall).append(h('span', { class: 'status-dot status-' + worst, 'aria-hidden': 'true' }), h('strong', {}, STATUS_WORDS[worst]),
      ' · ' + count(report.components.filter((c) => c.status === 'ok').length, 'component') + ' of ' + report.components.length + ' fine');
    clear(updated).append('Updated ', timeEl(report.generated_at), paused ? ' · updates paused' : ' · updates every 15 seconds');
    clear(components).append(...report.components.map(componentCard));
    const projections = report.components.find((c) => c.id === 'projections');
    clear(lag).append(projections ? lagList(projections) : h('p', {}, 'No projection data.'));
    const api_ = report.components.find((c) => c.timeline);
    const points = api_ ? api_.timeline : [];
    clear(table).append(...points.slice().reverse().map((p) => h('tr', {}, h('td', {}, minute(p.bucket)), h('td', { class: 'num' }, String(p.value)))));
    chart = drawChart(canvas, chart, points);
    const activity = await api('GET', '/health/activity?windowMinutes=60');
    if (!ctx.live()) return;
    const rows = activity.status === 200 ? activity.json.minutes : [];
    errorsPanel.show(rows);
    activityPanel.show(rows);
    logs.refresh();
    workload.refresh();
  };
  const schedule = () => { clearTimeout(timer); if (!paused) timer = setTimeout(async () => { await load(); if (ctx.live()) schedule(); }, REFRESH_MS); };
  pause.addEventListener('click', () => {
    paused = !paused;
    pause.setAttribute('aria-pressed', String(paused));
    pause.textContent = paused ? 'Resume updates' : 'Pause updates';
    announce(paused ? 'Updates paused.' : 'Updates resumed.');
    if (paused) clearTimeout(timer); else { load(); schedule(); }
  });
  ctx.onLeave(() => { clearTimeout(timer); if (chart) chart.destroy(); errorsPanel.destroy(); activityPanel.destroy(); workload.destroy(); });
  await load();
  schedule();
}

function minute(iso) {
  return new Date(iso).toISOString().slice(11, 16);
}

function drawChart(canvas, chart, points) {
  const labels = points.map((p) => minute(p.bucket));
  const values = points.map((p) => p.value);
  if (chart) {
    chart.data.labels = labels;
    chart.data.datasets[0].data = values;
    chart.update('none');
    return chart;
  }
  const style = getComputedStyle(document.documentElement);
  const accent = style.getPropertyValue('--accent').trim() || '#1f5fbf';
  const text = style.getPropertyValue('--muted').trim() || '#555';
  const grid = style.getPropertyValue('--line').trim() || '#ddd';
  return new Chart(canvas, {
    type: 'line',
    data: { labels, datasets: [{ label: 'Requests per minute', data: values, borderColor: accent, backgroundColor: accent + '33', fill: true, pointRadius: 0, tension: 0 }] },
    options: {
      responsive: true, maintainAspectRatio: false, animation: false,
      scales: { x: { ticks: { color: text, maxTicksLimit: 7 }, grid: { color: grid } }, y: { beginAtZero: true, ticks: { color: text, precision: 0 }, grid: { color: grid } } },
      plugins: { legend: { display: false } },
    },
  });
}

function lagList(projections) {
  const lags = Object.entries(projections.metrics || {}).filter(([k]) => k.startsWith('lag_'));
  const worst = (projections.metrics || {}).max_lag_events || 0;
  return h('div', {},
    h('p', { class: 'big-number' }, worst === 0 ? 'Up to date' : count(worst, 'event') + ' behind'),
    h('ul', { class: 'lag-list' }, lags.map(([k, v]) => h('li', {}, k.slice(4) + ': ' + (v === 0 ? 'up to date' : count(v, 'event') + ' behind')))));
}

function componentCard(c) {
  const metrics = Object.entries(c.metrics || {}).filter(([k]) => !HIDDEN_METRICS.test(k));
  return h('article', { class: 'panel component status-border-' + c.status, 'aria-labelledby': 'component-' + c.id },
    h('div', { class: 'component-head' }, h('h3', { id: 'component-' + c.id }, c.display_name || c.id),
      h('span', { class: 'badge badge-status-' + c.status }, c.status)),
    c.description ? h('p', { class: 'muted small' }, c.description) : null,
    h('dl', { class: 'facts' }, metrics.map(([k, v]) => {
      const [label, fmt] = METRIC_LABELS[k] || [k.replace(/_/g, ' '), (x) => String(x)];
      return h('div', {}, h('dt', {}, label), h('dd', {}, fmt(v)));
    })),
    (c.issues || []).length ? h('ul', { class: 'issues' }, c.issues.map((i) => h('li', { class: 'issue-' + i.severity }, h('strong', {}, i.severity + ': '), i.summary))) : null);
}

function cssColor(name, fallback) {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

/**
 * A chart of several per-minute series with its table: `series` lists [field, label, colour variable, axis];
 * a series on axis y1 (latency) gets its own scale on the right.
 */
function seriesPanel(key, title, description, series) {
  const canvas = h('canvas', { role: 'img', 'aria-label': description + '; the table below has the numbers.', height: 220 });
  const tbody = h('tbody');
  let chart = null;
  const el = h('section', { class: 'panel', 'aria-labelledby': key + '-title' }, h('h2', { id: key + '-title' }, title),
    h('div', { class: 'chart-box' }, canvas),
    h('details', {}, h('summary', {}, 'The same numbers as a table'),
      h('div', { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': title }, h('table', { class: 'data-table' },
        h('caption', { class: 'visually-hidden' }, title),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Minute (UTC)'), series.map(([, label]) => h('th', { scope: 'col', class: 'num' }, label)))),
        tbody))));
  const show = (rows) => {
    clear(tbody).append(...rows.slice().reverse().map((r) => h('tr', {}, h('td', {}, minute(r.minute)),
      series.map(([field]) => h('td', { class: 'num' }, r[field] === null || r[field] === undefined ? '—' : String(r[field]))))));
    const labels = rows.map((r) => minute(r.minute));
    if (chart) {
      chart.data.labels = labels;
      series.forEach(([field], i) => { chart.data.datasets[i].data = rows.map((r) => r[field]); });
      chart.update('none');
      return;
    }
    const text = cssColor('--muted', '#555');
    const grid = cssColor('--line', '#ddd');
    const twoAxes = series.some((s) => s[3] === 'y1');
    chart = new Chart(canvas, {
      type: 'line',
      data: { labels, datasets: series.map(([field, label, colour, axis]) => ({
        label, data: rows.map((r) => r[field]), borderColor: cssColor(colour, '#1f5fbf'), backgroundColor: cssColor(colour, '#1f5fbf'),
        pointRadius: 0, tension: 0, spanGaps: true, yAxisID: axis || 'y' })) },
      options: {
        responsive: true, maintainAspectRatio: false, animation: false,
        scales: {
          x: { ticks: { color: text, maxTicksLimit: 7 }, grid: { color: grid } },
          y: { beginAtZero: true, ticks: { color: text, precision: 0 }, grid: { color: grid } },
          ...(twoAxes ? { y1: { position: 'right', beginAtZero: true, ticks: { color: text }, grid: { drawOnChartArea: false }, title: { display: true, text: 'ms', color: text } } } : {}),
        },
        plugins: { legend: { display: true, labels: { color: text } } },
      },
    });
  };
  return { el, show, destroy: () => { if (chart) chart.destroy(); } };
}

/** The node's recent log, for administrators: level and text filters; hidden from everyone else. */
function logPanel(ctx) {
  const level = h('select', { id: 'log-level' }, ['ERROR', 'WARN', 'INFO', 'DEBUG'].map((l) => h('option', { value: l, selected: l === 'INFO' }, l)));
  const text = h('input', { id: 'log-text', type: 'search', maxlength: 200, autocomplete: 'off' });
  // The list scrolls within its own box, so it takes focus: keyboard users can scroll it too (WCAG 2.1.1).
  const list = h('ol', { class: 'log-lines', id: 'log-lines', tabindex: 0, 'aria-label': 'Log lines, newest first' });
  const status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const form = h('form', { class: 'inline-form', onsubmit: (event) => { event.preventDefault(); refresh(); } },
    h('div', { class: 'field' }, h('label', { for: 'log-level' }, 'Level and above'), level),
    h('div', { class: 'field grow' }, h('label', { for: 'log-text' }, 'Containing'), text),
    h('button', { type: 'submit' }, 'Filter'));
  const el = h('section', { class: 'panel', 'aria-labelledby': 'logs-title', hidden: true }, h('h2', { id: 'logs-title' }, 'Recent log lines'),
    h('p', { class: 'help' }, 'The newest lines this node logged, at most 100 shown. Administrators only.'), form, status, list);
  let admin = null;
  const refresh = async () => {
    if (!session.token()) { el.hidden = true; return; }
    if (admin === null) {
      const me = await api('GET', '/users/me');
      admin = me.status === 200 && me.json.is_admin === true;
    }
    if (!ctx.live() || !admin) { el.hidden = true; return; }
    el.hidden = false;
    const query = '?level=' + encodeURIComponent(level.value) + '&limit=100' + (text.value.trim() ? '&q=' + encodeURIComponent(text.value.trim()) : '');
    const answer = await api('GET', '/health/logs' + query);
    if (!ctx.live()) return;
    if (answer.status !== 200) { status.textContent = messageOf(answer, 'The log could not be read'); return; }
    clear(list).append(...answer.json.lines.map((l) => h('li', { class: 'log-' + l.level.toLowerCase() },
      h('span', { class: 'log-meta' }, timeEl(l.at), ' ', h('strong', {}, l.level), ' ', h('span', { class: 'muted' }, l.logger.replace(/^.*\./, ''))),
      ' ', h('span', { class: 'log-message' }, l.message))));
    status.textContent = answer.json.lines.length ? answer.json.lines.length + ' lines.' : 'No line matches.';
  };
  return { el, refresh };
}

const WORKLOAD_POLL_MS = 2000;

/**
 * The performance workload, for administrators: start a run (bounded, small defaults), follow its progress in a
 * polite live region while it runs (polled every 2 seconds, only then), and read the result as a chart of latencies
 * with the same numbers, and more, in a table. Hidden from everyone else.
 */
function workloadPanel(ctx) {
  const inputs = WORKLOAD_FIELDS.map((f) => {
    const input = h('input', { id: 'workload-' + f.name, type: 'number', inputmode: 'numeric', min: f.min, max: f.max, step: 1, value: f.value, required: true, 'aria-describedby': 'workload-' + f.name + '-error' });
    const error = h('span', { class: 'error small', id: 'workload-' + f.name + '-error' });
    return { field: f, input, error, el: h('div', { class: 'field' }, h('label', { for: input.id }, f.label), input, error) };
  });
  const start = h('button', { type: 'submit', id: 'workload-start' }, 'Start workload');
  const status = h('p', { class: 'status', id: 'workload-status', role: 'status', 'aria-live': 'polite' });
  const bar = h('progress', { id: 'workload-progress', max: 1, 'aria-label': 'Workload progress', hidden: true });
  const canvas = h('canvas', { role: 'img', 'aria-label': 'Download latency of the last workload run in milliseconds, mean, median, 99th percentile and maximum, per kind of download; the table below has the numbers.', height: 220 });
  const tbody = h('tbody');
  const facts = h('dl', { class: 'facts' });
  const result = h('div', { hidden: true },
    h('h3', {}, 'Result of the last run'),
    h('div', { class: 'chart-box' }, canvas),
    h('div', { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': 'Workload result' }, h('table', { class: 'data-table' },
      h('caption', {}, 'Downloads of the last run; latency from request to last byte, in milliseconds'),
      h('thead', {}, h('tr', {}, ['Downloads', 'Count', 'Errors', 'Identical bytes', 'MB/s', 'Downloads/s', 'Mean', 'Median', 'p99', 'Max', 'MB/s ÷ nginx']
        .map((label, i) => h('th', { scope: 'col', class: i ? 'num' : null }, label)))),
      tbody)),
    facts);
  const form = h('form', { class: 'inline-form', novalidate: true, onsubmit: (event) => { event.preventDefault(); begin(); } },
    ...inputs.map((i) => i.el), start);
  const el = h('section', { class: 'panel', 'aria-labelledby': 'workload-title', hidden: true }, h('h2', { id: 'workload-title' }, 'Performance workload'),
    h('p', { class: 'help' }, 'Uploads generated models, ingests arnir0/Tiny-LLM, then has every client download it in full and as its weights, checking every byte. It loads this node: run it when nobody depends on it. One run at a time; administrators only.'),
    form, status, bar, result);
  let admin = null;
  let timer = null;
  let chart = null;
  let shownResult = null;

  const show = (run) => {
    const p = progressOf(run);
    status.textContent = p.text;
    start.disabled = p.running;
    bar.hidden = !p.running;
    if (p.done === null) bar.removeAttribute('value'); else bar.value = p.done;
    if (run && run.result && shownResult !== run.id) {
      shownResult = run.id;
      drawResult(run.result);
    }
    clearTimeout(timer);
    if (p.running && ctx.live()) timer = setTimeout(poll, WORKLOAD_POLL_MS);
  };
  const drawResult = (res) => {
    const rows = resultRows(res);
    result.hidden = false;
    const cell = (v) => h('td', { class: 'num' }, v === null || v === undefined ? '—' : String(v));
    clear(tbody).append(...rows.map((r) => h('tr', {}, h('th', { scope: 'row' }, r.label), cell(r.downloads), cell(r.errors), h('td', { class: 'num' }, r.identical ? 'yes' : 'no'),
      cell(r.megabytesPerSecond), cell(r.downloadsPerSecond), cell(r.mean), cell(r.median), cell(r.p99), cell(r.max), cell(r.throughputRatio))));
    clear(facts).append(...resultFacts(res).map(([k, v]) => h('div', {}, h('dt', {}, k), h('dd', {}, v))));
    const data = latencySeries(rows);
    const colours = ['--accent', '--ok', '--warn', '--bad'];
    if (chart) chart.destroy();
    const text = cssColor('--muted', '#555');
    const grid = cssColor('--line', '#ddd');
    chart = new Chart(canvas, {
      type: 'bar',
      data: { labels: data.labels, datasets: data.series.map((s, i) => ({ label: s.label, data: s.data, backgroundColor: cssColor(colours[i], '#1f5fbf') })) },
      options: {
        responsive: true, maintainAspectRatio: false, animation: false,
        scales: { x: { ticks: { color: text }, grid: { color: grid } }, y: { beginAtZero: true, ticks: { color: text }, grid: { color: grid }, title: { display: true, text: 'ms', color: text } } },
        plugins: { legend: { display: true, labels: { color: text } } },
      },
    });
  };
  const poll = async () => {
    const answer = await api('GET', '/workload/runs/current');
    if (!ctx.live()) return;
    if (answer.status !== 200) { status.textContent = messageOf(answer, 'The workload could not be read'); start.disabled = false; return; }
    show(answer.json);
  };
  const begin = async () => {
    const { body, errors } = workloadRequest(Object.fromEntries(inputs.map((i) => [i.field.name, i.input.value])));
    let first = null;
    for (const i of inputs) {
      i.error.textContent = errors[i.field.name] || '';
      if (errors[i.field.name]) i.input.setAttribute('aria-invalid', 'true'); else i.input.removeAttribute('aria-invalid');
      if (errors[i.field.name] && !first) first = i.input;
    }
    if (first) { first.focus(); return; }
    start.disabled = true;
    status.textContent = 'Starting the workload…';
    const answer = await api('POST', '/workload/runs', body);
    if (!ctx.live()) return;
    if (answer.status !== 202) { status.textContent = messageOf(answer, 'The workload could not be started'); start.disabled = false; return; }
    announce('Workload started.');
    show(answer.json);
  };
  const refresh = async () => {
    if (!session.token()) { el.hidden = true; return; }
    if (admin === null) {
      const me = await api('GET', '/users/me');
      admin = me.status === 200 && me.json.is_admin === true;
    }
    if (!ctx.live() || !admin) { el.hidden = true; return; }
    el.hidden = false;
    if (timer === null) await poll();
  };
  return { el, refresh, destroy: () => { clearTimeout(timer); if (chart) chart.destroy(); } };
}
