import { formatDate, h, s } from './dom.js';

/**
 * A Gantt-like strip: past events as points on the first row, each future statutory date as a bar from the
 * projection's day to its due day, today as a line. A table beside it carries the same dates as text.
 */
export function drawGantt({ past, future, today }) {
  const days = (ymd) => Date.parse(`${ymd}T00:00:00Z`) / 86_400_000;
  const all = [today, ...past.map((p) => p.date), ...future.map((f) => f.due)];
  const start = Math.min(...all.map(days)) - 3;
  const end = Math.max(...all.map(days)) + 3;
  const LEFT = 200;
  const WIDTH = 960;
  const ROW = 30;
  const TOP = 28;
  const x = (ymd) => LEFT + ((days(ymd) - start) / Math.max(1, end - start)) * (WIDTH - LEFT - 20);
  const rows = 1 + future.length;
  const height = TOP + rows * ROW + 10;
  const svg = s('svg', { class: 'gantt', viewBox: `0 0 ${WIDTH} ${height}`, width: WIDTH, height, role: 'img', 'aria-labelledby': 'gantt-title' },
    s('title', { id: 'gantt-title' }, `Timeline: ${past.length} past events and ${future.length} future statutory dates; today ${formatDate(today)}`));
  // month ticks
  const first = new Date((start) * 86_400_000);
  for (let d = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 1)); days(d.toISOString().slice(0, 10)) < end; d.setUTCMonth(d.getUTCMonth() + 1)) {
    const ymd = d.toISOString().slice(0, 10);
    svg.append(s('line', { x1: x(ymd), x2: x(ymd), y1: TOP - 6, y2: height - 6, stroke: '#b1b4b6', 'stroke-width': 1 }),
      s('text', { x: x(ymd) + 3, y: 14, 'font-size': 11, fill: '#0b0c0c' }, d.toLocaleDateString('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' })));
  }
  svg.append(s('text', { x: 8, y: TOP + ROW / 2 + 4, 'font-size': 12, 'font-weight': 700, fill: '#0b0c0c' }, 'Past events'));
  past.forEach((p, i) => {
    svg.append(s('circle', { cx: x(p.date), cy: TOP + ROW / 2 + (i % 2 ? 5 : -5), r: 5, fill: '#0b0c0c', 'data-kind': 'past' },
      s('title', {}, `${formatDate(p.date)}: ${p.label}`)));
  });
  future.forEach((f, i) => {
    const y = TOP + (i + 1) * ROW;
    const colour = f.overdue ? '#b10e1e' : f.kind === 'target' ? '#1d4ed8' : '#00703c';
    svg.append(
      s('text', { x: 8, y: y + ROW / 2 + 4, 'font-size': 12, fill: '#0b0c0c' }, truncate(f.label, 28)),
      s('rect', { x: Math.min(x(today), x(f.due)), y: y + 7, width: Math.max(4, Math.abs(x(f.due) - x(today))), height: ROW - 14, rx: 3, fill: colour, 'data-kind': 'future' },
        s('title', {}, `${f.label}: due ${formatDate(f.due)} (${f.kind}${f.overdue ? ', overdue' : ''}${f.provisional ? ', provisional: that year\'s bank holidays are by rule, not yet published' : ''})`)),
      s('text', { x: x(f.due) + 6, y: y + ROW / 2 + 4, 'font-size': 11, fill: '#0b0c0c' }, f.due));
  });
  svg.append(s('line', { x1: x(today), x2: x(today), y1: TOP - 8, y2: height - 4, stroke: '#b10e1e', 'stroke-width': 2, 'stroke-dasharray': '4 3' }),
    s('text', { x: x(today) + 4, y: TOP - 12 + 14, 'font-size': 11, 'font-weight': 700, fill: '#b10e1e' }, 'today'));

  const table = h('table', { class: 'compact' },
    h('caption', {}, 'The same dates as a table'),
    h('thead', {}, h('tr', {}, ['Date', 'When', 'What', 'Kind'].map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {},
      past.map((p) => h('tr', {}, h('td', {}, h('time', { datetime: p.date }, formatDate(p.date))), h('td', {}, 'past'), h('td', {}, p.label), h('td', {}, p.kind))),
      future.map((f) => h('tr', { class: f.overdue ? 'overdue' : undefined }, h('td', {}, h('time', { datetime: f.due }, formatDate(f.due))),
        h('td', {}, f.overdue ? h('span', { class: 'badge overdue-badge' }, 'Overdue') : f.provisional ? 'due (provisional: bank holidays by rule)' : 'due'), h('td', {}, f.label), h('td', {}, f.kind)))));
  return { svg, table };
}

const truncate = (text, n) => (text.length > n ? `${text.slice(0, n - 1)}…` : text);
