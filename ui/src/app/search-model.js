// What a search means in API calls, kept apart from the DOM so it can be unit-tested.
// The API has exact-name listing (paged by the offset header) and regular expressions over names and
// cards; "name contains" is an escaped regular expression whose hits are kept only where the name matches.
import { paths } from './api.js';

export const PAGE_SIZE = 20;
const MAX_SERVER_PAGES = 10; // 10 pages of 100: at most 1,000 results are listed
const MAX_SORTED = 1000; // sorting by a detail reads a summary of each: ten requests at most
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
    const answer = await api('POST', '/artifact/byRegEx', { regex: pattern, ...(state.version ? { version: state.version } : {}) });
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
  const query = [{ name: state.q || '*', ...(state.types.length ? { types: state.types } : {}), ...(state.version ? { version: state.version } : {}) }];
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
const SUMMARY_BATCH = 100; // what one POST /artifacts/summaries accepts

function fromSummary(row) {
  return {
    netScore: row.net_score === null ? undefined : row.net_score,
    vetted: row.vetted === null ? undefined : row.vetted,
    sizeMb: typeof row.size_bytes === 'number' ? row.size_bytes / 1e6 : undefined,
    created: row.registered_at,
    downloads: row.downloads,
    licence: row.licence,
    task: row.task,
    tags: row.tags || [],
    version: row.version,
  };
}

/** Summaries of the items not known yet, a hundred per request; each is cached until forgotten. */
async function load(api, items) {
  const missing = items.filter((item) => !cache.has(item.id));
  for (let i = 0; i < missing.length; i += SUMMARY_BATCH) {
    const batch = missing.slice(i, i + SUMMARY_BATCH);
    const pending = api('POST', '/artifacts/summaries', { ids: batch.map((item) => item.id) }).then((answer) => {
      const rows = answer.status === 200 && Array.isArray(answer.json) ? answer.json : [];
      return new Map(rows.map((row) => [row.id, fromSummary(row)]));
    });
    batch.forEach((item) => cache.set(item.id, pending.then((found) => found.get(item.id) || {})));
  }
  return Promise.all(items.map((item) => cache.get(item.id)));
}

/** Net score, vetting, size, age, downloads, licence, task and tags of one artifact (cached). */
export async function details(api, item) {
  return (await load(api, [item]))[0];
}

export function forget(id) {
  cache.delete(id);
}

/** Fetches the details of the items in as few requests as the batch size allows, calling back for each. */
export async function enrich(api, items, callback) {
  const found = await load(api, items);
  items.forEach((item, i) => callback(item, found[i]));
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
