import { h } from './dom.js';

/**
 * A form generated from an event's JSON Schema (the catalogue's `payload`): strings, dates (the `YYYY-MM-DD`
 * pattern), enums, numbers, booleans, arrays of strings or enums, and nested objects such as judgements.
 * Returns the fields and a `read()` giving the payload, empty optional fields left out.
 */
export function schemaFields(schema, idPrefix) {
  const root = objectFields(schema, [], idPrefix, true);
  return { elements: root.elements, read: () => root.read() ?? {} };
}

const LABELS = { at: 'Date it happened', note: 'Note for the audit trail' };
const HINTS = { at: 'Leave empty for today. It may be in the past, never in the future, never before the previous event.' };

export function labelOf(key) {
  if (LABELS[key]) return LABELS[key];
  const words = String(key).replace(/_/g, ' ').replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const optionLabel = (value) => labelOf(String(value));

function objectFields(schema, path, idPrefix, required) {
  const props = Object.entries(schema.properties ?? {});
  const requiredKeys = new Set(schema.required ?? []);
  // Inside an optional object (judgements one may leave out), nothing is required by the browser: fill all or none.
  const children = props.map(([key, sub]) => ({ key, field: field(sub ?? {}, [...path, key], idPrefix, required && requiredKeys.has(key)) }));
  return {
    elements: children.map((c) => c.field.element),
    read() {
      const out = {};
      for (const { key, field } of children) {
        const value = field.read();
        if (value !== undefined) out[key] = value;
      }
      return Object.keys(out).length || required ? out : undefined;
    },
  };
}

function field(schema, path, idPrefix, required) {
  const key = path[path.length - 1];
  const id = `${idPrefix}-${path.join('-')}`;
  const hintText = schema.description ?? HINTS[key];
  const hintId = hintText ? `${id}-hint` : undefined;
  const label = (forId) =>
    h('label', { for: forId }, labelOf(key), ' ', h('span', { class: 'field-req' }, required ? '(required)' : '(optional)'));
  const hint = hintText ? h('p', { class: 'hint', id: hintId }, hintText) : null;
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;

  if (type === 'object' && schema.properties) {
    const inner = objectFields(schema, path, idPrefix, required);
    const element = h('fieldset', { class: 'nested', id }, h('legend', {}, labelOf(key), required ? '' : ' (optional)'), hint, inner.elements);
    return { element, read: () => inner.read() };
  }
  if (schema.enum) {
    const select = h(
      'select',
      { id, name: path.join('.'), required: required || undefined, 'aria-describedby': hintId },
      h('option', { value: '' }, required ? 'Choose…' : '(none)'),
      schema.enum.map((v) => h('option', { value: String(v) }, optionLabel(v))),
    );
    return { element: h('div', { class: 'field' }, label(id), hint, select), read: () => (select.value === '' ? undefined : schema.enum.find((v) => String(v) === select.value)) };
  }
  if (type === 'integer' || type === 'number') {
    const input = h('input', {
      id, name: path.join('.'), type: 'number', inputmode: type === 'integer' ? 'numeric' : 'decimal',
      min: schema.minimum, max: schema.maximum, step: type === 'integer' ? 1 : 'any', required: required || undefined, 'aria-describedby': hintId,
    });
    return { element: h('div', { class: 'field' }, label(id), hint, input), read: () => (input.value === '' ? undefined : Number(input.value)) };
  }
  if (type === 'boolean') {
    const input = h('input', { id, name: path.join('.'), type: 'checkbox', 'aria-describedby': hintId });
    return {
      element: h('div', { class: 'field field-check' }, input, h('label', { for: id }, labelOf(key)), hint),
      read: () => (input.checked ? true : required ? false : undefined),
    };
  }
  if (type === 'array' && schema.items?.enum) {
    const boxes = schema.items.enum.map((v, i) => h('input', { type: 'checkbox', id: `${id}-${i}`, value: String(v) }));
    const element = h('fieldset', { class: 'nested', id }, h('legend', {}, labelOf(key), required ? '' : ' (optional)'), hint,
      boxes.map((box, i) => h('div', { class: 'field field-check' }, box, h('label', { for: box.id }, optionLabel(schema.items.enum[i])))));
    return { element, read: () => { const v = boxes.filter((b) => b.checked).map((b) => b.value); return v.length || required ? v : undefined; } };
  }
  if (type === 'array') {
    const area = h('textarea', { id, name: path.join('.'), rows: 3, required: required || undefined, 'aria-describedby': `${id}-lines` });
    const element = h('div', { class: 'field' }, label(id), h('p', { class: 'hint', id: `${id}-lines` }, 'One per line.'), area);
    return { element, read: () => { const v = area.value.split('\n').map((l) => l.trim()).filter(Boolean); return v.length || required ? v : undefined; } };
  }
  if (type === 'string') {
    // A date, or when a step happened (a date with an optional London time): a date picker gives the date.
    const isDate = schema.format === 'date' || takesDates(schema.pattern);
    const long = !isDate && (schema.maxLength ?? 0) > 200;
    const attrs = {
      id, name: path.join('.'), required: required || undefined, 'aria-describedby': hintId,
      minlength: isDate ? undefined : schema.minLength, maxlength: isDate ? undefined : schema.maxLength,
    };
    const input = long ? h('textarea', { ...attrs, rows: 2 }) : h('input', { ...attrs, type: isDate ? 'date' : 'text', autocomplete: 'off' });
    return { element: h('div', { class: 'field' }, label(id), hint, input), read: () => (input.value.trim() === '' ? undefined : input.value.trim()) };
  }
  // Anything the generator does not know: JSON typed by hand.
  const area = h('textarea', { id, name: path.join('.'), rows: 3, required: required || undefined, 'aria-describedby': `${id}-json` });
  const element = h('div', { class: 'field' }, label(id), h('p', { class: 'hint', id: `${id}-json` }, 'As JSON.'), area);
  return {
    element,
    read: () => {
      if (area.value.trim() === '') return undefined;
      try { return JSON.parse(area.value); } catch { return area.value; }
    },
  };
}

/** Whether a field's pattern is a date's: it takes today's date and no word. */
function takesDates(pattern) {
  if (!pattern) return false;
  const re = new RegExp(pattern);
  return re.test(new Date().toISOString().slice(0, 10)) && !re.test('text');
}
