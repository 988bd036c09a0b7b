// The operators' dashboard: overall status, each component in words, requests per minute as a chart with
// the same numbers as a table, and a refresh every 15 seconds that the user can pause (WCAG 2.2.2).
import { Chart, LineController, LineElement, PointElement, LinearScale, CategoryScale, Filler, Tooltip } from 'chart.js';
import { api, messageOf } from '../api.js';
import { announce, clear, h } from '../dom.js';
import { bytes, count, timeEl } from '../format.js';

Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, Filler, Tooltip);

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
  main.append(h('div', { class: 'page' },
    h('div', { class: 'title-row' }, h('h1', {}, 'Registry health'), pause),
    overall, updated,
    h('section', { class: 'panel', 'aria-labelledby': 'traffic-title' }, h('h2', { id: 'traffic-title' }, 'Requests per minute, last hour'),
      h('div', { class: 'chart-box' }, canvas),
      h('details', {}, h('summary', {}, 'The same numbers as a table'),
        h('div', { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': 'Requests per minute' }, h('table', { class: 'data-table' },
          h('caption', { class: 'visually-hidden' }, 'Requests per minute'),
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Minute (UTC)'), h('th', { scope: 'col', class: 'num' }, 'Requests'))), table)))),
    h('section', { class: 'panel', 'aria-labelledby': 'lag-title' }, h('h2', { id: 'lag-title' }, 'Read models'), lag),
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
  };
  const schedule = () => { clearTimeout(timer); if (!paused) timer = setTimeout(async () => { await load(); if (ctx.live()) schedule(); }, REFRESH_MS); };
  pause.addEventListener('click', () => {
    paused = !paused;
    pause.setAttribute('aria-pressed', String(paused));
    pause.textContent = paused ? 'Resume updates' : 'Pause updates';
    announce(paused ? 'Updates paused.' : 'Updates resumed.');
    if (paused) clearTimeout(timer); else { load(); schedule(); }
  });
  ctx.onLeave(() => { clearTimeout(timer); if (chart) chart.destroy(); });
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
