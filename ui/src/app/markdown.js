// Model cards are Markdown written by strangers: rendered with marked, then sanitised with DOMPurify, so
// no script, event handler, style, form or frame from a card ever reaches the page. Remote images are not
// loaded (the registry is private and the page must not call out); their alt text is shown instead.
import { marked } from 'marked';
import DOMPurify from 'dompurify';

const FORBID_TAGS = ['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'object', 'embed', 'script', 'svg', 'math'];

let hooked = false;
function installHooks(purify) {
  if (hooked) return;
  hooked = true;
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'A') {
      const href = node.getAttribute('href') || '';
      if (/^https?:/i.test(href)) {
        node.setAttribute('rel', 'noopener noreferrer nofollow');
        node.setAttribute('target', '_blank');
      } else if (!href.startsWith('#')) {
        // Relative links point into the source repository, which this page cannot show.
        node.removeAttribute('href');
      }
    }
    if (node.tagName === 'IMG') {
      const alt = node.getAttribute('alt') || 'image';
      node.replaceWith(node.ownerDocument.createTextNode('[' + alt + ']'));
    }
  });
}

/** Strips a leading YAML front matter block (the hub's card metadata), which is not prose. */
export function stripFrontMatter(text) {
  return text.replace(/^\uFEFF?---\r?\n[\s\S]*?\r?\n(---|\.\.\.)\r?\n?/, '');
}

/** Markdown → sanitised HTML string. */
export function renderMarkdown(text, purify = DOMPurify) {
  installHooks(purify);
  const html = marked.parse(stripFrontMatter(text || ''), { async: false, gfm: true });
  return purify.sanitize(html, {
    USE_PROFILES: { html: true },
    FORBID_TAGS,
    FORBID_ATTR: ['style', 'srcset'],
  });
}
