import { h, s } from './dom.js';
import { labelOf } from './form.js';

/**
 * Draws a machine's chart (the catalogue's `chart`: states and transitions walked from the machine itself) as
 * SVG, nesting compound states as boxes: a compound state's children flow left to right in rows, a parallel
 * state's regions sit side by side. Transitions are arrows labelled by event. The active leaves (the
 * inspection's `stage`, comma-separated dotted paths) and their ancestors are highlighted.
 */
const LEAF_H = 40;
const PAD = 12;
const HEADER = 24;
const GAP_X = 150;
const GAP_Y = 64;
const CHAR_W = 8.2;
const COLOURS = {
  text: '#0b0c0c',
  line: '#505a5f',
  box: '#ffffff',
  compound: '#f3f2f1',
  activeFill: '#1d4ed8',
  activeText: '#ffffff',
  activeEdge: '#1d4ed8',
  ancestor: '#e8effc',
};

let counter = 0;

export function activePathsOf(stage) {
  return String(stage ?? '').split(',').map((p) => p.trim()).filter(Boolean);
}

export function drawChart(chart, { stage = '', title = 'State chart', describedBy } = {}) {
  const uid = `chart${++counter}`;
  const byPath = new Map(chart.states.map((st) => [st.path, st]));
  const active = new Set(activePathsOf(stage));
  const onActivePath = new Set();
  for (const path of active) {
    const parts = path.split('.');
    for (let i = 0; i <= parts.length; i++) onActivePath.add(parts.slice(0, i).join('.'));
  }

  const size = new Map();
  const measure = (path, depth) => {
    const st = byPath.get(path);
    const label = stateLabel(st);
    if (!st.children.length) {
      const w = Math.max(110, label.length * CHAR_W + 28);
      size.set(path, { w, h: LEAF_H, rows: [] });
      return size.get(path);
    }
    const kids = st.children.map((c) => ({ path: c, ...measure(c, depth + 1) }));
    const maxRow = st.type === 'parallel' ? Infinity : depth === 0 ? 1500 : 900;
    const rows = [];
    let row = [];
    let rowW = 0;
    for (const kid of kids) {
      if (row.length && rowW + GAP_X + kid.w > maxRow) {
        rows.push(row);
        row = [];
        rowW = 0;
      }
      rowW += (row.length ? GAP_X : 0) + kid.w;
      row.push(kid);
    }
    if (row.length) rows.push(row);
    const inner = rows.map((r) => ({ w: r.reduce((a, k, i) => a + k.w + (i ? GAP_X : 0), 0), h: Math.max(...r.map((k) => k.h)) }));
    const header = path === '' ? 0 : HEADER;
    const w = Math.max(Math.max(...inner.map((r) => r.w)) + 2 * PAD, label.length * CHAR_W + 2 * PAD);
    const hgt = header + PAD + inner.reduce((a, r, i) => a + r.h + (i ? GAP_Y : 0), 0) + PAD;
    size.set(path, { w, h: hgt, rows });
    return size.get(path);
  };
  const rootSize = measure('', 0);

  const box = new Map();
  const place = (path, x, y) => {
    const { w, h: hgt, rows } = size.get(path);
    box.set(path, { x, y, w, h: hgt });
    let cy = y + (path === '' ? 0 : HEADER) + PAD;
    for (const row of rows) {
      let cx = x + PAD;
      const rowH = Math.max(...row.map((k) => k.h));
      for (const kid of row) {
        place(kid.path, cx, cy);
        cx += kid.w + GAP_X;
      }
      cy += rowH + GAP_Y;
    }
  };
  place('', 0, 0);

  const width = Math.ceil(rootSize.w);
  const height = Math.ceil(rootSize.h);
  const titleId = `${uid}-title`;
  const descId = `${uid}-desc`;
  const activeNames = [...active].map((p) => stateLabel(byPath.get(p) ?? { key: p, path: p })).join(', ');
  const svg = s('svg', {
    class: 'chart', viewBox: `-4 -4 ${width + 8} ${height + 8}`, width: width + 8, height: height + 8,
    role: 'img', 'aria-labelledby': titleId, 'aria-describedby': [descId, describedBy].filter(Boolean).join(' '),
    'data-stage': stage,
  },
  s('title', { id: titleId }, title),
  s('desc', { id: descId }, `${chart.states.length - 1} states and ${chart.transitions.length} transitions.${active.size ? ` Current stage: ${activeNames}.` : ''}`),
  s('defs', {},
    s('marker', { id: `${uid}-arrow`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' },
      s('path', { d: 'M0,0 L10,5 L0,10 z', fill: COLOURS.line })),
    s('marker', { id: `${uid}-arrow-active`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' },
      s('path', { d: 'M0,0 L10,5 L0,10 z', fill: COLOURS.activeEdge }))));

  // States: parents first, so children are drawn on top.
  const statesLayer = s('g', { class: 'states' });
  for (const st of chart.states) {
    if (st.path === '') continue;
    const b = box.get(st.path);
    const leaf = st.children.length === 0;
    const isActive = active.has(st.path);
    const isAncestor = !isActive && onActivePath.has(st.path);
    const fill = isActive ? COLOURS.activeFill : isAncestor ? COLOURS.ancestor : leaf ? COLOURS.box : COLOURS.compound;
    const g = s('g', { class: ['state', isActive && 'active', isAncestor && 'ancestor'], 'data-path': st.path, 'data-active': isActive ? 'true' : undefined },
      s('title', {}, `${stateLabel(st)}${st.status ? ` (status ${st.status})` : ''}${st.type === 'parallel' ? ', parallel regions' : ''}${st.type === 'final' ? ', final' : ''}${isActive ? ', current' : ''}`),
      s('rect', {
        x: b.x, y: b.y, width: b.w, height: b.h, rx: leaf ? 8 : 10, fill,
        stroke: isActive ? COLOURS.text : isAncestor ? COLOURS.activeEdge : COLOURS.line,
        'stroke-width': isActive ? 3 : isAncestor ? 2 : 1.2,
        'stroke-dasharray': byPath.get(st.parent)?.type === 'parallel' && !leaf ? '6 4' : undefined,
      }),
      st.type === 'final' ? s('rect', { x: b.x + 4, y: b.y + 4, width: b.w - 8, height: b.h - 8, rx: 6, fill: 'none', stroke: isActive ? COLOURS.activeText : COLOURS.line, 'stroke-width': 1 }) : null,
      s('text', {
        x: leaf ? b.x + b.w / 2 : b.x + PAD, y: leaf ? b.y + b.h / 2 + 4 : b.y + 17,
        'text-anchor': leaf ? 'middle' : 'start', fill: isActive ? COLOURS.activeText : COLOURS.text,
        'font-size': 13, 'font-weight': leaf ? (isActive ? 700 : 400) : 700,
      }, stateLabel(st) + (st.type === 'parallel' ? ' (parallel)' : '')));
    if (st.initial) {
      const first = box.get(st.initial);
      g.append(s('circle', { cx: first.x - 10, cy: first.y + 8, r: 4, fill: COLOURS.text }, s('title', {}, 'initial state')));
    }
    statesLayer.append(g);
  }
  svg.append(statesLayer);

  const edgesLayer = s('g', { class: 'transitions' });
  const labelsLayer = s('g', { class: 'transition-labels' });
  const pairCount = new Map();
  for (const t of chart.transitions) {
    for (const target of t.targets) {
      const from = box.get(t.source);
      const to = box.get(target);
      if (!from || !to) continue;
      const fromActive = onActivePath.has(t.source) && t.source !== '';
      const colour = fromActive ? COLOURS.activeEdge : COLOURS.line;
      const pairKey = [t.source, target].sort().join('|');
      const nth = pairCount.get(pairKey) ?? 0;
      pairCount.set(pairKey, nth + 1);
      const label = t.event ?? 'always';
      let d;
      let lx;
      let ly;
      if (t.source === target) {
        const x = from.x + from.w;
        const y = from.y + from.h / 2;
        d = `M${x},${y - 8} C${x + 36},${y - 30} ${x + 36},${y + 30} ${x},${y + 8}`;
        lx = x + 30;
        ly = y - 22;
      } else {
        const [x1, y1] = clip(from, to);
        const [x2, y2] = clip(to, from);
        const mx = (x1 + x2) / 2;
        const my = (y1 + y2) / 2;
        const len = Math.hypot(x2 - x1, y2 - y1) || 1;
        const bend = (nth % 2 ? -1 : 1) * (14 + 14 * Math.floor(nth / 2)) * (t.source < target ? 1 : -1);
        const cx = mx - ((y2 - y1) / len) * bend;
        const cy = my + ((x2 - x1) / len) * bend;
        d = `M${x1},${y1} Q${cx},${cy} ${x2},${y2}`;
        lx = (x1 + 2 * cx + x2) / 4;
        ly = (y1 + 2 * cy + y2) / 4;
      }
      edgesLayer.append(s('path', {
        d, fill: 'none', stroke: colour, 'stroke-width': fromActive ? 2.2 : 1.2, 'marker-end': `url(#${uid}-arrow${fromActive ? '-active' : ''})`,
        'data-event': label, 'data-source': t.source, 'data-target': target,
      }, s('title', {}, `${label}${t.guard ? ` [${t.guard}]` : ''}: ${stateLabel(byPath.get(t.source))} → ${stateLabel(byPath.get(target))}`)));
      const text = label + (t.guard ? ' ⟨if⟩' : '');
      const tw = text.length * 6.2 + 8;
      labelsLayer.append(s('g', { class: 'edge-label' },
        s('rect', { x: lx - tw / 2, y: ly - 9, width: tw, height: 16, rx: 3, fill: '#ffffff', 'fill-opacity': 0.92 }),
        s('text', { x: lx, y: ly + 3, 'text-anchor': 'middle', 'font-size': 10.5, fill: fromActive ? COLOURS.activeEdge : COLOURS.text, 'font-weight': fromActive ? 700 : 400 }, text)));
    }
  }
  svg.append(edgesLayer, labelsLayer);
  return svg;
}

/** The same chart as text: every state (current ones marked) with the events that leave it. */
export function chartAsList(chart, stage = '') {
  const active = new Set(activePathsOf(stage));
  const byPath = new Map(chart.states.map((st) => [st.path, st]));
  const list = (path) => {
    const st = byPath.get(path);
    const out = chart.transitions.filter((t) => t.source === path);
    return h('li', { 'aria-current': active.has(path) ? 'step' : undefined, 'data-path': path },
      h('span', { class: active.has(path) ? 'current-state' : undefined }, stateLabel(st)),
      active.has(path) ? h('strong', {}, ' (current)') : '',
      st.type === 'final' ? ' (final)' : '', st.type === 'parallel' ? ' (parallel regions)' : '',
      out.length ? h('ul', { class: 'edges' }, out.map((t) => h('li', {}, h('code', {}, t.event ?? 'always'), t.guard ? ` if ${t.guard}` : '', ' → ',
        t.targets.length ? t.targets.map((p) => stateLabel(byPath.get(p))).join(', ') : 'stays'))) : '',
      st.children.length ? h('ul', {}, st.children.map(list)) : '');
  };
  return h('ul', { class: 'chart-list' }, byPath.get('').children.map(list));
}

export function stateLabel(st) {
  if (!st) return '';
  return labelOf(st.key);
}

/** The point where the line from a's centre towards b's centre leaves a's box. */
function clip(a, b) {
  const ax = a.x + a.w / 2;
  const ay = a.y + a.h / 2;
  const dx = b.x + b.w / 2 - ax;
  const dy = b.y + b.h / 2 - ay;
  if (!dx && !dy) return [ax, ay];
  const sx = dx ? a.w / 2 / Math.abs(dx) : Infinity;
  const sy = dy ? a.h / 2 / Math.abs(dy) : Infinity;
  const k = Math.min(sx, sy);
  return [ax + dx * k, ay + dy * k];
}
