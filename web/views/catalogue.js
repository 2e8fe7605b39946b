import { catalogue } from '../api.js';
import { chartAsList, drawChart } from '../chart.js';
import { h } from '../dom.js';

const UNITS = { workingDays: 'working days', calendarDays: 'calendar days', months: 'months', years: 'years', hours: 'hours' };

/** One catalogue entry: a type's framework version at one machine revision. */
const key = (t) => `${t.type}-v${t.version}-r${t.machineRevision}`;

/** A type's title, with its revision where its framework version has more than one, and which one new inspections start on. */
function label(t, types) {
  const revisions = types.filter((o) => o.type === t.type && o.version === t.version).length;
  return revisions > 1 ? `${t.title} (revision ${t.machineRevision}${t.latestRevision ? ', new inspections' : ''})` : t.title;
}

export async function renderCatalogue(main) {
  const types = await catalogue();
  main.replaceChildren(
    h('h1', { tabindex: '-1' }, 'Inspection types'),
    h('p', { class: 'lede' }, `${new Set(types.map((t) => t.type)).size} types in ${types.length} framework versions and machine revisions, each drawn from its machine, with its statutory clocks, decisions and sources.`),
    h('nav', { 'aria-label': 'Types on this page' }, h('ul', { class: 'plain inline' }, types.map((t) => h('li', {}, h('a', { href: `#/catalogue`, 'data-target': `type-${key(t)}` }, label(t, types)))))),
    ...types.map((t) => h('section', { id: `type-${key(t)}`, 'aria-labelledby': `h-${key(t)}`, class: 'type' },
      h('h2', { id: `h-${key(t)}`, tabindex: '-1' }, t.title),
      h('p', {}, h('code', {}, `${t.type} v${t.version} r${t.machineRevision}`), ` · framework version ${t.version}, in force from ${t.inForceFrom} · ${t.framework}`),
      h('p', { class: 'hint' }, `Machine revision ${t.machineRevision}${t.revisionNote ? `: ${t.revisionNote}` : ''}. ${t.latestRevision ? 'New inspections start on this revision.' : 'Kept for the inspections that run it; new ones start on a later revision.'}`),
      h('h3', {}, 'The machine'),
      h('div', { class: 'scroll', tabindex: '0', role: 'region', 'aria-label': `State chart of ${t.title} (scrolls)` }, drawChart(t.chart, { title: `State chart of ${t.title}` })),
      h('details', {}, h('summary', {}, 'The chart as a list'), chartAsList(t.chart)),
      h('h3', {}, 'Clocks'),
      h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': `Clocks of ${t.title}` },
        h('table', { class: 'compact' },
          h('thead', {}, h('tr', {}, ['Clock', 'Length', 'From', 'Kind', 'Runs in', 'When it runs out', 'Rule', 'Source'].map((c) => h('th', { scope: 'col' }, c)))),
          h('tbody', {}, t.clocks.map((c) => h('tr', {},
            h('th', { scope: 'row' }, c.label), h('td', {}, `${c.length} ${UNITS[c.unit] ?? c.unit}${c.extendedBy.length ? ` + ${c.extendedBy.join(', ')}` : ''}`),
            h('td', {}, h('code', {}, c.anchor)), h('td', {}, c.kind), h('td', { class: 'small' }, c.runsIn.join(', ')),
            h('td', {}, c.onExpiry ? h('code', {}, c.onExpiry) : c.kind === 'target' ? 'breach recorded' : '—'),
            h('td', { class: 'small' }, c.rule, c.reading ? h('p', { class: 'hint' }, `Reading: ${c.reading}`) : null), h('td', { class: 'small' }, c.source)))))),
      h('h3', {}, 'Decisions and their sources'),
      h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': `Decisions of ${t.title}` },
        h('table', { class: 'compact' },
          h('thead', {}, h('tr', {}, ['Event', 'Decision', 'Who', 'Source'].map((c) => h('th', { scope: 'col' }, c)))),
          h('tbody', {}, t.decisions.map((d) => h('tr', {}, h('th', { scope: 'row' }, h('code', {}, d.event)), h('td', {}, d.label), h('td', {}, d.roles.join(', ')), h('td', { class: 'small' }, d.source)))))))),
  );
  for (const link of main.querySelectorAll('a[data-target]')) {
    link.addEventListener('click', (event) => {
      event.preventDefault();
      const heading = document.getElementById(`h-${link.dataset.target.slice(5)}`);
      heading.scrollIntoView();
      heading.focus();
    });
  }
}
