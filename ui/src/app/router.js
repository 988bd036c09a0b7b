// Hash routes ("#/search?q=bert"): the server serves the app only at "/", so every view lives in the hash.
// A hash that does not start with "#/" (the skip link's "#main") is an in-page anchor, not a route.

export function isRoute(hash) {
  return hash === '' || hash === '#' || hash.startsWith('#/');
}

export function parse(hash) {
  const raw = (hash || '').replace(/^#\/?/, '');
  const [pathPart, queryPart] = raw.split('?');
  const segments = pathPart.split('/').filter(Boolean).map((s) => { try { return decodeURIComponent(s); } catch { return s; } });
  const query = new URLSearchParams(queryPart || '');
  return { view: segments[0] || 'search', segments: segments.slice(1), query };
}

export function build(view, segments = [], query = {}) {
  const path = '#/' + [view, ...segments.map((s) => encodeURIComponent(s))].join('/');
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0)) {
      params.set(k, Array.isArray(v) ? v.join(',') : String(v));
    }
  }
  const qs = params.toString();
  return qs ? path + '?' + qs : path;
}

export const artifactHref = (type, id) => build('artifact', [type, id]);
