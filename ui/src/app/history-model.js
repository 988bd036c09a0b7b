// The download history's state in the address (#/history?artifact=&user=&as_of=&limit=&before=&trail=) and what
// it means as a GET /downloads/history, apart from the DOM so it is unit-tested. Pages follow the API's cursor:
// `before` is the `next` of the page before, so pages never repeat or skip an entry even while downloads arrive;
// `trail` keeps the cursors of the pages before this one, so "Newer" is a plain link too.

export const LIMITS = [20, 50, 100];
const DEFAULT_LIMIT = 20;
const MAX_TRAIL = 200; // pages back that "Newer" can walk; further back starts again at the newest
const ID = /^[a-zA-Z0-9-]{1,64}$/;
const CURSOR = /^[0-9]{1,19}$/;

/** "2026-01-01T12:00" or "2026-01-01T12:00:30" (a datetime-local field, read as UTC) → an ISO instant, or ''. */
export function instantOf(local) {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?(?:\.\d+)?Z?$/.exec((local || '').trim());
  if (!m) return '';
  const iso = m[1] + 'T' + m[2] + (m[3] || ':00') + 'Z';
  return Number.isNaN(Date.parse(iso)) ? '' : iso;
}

/** An ISO instant → what a datetime-local field shows (UTC, seconds kept). */
export function localOf(instant) {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})/.exec(instant || '');
  return m ? m[1] : '';
}

/** The state from the address; anything malformed is dropped rather than sent. */
export function readHistoryState(query) {
  const artifact = (query.get('artifact') || '').trim();
  const user = (query.get('user') || '').trim().slice(0, 1024);
  const limit = LIMITS.includes(Number(query.get('limit'))) ? Number(query.get('limit')) : DEFAULT_LIMIT;
  const before = CURSOR.test(query.get('before') || '') ? query.get('before') : '';
  const trail = before ? (query.get('trail') || '').split(',').filter((c) => CURSOR.test(c)).slice(-MAX_TRAIL) : [];
  return { artifact: ID.test(artifact) ? artifact : '', user, asOf: instantOf(query.get('as_of') || ''), limit, before, trail };
}

/** The state as address parameters (for build()): empty ones are left out. */
export function historyQuery(state) {
  return { artifact: state.artifact, user: state.user, as_of: state.asOf, limit: state.limit === DEFAULT_LIMIT ? undefined : state.limit,
    before: state.before, trail: state.trail && state.trail.length ? state.trail : undefined };
}

/** The API call for the state. */
export function historyPath(state) {
  const params = new URLSearchParams();
  if (state.artifact) params.set('artifact_id', state.artifact);
  if (state.user) params.set('user', state.user);
  if (state.asOf) params.set('as_of', state.asOf);
  if (state.before) params.set('before', state.before);
  params.set('limit', String(state.limit || DEFAULT_LIMIT));
  return '/downloads/history?' + params.toString();
}

/** Which page this is, counting the newest as 1. */
export function pageNumber(state) {
  return state.before ? state.trail.length + 2 : 1;
}

/** The next (older) page, after a page whose answer carried `next`. */
export function olderPage(state, next) {
  return { ...state, before: String(next), trail: state.before ? [...state.trail, state.before].slice(-MAX_TRAIL) : [] };
}

/** The previous (newer) page, or null on the newest. */
export function newerPage(state) {
  if (!state.before) return null;
  if (!state.trail.length) return { ...state, before: '', trail: [] };
  return { ...state, before: state.trail[state.trail.length - 1], trail: state.trail.slice(0, -1) };
}

/** New filters start again at the newest page. */
export function filtered(state, changes) {
  return { ...state, ...changes, before: '', trail: [] };
}

const ASPECTS = { full: 'full package', weights: 'weights', card: 'card', config: 'configuration', code: 'code', datasets: 'datasets' };
export const aspectName = (aspect) => ASPECTS[aspect] || aspect;

/** What happened to one download, in words: allowed, or refused and why (the monitor's verdict and output). */
export function outcomeInWords(entry) {
  const m = entry.monitor;
  if (entry.allowed) return m && m.outcome === 'allowed' ? 'Allowed by the monitor program' : 'Allowed';
  if (!m) return 'Refused';
  const output = (m.stdout || '').trim();
  const said = output ? ': “' + (output.length > 300 ? output.slice(0, 300) + '…' : output) + '”' : '';
  switch (m.outcome) {
    case 'refused': return 'Refused by the monitor program (exit code ' + m.exit_code + ')' + said;
    case 'timed_out': return 'Refused: the monitor program ran too long and was stopped' + said;
    case 'unavailable': return 'Refused: the monitor program could not be run' + (m.reason ? ' (' + m.reason + ')' : '');
    case 'no_program': return 'Refused: the model is sensitive and has no monitor program';
    case 'unsafe_weights': return 'Refused: its weights import dangerous code and no administrator has allowed them' + (m.reason ? ' (' + m.reason + ')' : '');
    default: return 'Refused (' + m.outcome + ')' + said;
  }
}
