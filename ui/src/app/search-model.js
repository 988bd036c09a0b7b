// What a search means in API calls, kept apart from the DOM so it can be unit-tested.
// The API has exact-name listing (paged by the offset header) and regular expressions over names and
// cards; "name contains" is an escaped regular expression whose hits are kept only where the name matches.
import { paths } from './api.js';

export const PAGE_SIZE = 20;
const MAX_SERVER_PAGES = 10; // 10 pages of 100: at most 1,000 results are listed
const MAX_SORTED = 100; // sorting by a detail needs one set of calls per artifact
export const SORTS = [['name', 'Name'], ['newest', 'Newest'], ['score', 'Net score'], ['downloads', 'Downloads']];

export function escapeRegex(text) {
  return text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}

/** Whether a regex hit matched the name or (only) the card; RE2 and JavaScript agree on common syntax. */
export function matchedBy(pattern, name) {
  try {
    return new RegExp(pattern).test(name) ? 'name' : 'card';
  } catch {
    return null;
  }
}

function typeFilter(types) {
  return types.length ? (a) => types.includes(a.type) : () => true;
}

function dedupe(items) {
  const seen = new Set();
  return items.filter((a) => (seen.has(a.id) ? false : (seen.add(a.id), true)));
}

export async function runSearch(api, state) {
  const keep = typeFilter(state.types);
  if (state.mode === 'regex' || (state.mode === 'partial' && state.q)) {
    if (!state.q) return { items: [], total: 0 };
    const pattern = state.mode === 'regex' ? state.q : '(?i)' + escapeRegex(state.q);
    const answer = await api('POST', '/artifact/byRegEx', { regex: pattern });
    if (answer.status === 404) return { items: [], total: 0 };
    if (answer.status !== 200) return { error: messageOf(answer) };
    let items = dedupe(answer.json || []).filter(keep);
    if (state.mode === 'partial') {
      const needle = state.q.toLowerCase();
      items = items.filter((a) => a.name.toLowerCase().includes(needle)).map((a) => ({ ...a }));
    } else {
      items = items.map((a) => ({ ...a, matched: matchedBy(state.q, a.name) }));
    }
    return { items, total: items.length, capped: (answer.json || []).length >= 1000 };
  }
  const query = [{ name: state.q || '*', ...(state.types.length ? { types: state.types } : {}) }];
  const items = [];
  let offset = null;
  for (let page = 0; page < MAX_SERVER_PAGES; page++) {
    const answer = await api('POST', '/artifacts' + (offset ? '?offset=' + encodeURIComponent(offset) : ''), query);
    if (answer.status === 404) break;
    if (answer.status !== 200) return { error: messageOf(answer) };
    items.push(...(answer.json || []));
    offset = answer.headers.get('offset');
    if (!offset) break;
  }
  const unique = dedupe(items);
  return { items: unique, total: unique.length, capped: Boolean(offset) };
}

function messageOf(answer) {
  if (answer.json && answer.json.message) return answer.json.message;
  return 'The search failed (HTTP ' + answer.status + ').';
}

const cache = new Map();

/** Net score, vetting, size, creation date and download count of one artifact (four reads, cached). */
export async function details(api, item) {
  if (cache.has(item.id)) return cache.get(item.id);
  const pending = (async () => {
    const d = {};
    const reads = [
      api('GET', paths.sub(item.type, item.id, 'cost')).then((a) => {
        if (a.status === 200 && a.json && a.json[item.id]) d.sizeMb = a.json[item.id].total_cost;
      }),
      api('GET', paths.sub(item.type, item.id, 'audit')).then((a) => {
        if (a.status === 200 && Array.isArray(a.json)) {
          const created = a.json.find((e) => e.action === 'CREATE');
          d.created = created ? created.date : (a.json[0] && a.json[0].date);
          d.downloads = a.json.filter((e) => e.action === 'DOWNLOAD').length;
        }
      }),
    ];
    if (item.type === 'model') {
      reads.push(api('GET', paths.model(item.id, 'rate')).then((a) => { if (a.status === 200) d.netScore = a.json.net_score; }));
      reads.push(api('GET', paths.model(item.id, 'vetting')).then((a) => { if (a.status === 200) d.vetted = a.json.vetted; }));
    }
    await Promise.all(reads);
    return d;
  })();
  cache.set(item.id, pending);
  return pending;
}

export function forget(id) {
  cache.delete(id);
}

/** Fetches details for the items, four artifacts at a time, calling back as each arrives. */
export async function enrich(api, items, callback, parallel = 4) {
  const queue = items.slice();
  const worker = async () => {
    while (queue.length) {
      const item = queue.shift();
      callback(item, await details(api, item));
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, items.length) }, worker));
}

const byName = (items) => items.slice().sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || a.id.localeCompare(b.id));

/** Sorts by a detail; only the first MAX_SORTED (by name) are sorted, the rest follow by name. */
export async function sortResults(api, items, sort) {
  const named = byName(items);
  const head = named.slice(0, MAX_SORTED);
  const known = new Map();
  await enrich(api, head, (item, d) => known.set(item.id, d));
  const key = {
    newest: (d) => (d.created ? -Date.parse(d.created) : Infinity),
    score: (d) => (d.netScore === undefined ? Infinity : -d.netScore),
    downloads: (d) => -(d.downloads || 0),
  }[sort];
  const sorted = head.slice().sort((a, b) => {
    const ka = key(known.get(a.id));
    const kb = key(known.get(b.id));
    return ka === kb ? 0 : (ka < kb ? -1 : 1);
  });
  return sorted.concat(named.slice(MAX_SORTED));
}
sortResults.byName = byName;
