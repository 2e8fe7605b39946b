import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { addWorkingDays } from '../../calendar';
import { loadReadings } from '../../config/readings';
import { useApiStack } from '../support/apiServer';
import { eventually } from '../support/eventually';
import { PROVIDER_ID } from '../support/pureDriver';

/**
 * A reading set by an operator (READINGS_FILE, machines/readings.ts) through the whole stack: shown in the catalogue,
 * taken by an inspection started after it, kept in its audit trail. A rule cannot be set that way.
 */
const SETTINGS = { 'online-provider-visit/visitNotice': { length: 3, unit: 'workingDays' as const } };
const stack = useApiStack({ readings: SETTINGS });

it('loads a readings file, and refuses one that sets a rule, saying which', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'readings-'));
  const good = path.join(dir, 'good.json');
  await writeFile(good, JSON.stringify(SETTINGS));
  expect(await loadReadings(good)).toEqual(SETTINGS);
  const bad = path.join(dir, 'bad.json');
  await writeFile(bad, JSON.stringify({ 'ecf-lead-provider/publication': { length: 40, unit: 'workingDays' } }));
  await expect(loadReadings(bad)).rejects.toThrow(/READINGS_FILE .*bad\.json: "ecf-lead-provider\/publication" is a rule the seed states/);
  await expect(loadReadings(path.join(dir, 'missing.json'))).rejects.toThrow(/cannot be read: ENOENT/);
  expect(await loadReadings(undefined)).toEqual({});
});

it('an inspection started after a reading is set counts with it, and its audit trail says so', async () => {
  const types = (await stack.api.call('GET', '/types')).body.types as { type: string; latestRevision: boolean; clocks: { id: string; basis: string; configured?: unknown }[] }[];
  const visit = types.find((t) => t.type === 'online-provider-visit' && t.latestRevision)!;
  expect(visit.clocks.find((c) => c.id === 'visitNotice')).toMatchObject({ basis: 'reading', configured: { length: 3, unit: 'workingDays' } });

  const started = await stack.api.call('POST', '/inspections', { role: 'manager', body: { type: 'online-provider-visit', providerId: PROVIDER_ID, kind: 'accreditation' } });
  expect(started.status).toBe(201);
  const id = started.body.inspectionId as string;
  const notified = await stack.api.call('POST', `/inspections/${id}/decisions`, { role: 'inspector', body: { event: 'NOTIFIED', wellbeingContact: 'deputy head' } });
  expect(notified.status).toBe(200);
  const notice = (notified.body.deadlines as { clock: string; due: string }[]).find((d) => d.clock === 'visitNotice');
  expect(notice?.due).toBe(addWorkingDays(notified.body.facts.notifiedOn as string, 3));

  const first = await eventually(async () => (await stack.api.call('GET', `/inspections/${id}/audit`, { role: 'auditor' })).body.entries?.[0]);
  expect(first).toMatchObject({ kind: 'inspection.started', data: { readings: { visitNotice: { length: 3, unit: 'workingDays' } } } });
});
