// The trust table from GET /artifact/model/{id}/rate/reasons: per metric its value, whether that value rests on
// evidence, and why. The stored reason opens with the same case in words; the table's own column says it, so
// those words are taken off the reason shown beside it.
import { metricName } from './format.js';

export const EVIDENCE = {
  measured: { label: 'measured', badge: 'badge-ok', help: 'Read from the evidence: a low value means low quality.' },
  partial: { label: 'partly measured', badge: 'badge-info', help: 'Part of what this metric judges was available.' },
  none: { label: 'unknown', badge: 'badge-unknown', help: 'No evidence: the value is the metric\u2019s fixed “unknown” value; the gate does not refuse on it, and the net score counts it as reported (reviewedness -1 is left out).' },
  failed: { label: 'failed', badge: 'badge-warn', help: 'The metric could not be computed.' },
  unrecorded: { label: 'not recorded', badge: 'badge-unknown', help: 'Rated before the registry recorded the evidence.' },
};

const CASE_WORDS = /^(measured|partly measured|no evidence \(unknown, not scored as poor\)|failed): /;

/** The stored reason without its opening case words. */
export function plainReason(reason) {
  return (reason || '').replace(CASE_WORDS, '');
}

/** One row per metric but net_score: what the table shows. A missing or unknown evidence reads "not recorded". */
export function reasonRows(body) {
  if (!body || !Array.isArray(body.metrics)) return [];
  return body.metrics.filter((m) => m.metric !== 'net_score').map((m) => {
    const evidence = EVIDENCE[m.evidence] ? m.evidence : 'unrecorded';
    return {
      key: m.metric,
      name: metricName(m.metric),
      value: m.devices || m.value,
      evidence,
      evidenceLabel: EVIDENCE[evidence].label,
      unknown: evidence === 'none' || evidence === 'failed',
      counted: m.counts_in_net_score === true,
      reason: plainReason(m.reason),
    };
  });
}

/** The net score's own line: which metrics it counted without evidence and which it left out. */
export function netScoreNote(body) {
  const net = body && Array.isArray(body.metrics) ? body.metrics.find((m) => m.metric === 'net_score') : null;
  return net ? plainReason(net.reason) : '';
}
