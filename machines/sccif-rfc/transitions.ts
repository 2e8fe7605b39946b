/**
 * Building a machine version from an older one's config (docs/CHANGING_MACHINES.md): the older version's transition on
 * an event (a target alone may be written as a string), with a guard and more actions after its own.
 */
export function extended(transition: unknown, more: unknown[], guard?: unknown) {
  const t = (typeof transition === 'string' ? { target: transition } : transition) as { actions?: unknown };
  const own = t.actions === undefined ? [] : Array.isArray(t.actions) ? t.actions : [t.actions];
  return { ...t, ...(guard ? { guard } : {}), actions: [...own, ...more] };
}
