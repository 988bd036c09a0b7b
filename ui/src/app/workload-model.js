// The performance workload (POST /workload/runs, GET /workload/runs/current) in words and numbers for the health
// dashboard. Pure functions: the view draws what these say.

/** The start form's fields: the endpoint's bounds and the button's small defaults. */
export const WORKLOAD_FIELDS = [
  { name: 'models', label: 'Models to upload first', min: 0, max: 500, value: 10 },
  { name: 'clients', label: 'Concurrent clients', min: 1, max: 100, value: 4 },
  { name: 'downloads_per_client', label: 'Downloads per client and kind', min: 1, max: 20, value: 2 },
  { name: 'max_duration_seconds', label: 'Time limit (seconds)', min: 10, max: 1800, value: 300 },
];

/** The request body from the form's strings, or the errors by field name (each a sentence). */
export function workloadRequest(values) {
  const body = {};
  const errors = {};
  for (const field of WORKLOAD_FIELDS) {
    const text = String(values[field.name] ?? '').trim();
    const number = Number(text);
    if (text === '' || !Number.isInteger(number) || number < field.min || number > field.max) {
      errors[field.name] = field.label + ' must be a whole number from ' + field.min + ' to ' + field.max + '.';
    } else {
      body[field.name] = number;
    }
  }
  return { body, errors };
}

const ENDINGS = {
  succeeded: 'The last run succeeded',
  failed: 'The last run failed',
  timed_out: 'The last run stopped at its time limit',
  cancelled: 'The last run was cancelled',
};

/** One sentence for the live region, and the share done (0 to 1, or null when unknown). */
export function progressOf(run) {
  if (!run || run.state === 'idle') return { text: 'No workload has run on this node since it started.', done: null, running: false };
  const p = run.progress || {};
  if (run.state !== 'running') {
    const errors = run.result ? run.result.errors : p.errors;
    return { text: (ENDINGS[run.state] || 'The last run ended') + ' after ' + seconds(run.result ? run.result.seconds : p.elapsed_seconds)
      + ', with ' + plural(errors || 0, 'error') + '.', done: 1, running: false };
  }
  const planned = (p.models_to_seed || 0) + (p.downloads_planned || 0);
  const done = (p.models_seeded || 0) + (p.downloads_done || 0);
  let text = 'Running: ' + (p.phase || 'starting');
  if (p.phase === 'seeding') text += ', ' + p.models_seeded + ' of ' + p.models_to_seed + ' models uploaded';
  else if (p.downloads_planned) text += ', ' + p.downloads_done + ' of ' + p.downloads_planned + ' downloads';
  text += (p.errors ? ', ' + plural(p.errors, 'error') : '') + ' (' + seconds(p.elapsed_seconds) + ').';
  return { text, done: planned > 0 ? Math.min(1, done / planned) : null, running: true };
}

/** One row per round and kind of download: the registry's figures (and the ratio to nginx where measured). */
export function resultRows(result) {
  const rounds = (result && result.downloads && result.downloads.rounds) || [];
  const rows = [];
  for (const round of rounds) {
    for (const kind of ['full', 'weights']) {
      const registry = round[kind] && round[kind].registry;
      if (!registry) continue;
      const latency = registry.latency_ms || {};
      rows.push({
        label: (kind === 'full' ? 'Full package' : 'Weights aspect') + (rounds.length > 1 ? ', round ' + round.round : ''),
        downloads: registry.downloads, errors: registry.errors, identical: registry.identical_bytes === true,
        megabytesPerSecond: registry.megabytes_per_second, downloadsPerSecond: registry.downloads_per_second,
        mean: latency.mean, median: latency.median, p99: latency.p99, max: latency.max,
        throughputRatio: round[kind].ratio_registry_to_nginx ? round[kind].ratio_registry_to_nginx.megabytes_per_second : null,
      });
    }
  }
  return rows;
}

/** The chart's series: latency mean, median, p99 and max (ms) per row. */
export function latencySeries(rows) {
  return {
    labels: rows.map((r) => r.label),
    series: [['mean', 'Mean'], ['median', 'Median'], ['p99', '99th percentile'], ['max', 'Maximum']]
      .map(([key, label]) => ({ label, data: rows.map((r) => (typeof r[key] === 'number' ? r[key] : null)) })),
  };
}

/** What was measured around the downloads, in short sentences. */
export function resultFacts(result) {
  if (!result) return [];
  const facts = [];
  const seeding = result.seeding;
  if (seeding) {
    facts.push(['Models uploaded', seeding.models + ' of ' + seeding.models_planned + ' in ' + seconds(seeding.seconds)
      + (seeding.models ? ' (' + seeding.models_per_second + ' per second)' : '') + (seeding.errors ? ', ' + plural(seeding.errors, 'error') : '')]);
  }
  if (result.ingest) facts.push(['Source model', result.ingest.source + (result.ingest.already_registered ? ' (already registered)' : ' (ingested in ' + seconds(result.ingest.seconds) + ')')]);
  const server = result.server;
  if (server) {
    if (typeof server.cpu_cores_mean === 'number') facts.push(['Server CPU', server.cpu_cores_mean + ' cores busy on average, ' + server.cpu_cores_max + ' at most, of ' + server.cpu_cores_available]);
    if (server.resident_mb) facts.push(['Server resident memory', server.resident_mb.first + ' MB at the start, ' + server.resident_mb.max + ' MB at most, ' + server.resident_mb.last + ' MB at the end']);
    if (server.heap_used_mb) facts.push(['Server heap in use', server.heap_used_mb.first + ' MB at the start, ' + server.heap_used_mb.max + ' MB at most, ' + server.heap_used_mb.last + ' MB at the end']);
  }
  const baseline = result.downloads && result.downloads.baseline;
  if (baseline) facts.push(['nginx baseline', baseline.available ? baseline.server : 'not measured: ' + baseline.reason]);
  for (const problem of result.problems || []) facts.push(['Problem', problem]);
  return facts;
}

function seconds(value) {
  return (typeof value === 'number' ? value.toFixed(1) : '0') + ' s';
}

function plural(n, word) {
  return n + ' ' + word + (n === 1 ? '' : 's');
}
