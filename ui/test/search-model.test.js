import { describe, expect, it } from 'vitest';
import { enrich, escapeRegex, matchedBy, runSearch, sortResults } from '../src/app/search-model.js';

function fakeApi(routes) {
  const calls = [];
  const fn = async (method, path, body) => {
    calls.push({ method, path, body });
    const answer = routes(method, path, body);
    return { status: answer.status, json: answer.json, headers: new Headers(answer.headers || {}) };
  };
  fn.calls = calls;
  return fn;
}

const artifact = (n, type = 'model') => ({ name: 'm' + String(n).padStart(3, '0'), id: String(1000 + n), type });

describe('search', () => {
  it('follows the offset header to the last page and never lists an artifact twice', async () => {
    const all = Array.from({ length: 250 }, (_, i) => artifact(i));
    const api = fakeApi((method, path) => {
      const offset = Number(new URL(path, 'http://x').searchParams.get('offset') || 0);
      const next = offset + 100;
      return { status: 200, json: all.slice(offset, next), headers: next < all.length ? { offset: String(next) } : {} };
    });
    const found = await runSearch(api, { q: '', mode: 'name', types: [], sort: 'name', page: 1 });
    expect(found.items).toHaveLength(250);
    expect(new Set(found.items.map((a) => a.id)).size).toBe(250);
    expect(api.calls).toHaveLength(3);
    expect(api.calls[0].body).toEqual([{ name: '*' }]);
  });

  it('treats no ticked type as every type, for names and regular expressions alike', async () => {
    const items = [artifact(1, 'model'), artifact(2, 'dataset'), artifact(3, 'code')];
    const api = fakeApi(() => ({ status: 200, json: items }));
    const byName = await runSearch(api, { q: '', mode: 'name', types: [], sort: 'name' });
    const byRegex = await runSearch(api, { q: 'm0', mode: 'regex', types: [], sort: 'name' });
    expect(byName.items).toHaveLength(3);
    expect(byRegex.items).toHaveLength(3);
    const onlyData = await runSearch(api, { q: 'm0', mode: 'regex', types: ['dataset'], sort: 'name' });
    expect(onlyData.items.map((a) => a.type)).toEqual(['dataset']);
  });

  it('finds names containing the words, escaped and case-blind, and not mere card hits', async () => {
    const api = fakeApi(() => ({ status: 200, json: [{ name: 'bert-base', id: '1', type: 'model' }, { name: 'gpt2', id: '2', type: 'model' }] }));
    const found = await runSearch(api, { q: 'BERT', mode: 'partial', types: [], sort: 'name' });
    expect(api.calls[0].body).toEqual({ regex: '(?i)BERT' });
    expect(found.items.map((a) => a.name)).toEqual(['bert-base']);
    expect(escapeRegex('a.b*c')).toBe('a\\.b\\*c');
  });

  it('says whether a regular expression matched the name or only the card', () => {
    expect(matchedBy('^bert', 'bert-base')).toBe('name');
    expect(matchedBy('bookcorpus', 'bert-base')).toBe('card');
  });

  it('answers an empty list, not an error, when nothing matches', async () => {
    const api = fakeApi(() => ({ status: 404, json: { message: 'none' } }));
    expect((await runSearch(api, { q: 'zzz', mode: 'regex', types: [] })).items).toEqual([]);
  });

  it('sorts by net score, best first, with unrated models last', async () => {
    const items = [artifact(1), artifact(2), artifact(3)];
    const scores = { 1001: 0.2, 1002: 0.9 };
    const api = fakeApi((method, path, body) => {
      if (method === 'POST' && path === '/artifacts/summaries') {
        return { status: 200, json: body.ids.map((id) => ({ id, net_score: scores[id] === undefined ? null : scores[id], downloads: 0 })) };
      }
      return { status: 404, json: {} };
    });
    const sorted = await sortResults(api, items, 'score');
    expect(sorted.map((a) => a.id)).toEqual(['1002', '1001', '1003']);
    expect(api.calls).toHaveLength(1);
  });

  it('reads the details of a page of results in one request per hundred, and caches them', async () => {
    const items = Array.from({ length: 150 }, (_, i) => artifact(i + 500)); // ids no other test has cached
    const api = fakeApi((method, path, body) => ({ status: 200, json: body.ids.map((id) => ({ id, downloads: 1, licence: 'mit', tags: ['x'] })) }));
    const seen = [];
    await enrich(api, items, (item, d) => seen.push([item.id, d.licence]));
    expect(api.calls.map((c) => c.body.ids.length)).toEqual([100, 50]);
    expect(seen).toHaveLength(150);
    expect(seen[0]).toEqual(['1500', 'mit']);
    await enrich(api, items.slice(0, 10), () => {});
    expect(api.calls).toHaveLength(2);
  });

  it('sends a version range with a name listing and with a regular expression', async () => {
    const api = fakeApi(() => ({ status: 200, json: [] }));
    await runSearch(api, { q: '', mode: 'name', types: ['model'], sort: 'name', version: '^1.2.0' });
    await runSearch(api, { q: 'bert', mode: 'regex', types: [], sort: 'name', version: '~1.0.0' });
    expect(api.calls[0].body).toEqual([{ name: '*', types: ['model'], version: '^1.2.0' }]);
    expect(api.calls[1].body).toEqual({ regex: 'bert', version: '~1.0.0' });
  });
});

describe('search state in the address', () => {
  it('keeps a version range in the address and back', async () => {
    const { readState } = await import('../src/app/views/search.js');
    const { build, parse } = await import('../src/app/router.js');
    const state = { q: 'bert', mode: 'regex', types: ['model'], sort: 'name', page: 1, version: '1.2.3-2.1.0' };
    const hash = build('search', [], state);
    expect(hash).toContain('version=1.2.3-2.1.0');
    expect(readState(parse(hash).query)).toEqual(state);
    expect(readState(parse('#/search?version=' + encodeURIComponent('^1.0.0')).query).version).toBe('^1.0.0');
  });
});
