import { describe, expect, it } from 'vitest';
import { netScoreNote, plainReason, reasonRows } from '../src/app/rating-model.js';

const body = {
  artifact_id: '42',
  metrics: [
    { metric: 'net_score', value: 0.19, evidence: 'partial', reason: 'partly measured: weighted mean of the applicable metrics (reviewedness not applicable); counted at their reported value without evidence: dataset_quality' },
    { metric: 'license', value: 0, evidence: 'measured', counts_in_net_score: true, reason: 'measured: no licence declared: no right to use can be assumed' },
    { metric: 'size_score', value: 1, evidence: 'measured', counts_in_net_score: true, devices: { raspberry_pi: 0.66, jetson_nano: 0.75, desktop_pc: 1, aws_server: 1 }, reason: 'measured: safetensors weights' },
    { metric: 'dataset_quality', value: 0, evidence: 'none', counts_in_net_score: true, reason: 'no evidence (unknown, not scored as poor): no dataset named' },
    { metric: 'bus_factor', value: 0.17, evidence: 'weird', reason: 'one person' },
    { metric: 'reviewedness', value: -1, evidence: 'none', counts_in_net_score: false, reason: 'no evidence (unknown, not scored as poor): no linked repository' },
  ],
};

describe('the trust table from /rate/reasons', () => {
  it('keeps an unknown apart from a measured zero, and says whether the net score counted each', () => {
    const rows = reasonRows(body);
    expect(rows.map((r) => r.key)).toEqual(['license', 'size_score', 'dataset_quality', 'bus_factor', 'reviewedness']);
    const [licence, size, data, bus, reviewed] = rows;
    expect(licence).toMatchObject({ value: 0, evidence: 'measured', evidenceLabel: 'measured', unknown: false, counted: true });
    expect(data).toMatchObject({ value: 0, evidence: 'none', evidenceLabel: 'unknown', unknown: true, counted: true, reason: 'no dataset named' });
    expect(reviewed).toMatchObject({ evidence: 'none', unknown: true, counted: false, reason: 'no linked repository' });
    expect(size.value).toEqual({ raspberry_pi: 0.66, jetson_nano: 0.75, desktop_pc: 1, aws_server: 1 });
    expect(bus).toMatchObject({ evidence: 'unrecorded', evidenceLabel: 'not recorded', counted: false, reason: 'one person' });
  });

  it('takes the case words off a reason but leaves other text alone', () => {
    expect(plainReason('partly measured: 3 contributors')).toBe('3 contributors');
    expect(plainReason('failed: IllegalStateException: no')).toBe('IllegalStateException: no');
    expect(plainReason('no licence declared: measured: x')).toBe('no licence declared: measured: x');
    expect(plainReason(undefined)).toBe('');
  });

  it('explains the net score by what it counted without evidence and what it left out', () => {
    expect(netScoreNote(body)).toContain('counted at their reported value without evidence: dataset_quality');
    expect(netScoreNote(body)).toContain('reviewedness not applicable');
    expect(reasonRows(null)).toEqual([]);
    expect(netScoreNote({})).toBe('');
  });
});
