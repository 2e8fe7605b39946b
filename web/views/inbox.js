import { api, claimsOf, token } from '../api.js';
import { formatDate, h, humanise } from '../dom.js';
import { decisionForm } from '../decide.js';

export async function renderInbox(main) {
  const role = claimsOf(token.get())?.role;
  const page = await api('GET', '/inbox?limit=200');
  const panel = h('section', { id: 'decide-panel', 'aria-label': 'Decision form', class: 'panel' });
  const result = h('div', { id: 'inbox-result', role: 'status', 'aria-live': 'polite', class: 'result' });
  const overdue = page.items.filter((i) => i.overdue).length;

  const rows = page.items.map((item, index) => {
    const button = h('button', {
      type: 'button', class: 'button small', 'aria-expanded': 'false', 'aria-controls': 'decide-panel',
      'data-event': item.event, 'data-inspection': item.inspectionId,
    }, 'Decide', h('span', { class: 'visually-hidden' }, `: ${item.label}, ${item.inspectionId}`));
    button.addEventListener('click', async () => {
      for (const b of main.querySelectorAll('button[aria-expanded]')) b.setAttribute('aria-expanded', 'false');
      button.setAttribute('aria-expanded', 'true');
      const view = await api('GET', `/inspections/${item.inspectionId}`);
      const form = await decisionForm({
        inspectionId: item.inspectionId, type: view.type, version: view.version, machineRevision: view.machineRevision, event: item.event, label: item.label,
        onCancel: () => { panel.replaceChildren(); button.setAttribute('aria-expanded', 'false'); button.focus(); },
        onAccepted: async (after) => {
          await renderInbox(main);
          const link = h('a', { href: `#/inspections/${after.inspectionId}` }, `open ${after.inspectionId}`);
          main.querySelector('#inbox-result').replaceChildren(
            h('p', { class: 'success' }, `${item.label}: accepted. The inspection is now ${humanise(after.status)} (stage ${after.stage}); `, link, '.'));
          main.querySelector('h1').focus();
        },
      });
      panel.replaceChildren(form);
      form.querySelector('h3').focus();
    });
    return h('tr', { class: item.overdue ? 'overdue' : undefined, 'data-inspection': item.inspectionId, 'data-event': item.event },
      h('td', {}, item.due ? h('time', { datetime: item.due }, formatDate(item.due)) : 'no clock',
        item.overdue ? h('span', { class: 'badge overdue-badge' }, 'Overdue') : null),
      h('th', { scope: 'row', id: `item-${index}` }, item.label, h('br'), h('code', { class: 'small' }, item.event)),
      h('td', {}, h('a', { href: `#/inspections/${item.inspectionId}` }, item.inspectionId), h('br'), h('span', { class: 'small' }, `${item.type} · ${item.providerId ?? ''}`)),
      h('td', {}, humanise(item.status)),
      h('td', { class: 'small' }, item.answers ? `${item.answers.label}: ${item.answers.rule}` : '—'),
      h('td', {}, button));
  });

  main.replaceChildren(
    h('h1', { tabindex: '-1' }, 'Decisions waiting for you'),
    h('p', { class: 'lede' }, `Role ${role ?? '?'}: ${page.total} waiting`, overdue ? h('strong', {}, `, ${overdue} overdue`) : '', '. Soonest due first.'),
    result,
    page.items.length
      ? h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-labelledby': 'inbox-caption' },
        h('table', { class: 'inbox' },
          h('caption', { id: 'inbox-caption' }, 'Waiting decisions'),
          h('thead', {}, h('tr', {}, ['Due', 'Decision', 'Inspection', 'Status', 'Why it is due', 'Action'].map((c) => h('th', { scope: 'col' }, c)))),
          h('tbody', {}, rows)))
      : h('p', {}, 'Nothing is waiting for you.'),
    panel);
}
