import { api, typeOf } from './api.js';
import { announce, h } from './dom.js';
import { schemaFields } from './form.js';

let formCounter = 0;

/**
 * The form for one decision on one inspection, generated from the event's payload schema in the catalogue.
 * A refusal shows the API's own message (and its code and request id); acceptance calls `onAccepted(view)`.
 */
export async function decisionForm({ inspectionId, type, version, machineRevision, event, label, onAccepted, onCancel }) {
  const spec = (await typeOf(type, version, machineRevision))?.decisions.find((d) => d.event === event);
  const prefix = `f${++formCounter}`;
  const headingId = `${prefix}-heading`;
  const fields = schemaFields(spec?.payload ?? { type: 'object', properties: {} }, prefix);
  const error = h('div', { class: 'error', role: 'alert', 'data-testid': 'decision-error' });
  const submit = h('button', { type: 'submit', class: 'button' }, `Send ${label ?? event}`);
  const form = h('form', { class: 'decision-form card', 'aria-labelledby': headingId, 'data-event': event },
    h('h3', { id: headingId, tabindex: '-1' }, label ?? event, ' ', h('code', {}, event)),
    h('p', { class: 'hint' }, `Inspection ${inspectionId}. Fields come from the event's schema; the API checks them again.`),
    fields.elements,
    h('div', { class: 'actions' }, submit, onCancel ? h('button', { type: 'button', class: 'button secondary', onclick: onCancel }, 'Cancel') : null),
    error);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!form.reportValidity()) return;
    error.replaceChildren();
    submit.disabled = true;
    submit.setAttribute('aria-busy', 'true');
    try {
      const view = await api('POST', `/inspections/${inspectionId}/decisions`, { event, ...fields.read() }, undefined);
      announce(`${label ?? event}: accepted. The inspection is now ${view.status.replace(/_/g, ' ')}.`);
      await onAccepted?.(view);
    } catch (err) {
      error.replaceChildren(
        h('p', { class: 'error-title' }, 'Refused: ', h('span', { 'data-testid': 'api-message' }, err.message)),
        h('p', { class: 'hint' }, `HTTP ${err.status ?? '?'} ${err.code ?? ''}${err.requestId ? ` · request id ${err.requestId}` : ''}`),
        Array.isArray(err.details?.allowed) ? h('p', {}, `Allowed now: ${err.details.allowed.join(', ') || 'none'}`) : null,
        Array.isArray(err.details?.issues) ? h('ul', {}, err.details.issues.map((i) => h('li', {}, `${(i.path ?? []).join('.') || 'payload'}: ${i.message}`))) : null,
      );
    } finally {
      submit.disabled = false;
      submit.removeAttribute('aria-busy');
    }
  });
  return form;
}
