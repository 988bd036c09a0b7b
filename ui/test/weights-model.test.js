import { describe, expect, it } from 'vitest';
import { fileRows, refusalForThisPage, scanVerdict } from '../src/app/weights-model.js';

const dangerous = {
  scanned: true, level: 'dangerous', download_refused: true, dangerous_imports: ['posix.system'],
  files: [
    { path: 'pytorch_model.bin', level: 'dangerous', dangerous_imports: ['posix.system'], unknown_imports: [] },
    { path: 'optimizer.pt', level: 'safe', dangerous_imports: [], unknown_imports: [] },
  ],
};

describe('weights scan in words', () => {
  it('names the dangerous imports and says downloads are refused', () => {
    const verdict = scanVerdict(dangerous);
    expect(verdict.tone).toBe('bad');
    expect(verdict.text).toContain('posix.system');
    expect(verdict.text).toContain('refused');
  });

  it('says who allowed an overridden version', () => {
    const verdict = scanVerdict({ ...dangerous, download_refused: false, override: { by: 'root', at: '2026-01-01T00:00:00Z' } });
    expect(verdict.tone).toBe('warn');
    expect(verdict.text).toContain('allowed by root');
  });

  it('tells a version stored before scans from a safe one', () => {
    expect(scanVerdict({ scanned: false }).text).toContain('Not scanned');
    expect(scanVerdict({ scanned: true, level: 'safe', files: [] }).text).toContain('No pickle-based');
    expect(scanVerdict({ scanned: true, level: 'safe', files: [{ path: 'a.bin', level: 'safe' }] }).tone).toBe('ok');
    expect(scanVerdict({ scanned: true, level: 'suspicious', files: [] }).tone).toBe('warn');
  });

  it('lists each file with what was found in it', () => {
    const rows = fileRows({ files: [...dangerous.files, { path: 'm.pkl', level: 'suspicious', dangerous_imports: [], unknown_imports: ['acme.Net'], problem: 'could not be parsed: x' }] });
    expect(rows.map((r) => r.label)).toEqual(['Dangerous', 'Safe', 'Suspicious']);
    expect(rows[0].found).toBe('dangerous: posix.system');
    expect(rows[1].found).toBe('only safe imports');
    expect(rows[2].found).toBe('unknown: acme.Net; could not be parsed: x');
  });

  it('points a refused download at the panel on the page instead of an endpoint, and leaves other refusals alone', () => {
    const api = "The download of model 'evil' (42) was refused: its weights scan found dangerous imports in pytorch_model.bin"
      + ' (posix.system); an administrator may allow it with PUT /artifact/model/42/weights-scan/override.';
    const said = refusalForThisPage(api);
    expect(said).toContain('pytorch_model.bin (posix.system)');
    expect(said).toContain('in the Weights scan panel on this page');
    expect(said).not.toContain('PUT ');
    const monitor = "The download of model 'x' (1) was refused: the monitor program exited with code 3. Its output: no";
    expect(refusalForThisPage(monitor)).toBe(monitor);
  });
});
