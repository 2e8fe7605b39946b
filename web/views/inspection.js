import { api, claimsOf, token, typeOf, uiConfig } from '../api.js';
import { chartAsList, drawChart } from '../chart.js';
import { decisionForm } from '../decide.js';
import { formatDate, h, humanise, todayLondon } from '../dom.js';
import { drawGantt } from '../gantt.js';

export async function renderInspection(main, id, message) {
  const role = claimsOf(token.get())?.role;
  const [view, config] = await Promise.all([api('GET', `/inspections/${id}`), uiConfig()]);
  const [type, timeline, audit] = await Promise.all([
    typeOf(view.type, view.version, view.machineRevision),
    api('GET', `/inspections/${id}/timeline`).catch((e) => ({ error: e })),
    api('GET', `/inspections/${id}/audit`).catch((e) => ({ error: e })),
  ]);

  const temporalUrl = `${config.temporalUiUrl}/namespaces/default/workflows/${encodeURIComponent(id)}`;
  const panel = h('div', { id: 'inspection-decide' });
  const decisions = view.allowedDecisions.map((d) => {
    const mine = role && d.roles.includes(role);
    const button = h('button', { type: 'button', class: 'button small', disabled: !mine || undefined, 'data-event': d.event, 'aria-controls': 'inspection-decide' }, `Decide: ${d.label}`);
    button.addEventListener('click', async () => {
      const form = await decisionForm({
        inspectionId: id, type: view.type, version: view.version, machineRevision: view.machineRevision, event: d.event, label: d.label,
        onCancel: () => { panel.replaceChildren(); button.focus(); },
        onAccepted: async (after) => renderInspection(main, id, `${d.label}: accepted. Now ${humanise(after.status)} (stage ${after.stage}).`),
      });
      panel.replaceChildren(form);
      form.querySelector('h3').focus();
    });
    return h('li', {}, button, ' ', h('span', { class: 'small' }, mine ? '' : `(for ${d.roles.join(' or ')})`,
      d.answers ? ` due ${formatDate(d.answers.due)}${d.answers.overdue ? ' — overdue' : ''}` : ''));
  });

  const chartSection = type
    ? [drawChart(type.chart, { stage: view.stage, title: `State chart of ${type.title}, current stage highlighted` }),
      h('details', {}, h('summary', {}, 'The chart as a list'), chartAsList(type.chart, view.stage))]
    : [h('p', {}, 'This type is not in the catalogue.')];

  let timelineSection;
  if (timeline.error) timelineSection = h('p', { class: 'error' }, timeline.error.message);
  else {
    const past = (audit.entries ?? [])
      .filter((e) => ['inspection.started', 'decision.accepted', 'clock.expired', 'deadline.missed'].includes(e.kind))
      .map((e) => ({ date: e.data?.payload?.at ?? e.data?.due ?? e.at.slice(0, 10), label: e.kind === 'decision.accepted' ? e.data.event : e.kind === 'inspection.started' ? 'started' : `${e.kind} ${e.data?.clock ?? ''}`, kind: e.kind }));
    const future = timeline.entries.map((e) => ({ due: e.due, label: e.label, kind: e.kind, overdue: e.overdue }));
    const { svg, table } = drawGantt({ past, future, today: todayLondon() });
    timelineSection = [h('div', { class: 'scroll', tabindex: '0', role: 'region', 'aria-label': 'Timeline strip (scrolls sideways)' }, svg),
      h('details', {}, h('summary', {}, 'Timeline as a table'), table),
      h('p', { class: 'small' }, `Projected from ${formatDate(timeline.from)}, each step assumed on its due date; ends: ${humanise(timeline.end.reason)}.`)];
  }

  let auditSection;
  if (audit.error) auditSection = h('p', { class: 'error' }, `The audit trail is not available to you: ${audit.error.message}`);
  else {
    const v = audit.verification;
    auditSection = [
      h('p', { class: ['verification', v.ok ? 'ok' : 'broken'], 'data-testid': 'verification' },
        v.ok ? `Hash chain verified: ${v.entries} entries, intact (head ${v.head.slice(0, 12)}…).` : `Hash chain BROKEN at entry ${v.brokenAt}: ${v.reason}`),
      h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-labelledby': 'audit-caption' },
        h('table', { class: 'compact audit' },
          h('caption', { id: 'audit-caption' }, `Audit trail, ${audit.entries.length} entries`),
          h('thead', {}, h('tr', {}, ['#', 'When', 'Kind', 'Who', 'What', 'Source'].map((c) => h('th', { scope: 'col' }, c)))),
          h('tbody', {}, audit.entries.map((e) => h('tr', { 'data-kind': e.kind, 'data-seq': e.seq },
            h('td', {}, e.seq), h('td', {}, h('time', { datetime: e.at }, e.at.replace('T', ' ').slice(0, 16))), h('td', {}, e.kind),
            h('td', {}, `${e.actor} (${e.role})`), h('td', { class: 'small' }, summarise(e)), h('td', { class: 'small' }, e.source ?? '')))))),
    ];
  }

  main.replaceChildren(
    h('h1', { tabindex: '-1' }, view.title),
    h('div', { role: 'status', 'aria-live': 'polite', id: 'inspection-result' }, message ? h('p', { class: 'success' }, message) : null),
    h('dl', { class: 'summary' },
      h('dt', {}, 'Inspection'), h('dd', {}, h('code', {}, id)),
      h('dt', {}, 'Provider'), h('dd', {}, view.providerId ?? '—'),
      h('dt', {}, 'Status'), h('dd', { 'data-testid': 'status' }, humanise(view.status)),
      h('dt', {}, 'Stage'), h('dd', { 'data-testid': 'stage' }, h('code', {}, view.stage)),
      h('dt', {}, 'Next deadline'), h('dd', {}, view.nextDeadline ? `${view.nextDeadline.label}, ${formatDate(view.nextDeadline.due)}${view.nextDeadline.overdue ? ' (overdue)' : ''}` : '—'),
      view.grade ? [h('dt', {}, 'Grade'), h('dd', {}, humanise(view.grade))] : null,
      h('dt', {}, 'Workflow'), h('dd', {}, h('a', { href: temporalUrl, target: '_blank', rel: 'noopener noreferrer', 'data-testid': 'temporal-link' }, 'Open in the Temporal UI', h('span', { class: 'visually-hidden' }, ' (opens in a new tab)')))),
    h('section', { 'aria-labelledby': 'h-decisions' }, h('h2', { id: 'h-decisions' }, 'Decisions possible now'),
      decisions.length ? h('ul', { class: 'plain' }, decisions) : h('p', {}, 'None.'), panel),
    h('section', { 'aria-labelledby': 'h-chart' }, h('h2', { id: 'h-chart' }, 'Stage on the machine'),
      h('div', { class: 'scroll', tabindex: '0', role: 'region', 'aria-label': 'State chart (scrolls)' }, chartSection[0]), chartSection.slice(1)),
    h('section', { 'aria-labelledby': 'h-timeline' }, h('h2', { id: 'h-timeline' }, 'Timeline'), timelineSection),
    h('section', { 'aria-labelledby': 'h-audit' }, h('h2', { id: 'h-audit' }, 'Audit trail'), auditSection));
  if (message) main.querySelector('h1').focus();
}

function summarise(e) {
  const d = e.data ?? {};
  switch (e.kind) {
    case 'decision.accepted': return `${d.event}${d.payload && Object.keys(d.payload).length ? ` ${JSON.stringify(d.payload)}` : ''}`;
    case 'transition': return `${d.event}: ${d.from} → ${d.to}`;
    case 'deadline.set': case 'deadline.closed': case 'deadline.missed': return `${d.clock} due ${d.due}${d.met === false ? ' (late)' : ''}`;
    default: return JSON.stringify(d).slice(0, 160);
  }
}
