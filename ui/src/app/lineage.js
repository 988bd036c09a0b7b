// The lineage as a drawn graph: dagre lays the nodes out top-down (parents above children), the graph is
// SVG whose registered nodes are links, and a table beside it carries the same data for screen readers.
import dagre from '@dagrejs/dagre';
import { h, svg } from './dom.js';
import { relationshipName, TYPES } from './format.js';
import { artifactHref } from './router.js';

const NODE_W = 190;
const NODE_H = 46;
const MAX_DRAWN = 120;

export function layout(graph) {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'TB', nodesep: 24, ranksep: 48, marginx: 8, marginy: 8 });
  g.setDefaultEdgeLabel(() => ({}));
  const nodes = graph.nodes.slice(0, MAX_DRAWN);
  const ids = new Set(nodes.map((n) => n.artifact_id));
  nodes.forEach((n) => g.setNode(n.artifact_id, { width: NODE_W, height: NODE_H }));
  const edges = graph.edges.filter((e) => ids.has(e.from_node_artifact_id) && ids.has(e.to_node_artifact_id));
  edges.forEach((e) => g.setEdge(e.from_node_artifact_id, e.to_node_artifact_id));
  dagre.layout(g);
  return { g, nodes, edges, truncated: nodes.length < graph.nodes.length };
}

function shorten(text, max) {
  return text.length > max ? text.slice(0, max - 1) + '…' : text;
}

function typeOf(node) {
  return (node.metadata && node.metadata.artifact_type) || 'model';
}

export function drawLineage(graph, currentId) {
  const { g, nodes, edges, truncated } = layout(graph);
  const width = Math.max(g.graph().width || NODE_W, NODE_W);
  const height = Math.max(g.graph().height || NODE_H, NODE_H);
  const byId = Object.fromEntries(nodes.map((n) => [n.artifact_id, n]));
  const drawing = svg('svg', {
    viewBox: `0 0 ${width} ${height}`, width, height, class: 'lineage-svg', role: 'group',
    'aria-label': 'Lineage graph: ' + nodes.length + ' artifacts, ' + edges.length + ' links. The table below lists the same links.',
  },
  svg('defs', {}, svg('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' },
    svg('path', { d: 'M 0 0 L 10 5 L 0 10 z', class: 'lineage-arrow' }))),
  ...edges.map((e) => {
    const points = g.edge(e.from_node_artifact_id, e.to_node_artifact_id).points;
    const d = points.map((p, i) => (i ? 'L' : 'M') + p.x.toFixed(1) + ' ' + p.y.toFixed(1)).join(' ');
    return svg('path', { d, class: 'lineage-edge', 'marker-end': 'url(#arrow)', 'aria-hidden': 'true' });
  }),
  ...nodes.map((n) => {
    const pos = g.node(n.artifact_id);
    const registered = !n.metadata || n.metadata.registered !== false;
    const current = n.artifact_id === currentId;
    const box = svg('g', { class: 'lineage-node lineage-' + typeOf(n) + (current ? ' lineage-current' : '') + (registered ? '' : ' lineage-external'),
      transform: `translate(${(pos.x - NODE_W / 2).toFixed(1)} ${(pos.y - NODE_H / 2).toFixed(1)})` },
    svg('title', {}, n.name),
    svg('rect', { width: NODE_W, height: NODE_H, rx: 8 }),
    svg('text', { x: 10, y: 19, class: 'lineage-name' }, shorten(n.name, 24)),
    svg('text', { x: 10, y: 36, class: 'lineage-kind' }, (TYPES[typeOf(n)] || typeOf(n)) + (registered ? '' : ' · not registered') + (current ? ' · this one' : '')));
    if (!registered || current) return svg('g', { 'aria-hidden': 'true' }, box);
    return svg('a', { href: artifactHref(typeOf(n), n.artifact_id) }, box);
  }));
  const rows = edges.map((e) => {
    const from = byId[e.from_node_artifact_id];
    const to = byId[e.to_node_artifact_id];
    return h('tr', {}, h('td', {}, nodeLink(from, currentId)), h('td', {}, relationshipName(e.relationship)), h('td', {}, nodeLink(to, currentId)));
  });
  const table = h('table', { class: 'data-table' },
    h('caption', {}, 'Lineage links, upstream first'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Upstream'), h('th', { scope: 'col' }, 'Relationship'), h('th', { scope: 'col' }, 'Downstream'))),
    h('tbody', {}, rows.length ? rows : h('tr', {}, h('td', { colspan: 3 }, 'No registered relatives.'))));
  return { drawing: h('div', { class: 'lineage-scroll', tabindex: 0, role: 'region', 'aria-label': 'Lineage drawing (scrolls)' }, drawing), table, truncated };
}

function nodeLink(node, currentId) {
  if (!node) return '?';
  const registered = !node.metadata || node.metadata.registered !== false;
  if (node.artifact_id === currentId) return h('strong', {}, node.name + ' (this one)');
  if (!registered) return node.name + ' (not registered)';
  return h('a', { href: artifactHref(typeOf(node), node.artifact_id) }, node.name);
}
