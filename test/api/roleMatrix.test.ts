import { REFUSAL_STATUS } from '../../api/inspectionService';
import { InspectionRecord } from '../../engine';
import { ROLES } from '../../machines/kit';
import { INSPECTION_TYPES } from '../../machines/registry';
import { PROVIDER_ID, actors, middayOn } from '../support/pureDriver';

/**
 * The role matrix: every event of every machine, sent by every role, is refused with 403 exactly when the
 * machine does not name that role for it. Roles come from the machine; the API only maps the refusal
 * (REFUSAL_STATUS, also used by the end-to-end tests) to its status.
 */
const nameOf = (d: (typeof INSPECTION_TYPES)[number]) => `${d.type} v${d.version} r${d.machineRevision}`;
const cases = INSPECTION_TYPES.flatMap((definition) =>
  Object.entries(definition.events).flatMap(([event, spec]) =>
    ROLES.map((role) => [nameOf(definition), event, role, spec.roles.includes(role)] as const),
  ),
);

describe('role matrix', () => {
  it.each(cases)('%s %s from %s: allowed %s', (typeName, event, role, allowed) => {
    const definition = INSPECTION_TYPES.find((d) => nameOf(d) === typeName)!;
    const record = InspectionRecord.start(definition, { inspectionId: 'i', providerId: PROVIDER_ID, input: {}, actor: actors.manager, now: middayOn('2025-01-06') });
    const check = record.check({ event }, actors[role], middayOn('2025-01-06'));
    const status = check.ok ? 200 : REFUSAL_STATUS[check.code];
    if (allowed) expect(status).not.toBe(403);
    else expect({ status, check }).toMatchObject({ status: 403, check: { code: 'forbidden', roles: [...definition.events[event]!.roles] } });
  });

  it('covers every event of every type', () => {
    expect(cases.length).toBe(INSPECTION_TYPES.reduce((n, d) => n + Object.keys(d.events).length * ROLES.length, 0));
    expect(cases.length).toBeGreaterThan(100);
  });
});
