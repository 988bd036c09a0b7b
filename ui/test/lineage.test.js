import { describe, expect, it } from 'vitest';
import { drawLineage } from '../src/app/lineage.js';

const node = (id, name, type, registered = true) => ({ artifact_id: id, name, source: 'config_json', metadata: { registered, artifact_type: type, role: 'ancestor', evidence: [] } });

describe('lineage drawing', () => {
  const graph = {
    nodes: [node('1', 'bert-base-uncased', 'model'), node('2', 'distilbert', 'model'), node('3', 'bookcorpus', 'dataset'), node('ext-00aa', 'wikipedia', 'dataset', false)],
    edges: [
      { from_node_artifact_id: '1', to_node_artifact_id: '2', relationship: 'base_model' },
      { from_node_artifact_id: '3', to_node_artifact_id: '2', relationship: 'trained_on' },
      { from_node_artifact_id: 'ext-00aa', to_node_artifact_id: '2', relationship: 'trained_on' },
    ],
  };

  it('links every registered relative but not the model itself or unregistered ones', () => {
    const { drawing } = drawLineage(graph, '2');
    const hrefs = [...drawing.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual(['#/artifact/model/1', '#/artifact/dataset/3']);
    expect(drawing.querySelectorAll('.lineage-node')).toHaveLength(4);
    expect(drawing.querySelectorAll('.lineage-edge')).toHaveLength(3);
  });

  it('places parents above their children', () => {
    const { drawing } = drawLineage(graph, '2');
    const y = (name) => {
      const g = [...drawing.querySelectorAll('.lineage-node')].find((n) => n.textContent.startsWith(name));
      return Number(/translate\([\d.]+ ([\d.]+)\)/.exec(g.getAttribute('transform'))[1]);
    };
    expect(y('bert-base-uncased')).toBeLessThan(y('distilbert'));
  });

  it('gives the same links as a table for screen readers', () => {
    const { table } = drawLineage(graph, '2');
    const rows = [...table.querySelectorAll('tbody tr')].map((r) => r.textContent);
    expect(rows).toContain('bert-base-uncasedbase model ofdistilbert (this one)');
    expect(rows).toContain('wikipedia (not registered)training data ofdistilbert (this one)');
  });
});
