// The download history (GET /downloads/history): who downloaded what and when, refused downloads included,
// newest first. Filters and the page live in the address, so a view can be bookmarked and sent to an auditor.
// An administrator sees everyone's downloads; anyone else only their own (the API decides; the form says so).
import { api, currentUser, messageOf } from '../api.js';
import { announce, clear, h } from '../dom.js';
import { bytes, count, timeEl, TYPES } from '../format.js';
import { aspectName, filtered, historyPath, historyQuery, instantOf, LIMITS, localOf, newerPage, olderPage, outcomeInWords, pageNumber, readHistoryState } from '../history-model.js';
import { artifactHref, build } from '../router.js';

export async function historyView(main, route, ctx) {
  const state = readHistoryState(route.query);
  const page = pageNumber(state);
  ctx.setTitle('Download history' + (state.artifact || state.user ? ' (filtered)' : '') + (page > 1 ? ', page ' + page : ''));
  const go = (next) => { location.hash = build('history', [], historyQuery(next)); };

  const artifact = h('input', { id: 'history-artifact', value: state.artifact, autocomplete: 'off', maxlength: 64, 'aria-describedby': 'history-artifact-help' });
  const user = h('input', { id: 'history-user', value: state.user, autocomplete: 'off', maxlength: 1024 });
  const asOf = h('input', { id: 'history-as-of', type: 'datetime-local', step: 1, value: localOf(state.asOf), 'aria-describedby': 'history-as-of-help' });
  const limit = h('select', { id: 'history-limit' }, LIMITS.map((n) => h('option', { value: n, selected: n === state.limit }, String(n))));
  const userHelp = h('span', { class: 'help', id: 'history-user-help' }, 'Empty: everyone’s (administrators) or your own.');
  user.setAttribute('aria-describedby', 'history-user-help');
  const form = h('form', { class: 'search-form', 'aria-label': 'Filter the download history', onsubmit: (event) => {
    event.preventDefault();
    go(filtered(state, { artifact: artifact.value.trim(), user: user.value.trim(), asOf: instantOf(asOf.value), limit: Number(limit.value) }));
  } },
  h('div', { class: 'search-row' },
    h('div', { class: 'field grow' }, h('label', { for: 'history-artifact' }, 'Artifact id'), artifact,
      h('span', { class: 'help', id: 'history-artifact-help' }, 'Empty: every artifact.')),
    h('div', { class: 'field grow' }, h('label', { for: 'history-user' }, 'User'), user, userHelp),
    h('div', { class: 'field' }, h('label', { for: 'history-as-of' }, 'As of (UTC)'), asOf,
      h('span', { class: 'help', id: 'history-as-of-help' }, 'Empty: now.')),
    h('div', { class: 'field' }, h('label', { for: 'history-limit' }, 'Per page'), limit),
    h('button', { type: 'submit', class: 'button-primary' }, 'Show')),
  state.artifact || state.user || state.asOf ? h('p', {}, h('a', { href: build('history') }, 'Clear the filters')) : null);

  const status = h('p', { id: 'history-status', class: 'status', role: 'status', 'aria-live': 'polite' }, 'Loading…');
  const results = h('div', { id: 'history-results' });
  const pager = h('nav', { class: 'pager', 'aria-label': 'History pages' });
  main.append(h('div', { class: 'page' }, h('h1', {}, 'Download history'),
    h('p', { class: 'lede' }, 'Who downloaded what and when, newest first, refused downloads included.'),
    form, status, results, pager));
  ctx.focusHeading();

  const me = await currentUser();
  if (!ctx.live()) return;
  if (me && !me.is_admin) userHelp.textContent = 'You see your own downloads only (' + me.name + '); administrators see everyone’s.';

  const answer = await api('GET', historyPath(state));
  if (!ctx.live()) return;
  if (answer.status !== 200 || !answer.json || !Array.isArray(answer.json.entries)) {
    const message = messageOf(answer, 'The download history could not be read');
    status.textContent = message;
    status.classList.add('error');
    announce(message);
    return;
  }
  const entries = answer.json.entries;
  const summary = entries.length
    ? 'Page ' + page + ': ' + count(entries.length, 'download') + (answer.json.next ? '' : ', the oldest') + (state.asOf ? ' as of ' + state.asOf : '') + '.'
    : (page > 1 ? 'No older downloads.' : 'No downloads match.');
  status.textContent = summary;
  announce(summary);
  if (entries.length) results.append(historyTable(entries, { caption: 'Downloads, newest first', showArtifact: true }));
  const newer = newerPage(state);
  if (newer) pager.append(h('a', { href: build('history', [], historyQuery(newer)), rel: 'prev', class: 'button-quiet' }, '← Newer'));
  if (page > 1 || answer.json.next) pager.append(h('span', { class: 'pager-where' }, 'Page ' + page));
  if (answer.json.next) pager.append(h('a', { href: build('history', [], historyQuery(olderPage(state, answer.json.next))), rel: 'next', class: 'button-quiet' }, 'Older →'));
}

/** A table of history entries: when (relative, exact on hover), who, what, which part, size and the outcome. */
export function historyTable(entries, { caption, showArtifact, label }) {
  return h('div', { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': label || 'Download history' },
    h('table', { class: 'data-table history-table' },
      h('caption', { class: 'visually-hidden' }, caption),
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, 'When'), h('th', { scope: 'col' }, 'Who'),
        showArtifact ? h('th', { scope: 'col' }, 'Artifact') : null,
        h('th', { scope: 'col' }, 'Version'), h('th', { scope: 'col' }, 'Part'), h('th', { scope: 'col', class: 'num' }, 'Sent'),
        h('th', { scope: 'col' }, 'Outcome'))),
      h('tbody', {}, entries.map((e) => h('tr', { dataset: { position: e.position, allowed: String(e.allowed) } },
        h('td', {}, timeEl(e.at)),
        h('td', { class: 'break' }, e.user.name + (e.user.is_admin ? ' (admin)' : '')),
        showArtifact ? h('td', { class: 'break' }, TYPES[e.artifact.type]
          ? h('a', { href: artifactHref(e.artifact.type, e.artifact.id) }, e.artifact.name) : e.artifact.name) : null,
        h('td', {}, e.version || '—'),
        h('td', {}, aspectName(e.aspect)),
        h('td', { class: 'num' }, bytes(e.bytes)),
        h('td', { class: e.allowed ? '' : 'refused' }, outcomeInWords(e)))))));
}
