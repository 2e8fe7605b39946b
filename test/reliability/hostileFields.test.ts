import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { z } from 'zod';
import { londonDateOf } from '../../calendar';
import { CURRENT_ENGINE_REVISION, InspectionRecord } from '../../engine';
import { simulatedValue } from '../../engine/timeline';
import { readLedger } from '../../ledger';
import { INSPECTION_TYPES } from '../../machines/registry';
import { INSPECTION_WORKFLOW, type StartInspectionInput } from '../../workflows/messages';
import { useApiStack } from '../support/apiServer';
import { eventually } from '../support/eventually';
import { PROVIDER_ID, actors } from '../support/pureDriver';

/**
 * Every free-text and date field of every event of every inspection type, sent through the API with hostile values
 * (fast-check): a NUL, lone surrogates, control and direction characters, very long text, impossible and far-off
 * dates, alongside good ones. Whatever the API accepts ends recorded in the ledger, whole (the ledger's last entry is
 * the workflow's last, nothing left to write); whatever it refuses (a 4xx, never a 5xx) changes nothing; and no
 * workflow task ever fails.
 */
const stack = useApiStack({ rateLimitPerMinute: 1_000_000 });

type Kind = 'text' | 'date';

/** The top-level fields of an event's payload that take text or a date. */
function textAndDateFields(schema: z.ZodObject): { name: string; kind: Kind }[] {
  const unwrap = (t: z.ZodType): z.ZodType => {
    const def = (t as unknown as { _zod: { def: { type: string; innerType?: z.ZodType; in?: z.ZodType } } })._zod.def;
    return def.type === 'optional' || def.type === 'pipe' || def.type === 'default' || def.type === 'nullable' ? unwrap((def.innerType ?? def.in)!) : t;
  };
  return Object.entries(schema.shape).flatMap(([name, field]) => {
    const inner = unwrap(field as z.ZodType);
    if ((inner as unknown as { _zod: { def: { type: string } } })._zod.def.type !== 'string') return [];
    const kind: Kind = inner.safeParse('2025-03-03').success && !inner.safeParse('just words').success ? 'date' : 'text';
    return [{ name, kind }];
  });
}

const CASES = INSPECTION_TYPES.flatMap((definition) =>
  Object.entries(definition.events).flatMap(([event, spec]) => textAndDateFields(spec.schema).map((field) => ({ definition, event, field }))),
);

/** The events a new inspection of its type takes at once: with these, a good value is accepted, not refused for its stage. */
const openingEvents = new Set(
  INSPECTION_TYPES.flatMap((definition) => {
    const record = InspectionRecord.start(definition, { inspectionId: 'i', providerId: PROVIDER_ID, input: simulatedValue(definition.inputSchema, '2026-01-05') as Record<string, unknown>, actor: actors.manager, now: Date.now() });
    return record.view(Date.now()).allowedDecisions.map((d) => `${definition.type}@${definition.version}:${d.event}`);
  }),
);
const OPENING_CASES = CASES.filter((c) => openingEvents.has(`${c.definition.type}@${c.definition.version}:${c.event}`));

const hostileText = fc.oneof(
  fc.constantFrom('please\u0000', 'a\ud800b', '\udc00', 'ok \ud83c\udfe5', '\u202egnp.exe', 'line\r\nbreak', '\u0007\u001b[31m', "'; DROP TABLE ledger_entries; --", ' ', ''),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ minLength: 1900, maxLength: 2100 }),
);
const hostileDate = fc.oneof(
  fc.constantFrom('1900-01-01', '0000-00-00', '2024-02-30', '2099-12-31', '1995-12-31', '2010-01-01', 'yesterday', '2026-13-01', '2025-03-03T25:00', '2025-03-03T10:00\u0000'),
  fc.date({ min: new Date('1800-01-01'), max: new Date('2300-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
);

async function startInspection(definition: (typeof INSPECTION_TYPES)[number]) {
  const inspectionId = `insp-${randomUUID()}`;
  const input = simulatedValue(definition.inputSchema, londonDateOf(Date.now())) as Record<string, unknown>;
  const args: StartInspectionInput = { inspectionId, type: definition.type, version: definition.version, providerId: PROVIDER_ID, input, createdBy: actors.manager, engineRevision: CURRENT_ENGINE_REVISION, openedOn: '2020-01-06' };
  await stack.env.client.workflow.start(INSPECTION_WORKFLOW, { workflowId: inspectionId, taskQueue: stack.worker.taskQueue, args: [args] });
  return inspectionId;
}

it(`every text and date field of every event (${CASES.length} fields, ${OPENING_CASES.length} of events a new inspection takes): accepted is recorded whole, refused changes nothing, no task fails`, async () => {
  const started: string[] = [];
  const outcomes = { accepted: 0, refused: 0 };
  await fc.assert(
    fc.asyncProperty(fc.oneof(fc.constantFrom(...OPENING_CASES), fc.constantFrom(...CASES)), fc.constantFrom('inspector', 'manager', 'provider') as fc.Arbitrary<'inspector' | 'manager' | 'provider'>, hostileText, hostileDate, async (c, role, text, date) => {
      const id = await startInspection(c.definition);
      started.push(id);
      const before = (await stack.api.call('GET', `/inspections/${id}`, { role: 'manager' })).body;
      const payload = { ...(simulatedValue(c.definition.events[c.event]!.schema, londonDateOf(Date.now())) as Record<string, unknown>), [c.field.name]: c.field.kind === 'date' ? date : text };
      const sent = c.definition.events[c.event]!.roles.includes(role) ? role : (c.definition.events[c.event]!.roles[0] as typeof role);
      const res = await stack.api.call('POST', `/inspections/${id}/decisions`, { role: sent, body: { event: c.event, ...payload } });
      expect([c.definition.type, c.event, c.field.name, res.status < 500, res.body?.error?.message ?? 'ok']).toEqual([c.definition.type, c.event, c.field.name, true, expect.any(String)]);
      const after = await eventually(async () => {
        const view = (await stack.api.call('GET', `/inspections/${id}`, { role: 'manager' })).body;
        return view.unrecordedSince === null ? view : undefined;
      });
      const ledger = await readLedger(stack.worker.db, id);
      if (res.status === 200) {
        outcomes.accepted++;
        expect(ledger.at(-1)?.seq).toBe(after.ledgerSeq); // lag 0: every entry the workflow made is in the ledger
        expect(ledger.some((e) => e.kind === 'decision.accepted')).toBe(true);
      } else {
        outcomes.refused++;
        expect([res.status, after.revision, after.ledgerSeq]).toEqual([res.status, before.revision, before.ledgerSeq]);
      }
    }),
    { numRuns: Number(process.env.HOSTILE_FIELD_RUNS ?? 300), seed: 20261207 },
  );
  expect(outcomes.accepted).toBeGreaterThan(0);
  expect(outcomes.refused).toBeGreaterThan(0);
  for (const id of started) {
    const { events } = await stack.env.client.workflow.getHandle(id).fetchHistory();
    expect([id, (events ?? []).filter((e) => e.workflowTaskFailedEventAttributes).length]).toEqual([id, 0]);
  }
}, 900_000);
