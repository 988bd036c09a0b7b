import { describe, expect, it } from 'vitest';
import { latencySeries, progressOf, resultFacts, resultRows, workloadRequest } from '../src/app/workload-model.js';

const registry = (downloads, mean) => ({
  downloads, errors: 0, identical_bytes: true, megabytes_per_second: 412.5, downloads_per_second: 7.6,
  latency_ms: { mean, median: mean - 1, p99: mean + 10, max: mean + 20 },
});

const finished = {
  id: 'r1', state: 'succeeded', progress: { phase: 'succeeded', elapsed_seconds: 20.2, errors: 0 },
  result: {
    state: 'succeeded', errors: 0, seconds: 20.4, problems: [],
    seeding: { models_planned: 5, models: 5, errors: 0, seconds: 1.5, models_per_second: 3.33 },
    ingest: { source: 'https://huggingface.co/arnir0/Tiny-LLM', already_registered: false, seconds: 4.2 },
    downloads: {
      baseline: { available: false, reason: 'not requested' },
      rounds: [{ round: 1, full: { registry: registry(6, 300) }, weights: { registry: registry(6, 280) } }],
    },
    server: { cpu_cores_mean: 1.4, cpu_cores_max: 2, cpu_cores_available: 2, resident_mb: { first: 500, last: 520, max: 610 }, heap_used_mb: { first: 90, last: 95, max: 200 } },
  },
};

describe('workload start form', () => {
  it('sends whole numbers within the bounds', () => {
    const { body, errors } = workloadRequest({ models: '5', clients: ' 3 ', downloads_per_client: '2', max_duration_seconds: '60' });
    expect(errors).toEqual({});
    expect(body).toEqual({ models: 5, clients: 3, downloads_per_client: 2, max_duration_seconds: 60 });
  });

  it('names each field that is out of bounds, empty or not whole', () => {
    const { errors } = workloadRequest({ models: '501', clients: '', downloads_per_client: '1.5', max_duration_seconds: '9' });
    expect(Object.keys(errors).sort()).toEqual(['clients', 'downloads_per_client', 'max_duration_seconds', 'models']);
    expect(errors.models).toBe('Models to upload first must be a whole number from 0 to 500.');
  });
});

describe('workload progress in words', () => {
  it('says what a running workload is doing and how far it got', () => {
    const seeding = progressOf({ state: 'running', progress: { phase: 'seeding', models_seeded: 2, models_to_seed: 5, downloads_planned: 0, downloads_done: 0, errors: 0, elapsed_seconds: 1.25 } });
    expect(seeding.text).toBe('Running: seeding, 2 of 5 models uploaded (1.3 s).');
    expect(seeding.done).toBeCloseTo(0.4);
    expect(seeding.running).toBe(true);
    const downloading = progressOf({ state: 'running', progress: { phase: 'downloading full from the registry (round 1)', models_seeded: 5, models_to_seed: 5, downloads_planned: 12, downloads_done: 3, errors: 1, elapsed_seconds: 9 } });
    expect(downloading.text).toBe('Running: downloading full from the registry (round 1), 3 of 12 downloads, 1 error (9.0 s).');
    expect(downloading.done).toBeCloseTo(8 / 17);
  });

  it('says how the last run ended, and when none ran', () => {
    expect(progressOf(finished)).toEqual({ text: 'The last run succeeded after 20.4 s, with 0 errors.', done: 1, running: false });
    expect(progressOf({ state: 'idle' }).text).toContain('No workload has run');
  });
});

describe('workload result', () => {
  it('has one row per kind of download with every figure, and a latency series per statistic', () => {
    const rows = resultRows(finished.result);
    expect(rows.map((r) => r.label)).toEqual(['Full package', 'Weights aspect']);
    expect(rows[0]).toMatchObject({ downloads: 6, errors: 0, identical: true, megabytesPerSecond: 412.5, mean: 300, median: 299, p99: 310, max: 320, throughputRatio: null });
    const chart = latencySeries(rows);
    expect(chart.labels).toEqual(['Full package', 'Weights aspect']);
    expect(chart.series.map((s) => s.label)).toEqual(['Mean', 'Median', '99th percentile', 'Maximum']);
    expect(chart.series[2].data).toEqual([310, 290]);
  });

  it('names the rounds and the nginx ratio when the baseline ran', () => {
    const twoRounds = { downloads: { rounds: [1, 2].map((round) => ({ round, full: { registry: registry(4, 100), ratio_registry_to_nginx: { megabytes_per_second: 0.8 } } })) } };
    const rows = resultRows(twoRounds);
    expect(rows.map((r) => r.label)).toEqual(['Full package, round 1', 'Full package, round 2']);
    expect(rows[1].throughputRatio).toBe(0.8);
  });

  it('tells seeding, the source, the server and the baseline in words', () => {
    const facts = Object.fromEntries(resultFacts(finished.result));
    expect(facts['Models uploaded']).toBe('5 of 5 in 1.5 s (3.33 per second)');
    expect(facts['Server CPU']).toBe('1.4 cores busy on average, 2 at most, of 2');
    expect(facts['Server heap in use']).toContain('200 MB at most');
    expect(facts['nginx baseline']).toBe('not measured: not requested');
    expect(resultRows(null)).toEqual([]);
  });
});
