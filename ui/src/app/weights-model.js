// The weights scan of a model version (GET /artifact/model/{id}/weights-scan) in words, for the artifact page.
// Pure functions: the view draws what these say.

const LEVELS = {
  safe: { tone: 'ok', label: 'Safe' },
  suspicious: { tone: 'warn', label: 'Suspicious' },
  dangerous: { tone: 'bad', label: 'Dangerous' },
};

/** The verdict line's tone (ok, warn, bad) and sentence for a scan report. */
export function scanVerdict(scan) {
  if (!scan || !scan.scanned) {
    return { tone: 'warn', text: 'Not scanned: this version was stored before weights were scanned.' };
  }
  const pickles = (scan.files || []).length;
  if (scan.level === 'dangerous') {
    const imports = (scan.dangerous_imports || []).join(', ');
    if (scan.override) {
      return { tone: 'warn', text: 'Dangerous imports (' + imports + '), allowed by ' + scan.override.by + ': downloads are served.' };
    }
    return { tone: 'bad', text: 'Dangerous imports (' + imports + '): loading these weights can run code, so downloads that include them are refused until an administrator allows them.' };
  }
  if (scan.level === 'suspicious') {
    return { tone: 'warn', text: 'Suspicious: some weights import code the registry does not know, or could not be fully read. Downloads are served; load them only if you trust the source.' };
  }
  if (pickles === 0) return { tone: 'ok', text: 'No pickle-based weights files: nothing a loader would unpickle.' };
  return { tone: 'ok', text: 'Safe: every pickle-based weights file imports only tensors, storages and plain containers.' };
}

/** One row per scanned file: path, level label and tone, and what was found, in words. */
export function fileRows(scan) {
  return ((scan && scan.files) || []).map((f) => {
    const level = LEVELS[f.level] || { tone: 'warn', label: f.level };
    const found = [];
    if (f.dangerous_imports && f.dangerous_imports.length) found.push('dangerous: ' + f.dangerous_imports.join(', '));
    if (f.unknown_imports && f.unknown_imports.length) found.push('unknown: ' + f.unknown_imports.join(', '));
    if (f.problem) found.push(f.problem);
    return { path: f.path, tone: level.tone, label: level.label, found: found.length ? found.join('; ') : 'only safe imports' };
  });
}

/**
 * A download the weights scan refused, as the artifact page says it: the API's message names the files and their
 * imports and ends with the endpoint an administrator would call, which on this page is the Weights scan panel.
 * Any other message is left as it is.
 */
export function refusalForThisPage(message) {
  if (!message) return message;
  return message.replace(/an administrator may allow it with PUT \S*\/weights-scan\/override/,
    'an administrator may allow it in the Weights scan panel on this page, and the download is refused until then');
}
