import { describe, expect, it } from 'vitest';
import { renderMarkdown, stripFrontMatter } from '../src/app/markdown.js';

describe('model card rendering', () => {
  it('never lets a script, handler or javascript link from a card through', () => {
    const html = renderMarkdown([
      '# Title', '<script>window.pwned = 1</script>', '<img src=x onerror="window.pwned = 2">',
      '[click](javascript:window.pwned=3)', '<a href="https://example.org" onclick="window.pwned=4">ok</a>',
      '<iframe src="https://example.org"></iframe>', '<style>body{display:none}</style>', '<svg><script>1</script></svg>',
      '<form action="/reset"><button>go</button></form>',
    ].join('\n\n'));
    expect(html).not.toMatch(/<script|onerror|onclick|javascript:|<iframe|<style|<svg|<form/i);
    expect(html).toContain('<h1>Title</h1>');
  });

  it('shows remote images as their alt text instead of loading them', () => {
    const html = renderMarkdown('![training curve](https://example.org/curve.png)');
    expect(html).not.toContain('<img');
    expect(html).toContain('[training curve]');
  });

  it('opens outside links in a new tab without giving them the page', () => {
    const html = renderMarkdown('[paper](https://arxiv.org/abs/1810.04805)');
    expect(html).toContain('rel="noopener noreferrer nofollow"');
  });

  it('drops relative links, which point into a repository this page cannot show', () => {
    expect(renderMarkdown('[file](config.json)')).not.toContain('href');
  });

  it('does not render the front matter, which the server parses into the card metadata', () => {
    const card = '---\nlicense: apache-2.0\npipeline_tag: fill-mask\ntags:\n- exbert\n- bert\ndatasets: [bookcorpus, wikipedia]\n---\n# BERT\n';
    expect(stripFrontMatter(card)).toBe('# BERT\n');
    expect(renderMarkdown(card)).not.toContain('apache-2.0');
  });
});
