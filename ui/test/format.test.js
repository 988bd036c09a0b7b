import { describe, expect, it } from 'vitest';
import { ago, megabytes, vettingSentence } from '../src/app/format.js';
import { gateRefusal, refusalInWords } from '../src/app/views/add.js';
import { parse, build, isRoute } from '../src/app/router.js';

describe('words for people', () => {
  it('says how long ago in words', () => {
    const now = Date.parse('2025-01-01T12:00:00Z');
    expect(ago('2025-01-01T11:57:00Z', now)).toBe('3 minutes ago');
    expect(ago('2024-12-31T12:00:00Z', now)).toBe('yesterday');
  });

  it('gives sizes a unit', () => {
    expect(megabytes(0.0042)).toBe('4.2 kB');
    expect(megabytes(438.5)).toBe('438.5 MB');
    expect(megabytes(2500)).toBe('2.5 GB');
  });

  it('explains a failed vetting in metric names, not raw keys', () => {
    const text = vettingSentence({ vetted: false, gate_policy: 'advisory', below_threshold: { license: 0, ramp_up_time: 0.2 }, failed_metrics: [] });
    expect(text).toContain('licence clarity and permissiveness (0\u00a0%)');
    expect(text).toContain('ease of getting started (20\u00a0%)');
    expect(text).not.toMatch(/ramp_up_time|not vetted: not vetted/i);
  });

  it('turns the gate refusal message into words', () => {
    expect(refusalInWords('below 0.5 on license=0.00, bus_factor=0.25')).toBe('below 0.5 on licence clarity and permissiveness 0\u00a0%, bus factor 25\u00a0%');
    const message = "Model not registered: it fails the ingest gate (policy 'enforce': every non-latency metric with evidence must be at least 0.5;"
      + ' one without evidence, reviewedness -1 among them, is not applicable, size_score counts by its best device). Failing metrics: license=0.00, ramp_up_time=0.20.';
    expect(gateRefusal(message)).toBe('Below 50 % on licence clarity and permissiveness 0\u00a0%, ease of getting started 20\u00a0%.');
  });
});

describe('routes', () => {
  it('keeps the skip link out of the router', () => {
    expect(isRoute('#main')).toBe(false);
    expect(isRoute('#/search')).toBe(true);
  });

  it('round-trips the search state through the address', () => {
    const hash = build('search', [], { q: 'bert base', mode: 'regex', types: ['model', 'code'], page: 2 });
    const route = parse(hash);
    expect(route.view).toBe('search');
    expect(route.query.get('q')).toBe('bert base');
    expect(route.query.get('types')).toBe('model,code');
  });
});
