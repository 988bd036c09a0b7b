// Search and browse. Everything the user chose lives in the URL (#/search?q=&mode=&types=&sort=&page=),
// so a search can be bookmarked, shared and survives sign-in.
import { api, messageOf } from '../api.js';
import { announce, clear, h } from '../dom.js';
import { count, megabytes, scoreBar, timeEl, TYPES } from '../format.js';
import { build, artifactHref } from '../router.js';
import { enrich, runSearch, sortResults, PAGE_SIZE, SORTS } from '../search-model.js';

const MODES = [['name', 'Exact name'], ['partial', 'Name contains'], ['regex', 'Regular expression (names and cards)']];

export function readState(query) {
  const mode = MODES.some(([m]) => m === query.get('mode')) ? query.get('mode') : 'name';
  const types = (query.get('types') || '').split(',').filter((t) => t in TYPES);
  const sort = SORTS.some(([s]) => s === query.get('sort')) ? query.get('sort') : 'name';
  const page = Math.max(1, parseInt(query.get('page') || '1', 10) || 1);
  const version = (query.get('version') || '').trim().slice(0, 128);
  return { q: query.get('q') || '', mode, types, sort, page, version };
}

export async function searchView(main, route, ctx) {
  const state = readState(route.query);
  ctx.setTitle(state.q ? 'Search: ' + state.q : 'Browse artifacts');
  const go = (changes) => { location.hash = build('search', [], { ...state, page: 1, ...changes, types: (changes.types || state.types) }); };

  const input = h('input', { id: 'query', name: 'q', type: 'search', value: state.q, placeholder: 'e.g. bert', 'aria-describedby': 'query-help', autocomplete: 'off' });
  const mode = h('select', { id: 'mode', name: 'mode' }, MODES.map(([v, label]) => h('option', { value: v, selected: v === state.mode }, label)));
  const typeBoxes = Object.entries(TYPES).map(([value, label]) =>
    h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'type', value, checked: state.types.includes(value) }), value === 'code' ? 'Code' : label + 's'));
  const version = h('input', { id: 'version', name: 'version', value: state.version, placeholder: '^1.2.0', maxlength: 128, autocomplete: 'off', 'aria-describedby': 'version-help' });
  const sort = h('select', { id: 'sort', name: 'sort' }, SORTS.map(([v, label]) => h('option', { value: v, selected: v === state.sort }, label)));
  const form = h('form', { role: 'search', class: 'search-form', 'aria-label': 'Artifacts', onsubmit: (event) => {
    event.preventDefault();
    go({ q: input.value.trim(), mode: mode.value, sort: sort.value, version: version.value.trim(), types: typeBoxes.map((l) => l.firstChild).filter((b) => b.checked).map((b) => b.value) });
  } },
  h('div', { class: 'search-row' },
    h('div', { class: 'field grow' }, h('label', { for: 'query' }, 'Search'), input),
    h('div', { class: 'field' }, h('label', { for: 'mode' }, 'Match'), mode),
    h('div', { class: 'field' }, h('label', { for: 'version' }, 'Version'), version),
    h('div', { class: 'field' }, h('label', { for: 'sort' }, 'Sort by'), sort),
    h('button', { type: 'submit', class: 'button-primary' }, 'Search')),
  h('p', { id: 'query-help', class: 'help' }, 'Leave empty to list everything. Regular expressions use RE2 syntax and also search model cards.'),
  h('p', { id: 'version-help', class: 'help' }, 'Version: exact (1.2.3), a range (1.2.3-2.1.0), tilde (~1.2.0) or caret (^1.2.0); empty for any.'),
  h('fieldset', { class: 'inline' }, h('legend', {}, 'Types (none ticked: all types)'), typeBoxes));

  const status = h('p', { id: 'search-status', class: 'status', role: 'status', 'aria-live': 'polite' }, 'Searching…');
  const results = h('div', { id: 'results' });
  const pager = h('nav', { class: 'pager', 'aria-label': 'Result pages' });
  main.append(h('div', { class: 'page' }, h('h1', {}, 'Browse artifacts'), form, status, results, pager));
  ctx.focusHeading();

  const found = await runSearch(api, state);
  if (!ctx.live()) return;
  if (found.error) { status.textContent = found.error; announce(found.error); return; }
  if (!found.items.length) { status.textContent = 'Nothing matches.'; announce('Nothing matches.'); return; }

  let items = found.items;
  if (state.sort !== 'name') {
    status.textContent = 'Sorting ' + count(Math.min(items.length, 100), 'result') + '…';
    items = await sortResults(api, items, state.sort);
    if (!ctx.live()) return;
  } else {
    items = sortResults.byName(items);
  }
  const pages = Math.max(1, Math.ceil(items.length / PAGE_SIZE));
  const page = Math.min(state.page, pages);
  const shown = items.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const first = (page - 1) * PAGE_SIZE + 1;
  const summary = count(found.total, 'artifact') + (found.capped ? '+ (showing the first ' + count(items.length, 'match', 'matches') + ')' : '')
    + ' · showing ' + first + '–' + (first + shown.length - 1) + (found.note ? ' · ' + found.note : '');
  status.textContent = summary;
  announce(summary);

  const list = h('ol', { class: 'result-list', start: first });
  shown.forEach((item) => list.append(resultCard(item)));
  clear(results).append(list);
  if (pages > 1) {
    const link = (p, label, rel) => h('a', { href: build('search', [], { ...state, page: p }), rel, class: 'button-quiet' }, label);
    if (page > 1) pager.append(link(page - 1, '← Previous', 'prev'));
    pager.append(h('span', { class: 'pager-where' }, 'Page ' + page + ' of ' + pages));
    if (page < pages) pager.append(link(page + 1, 'Next →', 'next'));
  }
  // Details arrive per result, a few at a time, without blocking the list.
  enrich(api, shown, (item, details) => { if (ctx.live()) fillDetails(list, item, details); });
}

