// Words and units for people: metric names, vetting sentences, sizes and dates.
import { h } from './dom.js';

export const METRICS = {
  net_score: 'Net score',
  ramp_up_time: 'Ease of getting started',
  bus_factor: 'Bus factor',
  performance_claims: 'Evidence for performance claims',
  license: 'Licence clarity and permissiveness',
  dataset_and_code_score: 'Training data and code documented',
  dataset_quality: 'Dataset quality',
  code_quality: 'Code quality',
  reproducibility: 'Reproducibility of the example code',
  reviewedness: 'Share of code that was reviewed',
  tree_score: 'Scores of its parent models',
  size_score: 'Fits on target hardware',
};

export const DEVICES = {
  raspberry_pi: 'Raspberry Pi',
  jetson_nano: 'Jetson Nano',
  desktop_pc: 'Desktop PC',
  aws_server: 'AWS server',
};

export const TYPES = { model: 'Model', dataset: 'Dataset', code: 'Code' };

export function metricName(key) {
  return METRICS[key] || key.replace(/_/g, ' ');
}

const RELATIONSHIPS = {
  base_model: 'base model of',
  fine_tuned_from: 'fine-tuned into',
  adapter_of: 'adapted into',
  merged_from: 'merged into',
  quantized_from: 'quantised into',
  distilled_from: 'distilled into',
  trained_on: 'training data of',
  code_repository: 'code of',
};
export const relationshipName = (r) => RELATIONSHIPS[r] || r.replace(/_/g, ' ');

/** "0.42" → "42 %"; -1 (not applicable) → "n/a". */
export function percent(value) {
  if (typeof value !== 'number' || Number.isNaN(value)) return '—';
  if (value < 0) return 'n/a';
  // A no-break space keeps the number and its unit on one line.
  return Math.round(value * 100) + '\u00a0%';
}

/** The gate's decision in words, from the vetting extension's fields. */
export function vettingSentence(vetting) {
  if (!vetting) return 'This model has no rating recorded yet, so the ingest gate has not judged it.';
  const failed = vetting.failed_metrics || [];
  const below = Object.entries(vetting.below_threshold || {});
  if (vetting.vetted) {
    return 'Vetted: every metric with evidence is at least 50 %, so the ingest gate let it in.';
  }
  const parts = [];
  if (below.length) {
    parts.push('below 50 % on ' + listJoin(below.map(([k, v]) => metricName(k).toLowerCase() + ' (' + percent(v) + ')')));
  }
  if (failed.length) {
    parts.push('could not measure ' + listJoin(failed.map((k) => metricName(k).toLowerCase())));
  }
  const policy = vetting.gate_policy === 'advisory'
    ? 'The gate is advisory here, so it was registered anyway, marked not vetted.'
    : 'It was registered before the gate applied, or re-rated since.';
  return 'Not vetted: ' + (parts.join('; ') || 'the rating did not pass') + '. ' + policy;
}

export function listJoin(items) {
  if (items.length <= 1) return items.join('');
  return items.slice(0, -1).join(', ') + ' and ' + items[items.length - 1];
}

/** Megabytes as the API counts them (10^6 bytes), shown with a sensible unit. */
export function megabytes(mb) {
  if (typeof mb !== 'number' || Number.isNaN(mb)) return '—';
  if (mb >= 1000) return (mb / 1000).toLocaleString('en', { maximumFractionDigits: 2 }) + ' GB';
  if (mb >= 1) return mb.toLocaleString('en', { maximumFractionDigits: 1 }) + ' MB';
  if (mb * 1000 >= 1) return (mb * 1000).toLocaleString('en', { maximumFractionDigits: 1 }) + ' kB';
  return Math.round(mb * 1e6).toLocaleString('en') + ' bytes';
}

export function bytes(n) {
  return megabytes(n / 1e6);
}

export function count(n, singular, plural) {
  return n.toLocaleString('en') + ' ' + (n === 1 ? singular : (plural || singular + 's'));
}

const UNITS = [['year', 31536000], ['month', 2592000], ['week', 604800], ['day', 86400], ['hour', 3600], ['minute', 60], ['second', 1]];
const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/** "3 minutes ago". */
export function ago(iso, now = Date.now()) {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return String(iso);
  const seconds = Math.round((then - now) / 1000);
  if (Math.abs(seconds) < 10) return 'just now';
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit);
  }
  return 'just now';
}

export function exact(iso) {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? String(iso) : d.toLocaleString('en', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' }) + ' UTC';
}

/** A <time> with the relative age as text and the exact time on hover (and for assistive technology). */
export function timeEl(iso) {
  return h('time', { datetime: iso, title: exact(iso) }, ago(iso));
}

/** A metric as a labelled bar: a native <meter> so screen readers get the value, plus the number. */
export function scoreBar(value, label) {
  const na = typeof value !== 'number' || value < 0;
  return h('span', { class: 'score' },
    h('meter', { min: 0, max: 1, low: 0.5, high: 0.75, optimum: 1, value: na ? 0 : value, 'aria-label': label + ': ' + percent(value) }),
    h('span', { class: 'score-value' }, percent(value)));
}
