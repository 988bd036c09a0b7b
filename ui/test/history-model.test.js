import { describe, expect, it } from 'vitest';
import { filtered, historyPath, historyQuery, instantOf, localOf, newerPage, olderPage, outcomeInWords, pageNumber, readHistoryState } from '../src/app/history-model.js';
import { build, parse } from '../src/app/router.js';

const stateOf = (hash) => readHistoryState(parse(hash).query);

describe('download history in the address', () => {
  it('round-trips filters and the page through the address', () => {
    const state = { artifact: '1234', user: 'alice', asOf: '2026-01-01T12:00:00Z', limit: 50, before: '90', trail: ['120'] };
    expect(stateOf(build('history', [], historyQuery(state)))).toEqual(state);
  });

  it('leaves defaults out of the address', () => {
    expect(build('history', [], historyQuery(stateOf('#/history')))).toBe('#/history');
  });

  it('drops what the API would refuse instead of sending it', () => {
    const state = stateOf('#/history?artifact=../x&limit=7&before=-3&as_of=yesterday&trail=1,2');
    expect(state).toEqual({ artifact: '', user: '', asOf: '', limit: 20, before: '', trail: [] });
  });

  it('walks older pages by the cursor and back through the trail to the newest', () => {
    const first = stateOf('#/history?user=bob');
    expect(pageNumber(first)).toBe(1);
    expect(newerPage(first)).toBeNull();
    const second = olderPage(first, 80);
    const third = olderPage(second, 40);
    expect([pageNumber(second), pageNumber(third)]).toEqual([2, 3]);
    expect(third).toMatchObject({ user: 'bob', before: '40', trail: ['80'] });
    const back = newerPage(third);
    expect(back).toEqual(second);
    expect(newerPage(back)).toEqual({ ...first, before: '', trail: [] });
    // each page's address names its cursor, so a reload shows the same page
    expect(stateOf(build('history', [], historyQuery(third)))).toEqual(third);
  });

  it('starts again at the newest page when a filter changes', () => {
    const deep = { artifact: '', user: '', asOf: '', limit: 20, before: '40', trail: ['80'] };
    expect(filtered(deep, { user: 'carol' })).toMatchObject({ user: 'carol', before: '', trail: [] });
  });

  it('asks the API with its own parameter names', () => {
    expect(historyPath({ artifact: '77', user: 'a b', asOf: '2026-01-01T00:00:00Z', limit: 20, before: '9', trail: [] }))
      .toBe('/downloads/history?artifact_id=77&user=a+b&as_of=2026-01-01T00%3A00%3A00Z&before=9&limit=20');
    expect(historyPath({ artifact: '', user: '', asOf: '', limit: 100, before: '', trail: [] })).toBe('/downloads/history?limit=100');
  });

  it('reads a datetime-local field as UTC and shows an instant in one', () => {
    expect(instantOf('2026-03-04T05:06')).toBe('2026-03-04T05:06:00Z');
    expect(instantOf('2026-03-04T05:06:07')).toBe('2026-03-04T05:06:07Z');
    expect(instantOf('2026-13-04T05:06')).toBe('');
    expect(instantOf('')).toBe('');
    expect(localOf('2026-03-04T05:06:07Z')).toBe('2026-03-04T05:06:07');
  });
});

describe('download outcomes in words', () => {
  const entry = (allowed, monitor) => ({ allowed, monitor });

  it('says allowed, and whether a program allowed it', () => {
    expect(outcomeInWords(entry(true))).toBe('Allowed');
    expect(outcomeInWords(entry(true, { outcome: 'allowed', stdout: '' }))).toBe('Allowed by the monitor program');
  });

  it('quotes what a refusing program printed', () => {
    expect(outcomeInWords(entry(false, { outcome: 'refused', exit_code: 3, stdout: 'not for you\n' })))
      .toBe('Refused by the monitor program (exit code 3): “not for you”');
    expect(outcomeInWords(entry(false, { outcome: 'no_program', stdout: '' }))).toBe('Refused: the model is sensitive and has no monitor program');
    expect(outcomeInWords(entry(false, { outcome: 'timed_out', stdout: '' }))).toBe('Refused: the monitor program ran too long and was stopped');
  });
});