function resultCard(item) {
  return h('li', { class: 'result', dataset: { id: item.id } },
    h('div', { class: 'result-head' },
      h('a', { href: artifactHref(item.type, item.id), class: 'result-name' }, item.name),
      h('span', { class: 'badge badge-' + item.type }, TYPES[item.type] || item.type),
      item.matched ? h('span', { class: 'badge badge-match' }, item.matched === 'name' ? 'name matched' : 'card matched') : null),
    h('dl', { class: 'result-facts' },
      item.type === 'model' ? fact('Net score', h('span', { class: 'pending' }, '…'), 'score') : null,
      item.type === 'model' ? fact('Vetting', h('span', { class: 'pending' }, '…'), 'vetted') : null,
      fact('Licence', h('span', { class: 'pending' }, '…'), 'licence'),
      item.type === 'model' ? fact('Task', h('span', { class: 'pending' }, '…'), 'task') : null,
      fact('Size', h('span', { class: 'pending' }, '…'), 'size'),
      fact('Added', h('span', { class: 'pending' }, '…'), 'age'),
      fact('Downloads', h('span', { class: 'pending' }, '…'), 'downloads')));
}

function fact(label, value, key) {
  return h('div', { class: 'fact', dataset: { fact: key } }, h('dt', {}, label), h('dd', {}, value));
}

function fillDetails(list, item, d) {
  const card = list.querySelector('[data-id="' + CSS.escape(item.id) + '"]');
  if (!card) return;
  const set = (key, value) => { const dd = card.querySelector('[data-fact="' + key + '"] dd'); if (dd) clear(dd).append(value); };
  set('score', d.netScore === undefined ? 'not rated' : scoreBar(d.netScore, 'Net score'));
  set('vetted', d.vetted === undefined ? '—' : h('span', { class: 'badge ' + (d.vetted ? 'badge-ok' : 'badge-warn') }, d.vetted ? 'vetted' : 'not vetted'));
  set('size', d.sizeMb === undefined ? '—' : megabytes(d.sizeMb));
  set('age', d.created ? timeEl(d.created) : '—');
  set('downloads', d.downloads === undefined ? '—' : d.downloads.toLocaleString('en'));
  set('licence', d.licence || 'not declared');
  set('task', d.task || 'not declared');
  if (d.tags && d.tags.length && !card.querySelector('.tags')) {
    card.append(h('ul', { class: 'tags', 'aria-label': 'Tags' }, d.tags.slice(0, 6).map((t) => h('li', {}, t))));
  }
}
