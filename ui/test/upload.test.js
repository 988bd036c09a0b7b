import { describe, expect, it } from 'vitest';
import { progressText, showProgress } from '../src/app/upload.js';

describe('upload progress', () => {
  it('moves the bar and gives screen readers the same words as the sighted', () => {
    const bar = document.createElement('progress');
    bar.max = 100;
    const words = document.createElement('span');
    showProgress(bar, words, 2e6, 5e6);
    expect(bar.value).toBe(40);
    expect(words.textContent).toBe('40 % (2.0 of 5.0 MB)');
    expect(bar.getAttribute('aria-valuetext')).toBe(words.textContent);
    showProgress(bar, words, 5e6, 5e6);
    expect(bar.value).toBe(100);
  });

  it('says 0 % while the size is unknown', () => {
    expect(progressText(10, 0)).toBe('0 % (0.0 of 0.0 MB)');
  });
});
