import { z } from 'zod';
import { defineInspection, isLateRequest, mergeFragments, notification, stateAt, to } from '../../machines/fragments';
import { payload } from '../../machines/kit';
import { schoolMonitoringInspection2024 } from '../../machines/school-monitoring/inspection';
import { PureDriver, refusal } from '../support/pureDriver';

/** The fragment kit's own rules: what it refuses when building a type, and the rules it carries into every type. */
const SOURCE = 'seed 003 test';
const event = (label: string) => ({ label, roles: ['manager' as const], schema: payload({}), source: SOURCE });

describe('mergeFragments', () => {
  it('joins the transitions two fragments give the same state', () => {
    const merged = mergeFragments(
      { states: stateAt('onSite.fieldwork', { meta: { status: 'on_site' }, on: { A: to('done') } }) },
      { states: stateAt('onSite.fieldwork', { on: { B: to('done') } }) },
    );
    expect(Object.keys(merged.states.onSite!.states!.fieldwork!.on!)).toEqual(['A', 'B']);
  });

  it.each([
    ['an event', { events: { A: event('a') } }, { events: { A: event('again') } }, 'event "A" declared twice'],
    ['a context field', { context: { x: 1 } }, { context: { x: 2 } }, 'context field "x" declared twice'],
    ['a transition', { states: { s: { on: { A: 't' } } } }, { states: { s: { on: { A: 'u' } } } }, 'state "s": transition on A declared twice'],
    ['a status', { states: { s: { meta: { status: 'one' } } } }, { states: { s: { meta: { status: 'two' } } } }, 'state "s": meta set twice'],
  ])('refuses %s declared twice', (_what, a, b, message) => {
    expect(() => mergeFragments(a, b)).toThrow(message);
  });
});

describe('defineInspection', () => {
  const base = { type: 't', version: 1, title: 't', framework: SOURCE, inForceFrom: '2024-01-19', id: 't', inputSchema: z.strictObject({}) };
  it('refuses a target that names no state', () => {
    expect(() => defineInspection({ ...base, fragments: [{ states: { scheduled: { meta: { status: 's' }, on: { GO: to('nowhere') } } } }] })).toThrow('target #nowhere: no such state');
  });
  it('refuses a state key used twice, which would make targets ambiguous', () => {
    const states = { scheduled: { meta: { status: 's' } }, onSite: { states: { scheduled: { meta: { status: 'x' } } } } };
    expect(() => defineInspection({ ...base, fragments: [{ states }] })).toThrow('state key "scheduled" used twice');
  });
  it('refuses a notification with neither a call nor an unannounced start', () => {
    expect(() => notification({})).toThrow('a call, an unannounced start, or both');
  });
});

describe('the 4.30pm deferral cut-off (reading §3 T02, §7 E06)', () => {
  it.each([
    ['2025-01-06T16:29:00.000Z', false], // 4.29pm GMT
    ['2025-01-06T16:31:00.000Z', true],
    ['2025-07-07T15:29:00.000Z', false], // 4.29pm BST
    ['2025-07-07T15:31:00.000Z', true],
    ['2025-01-07T09:00:00.000Z', true], // the next day
  ])('a request recorded at %s is late: %s', (recordedAt, late) => {
    expect(isLateRequest(recordedAt.startsWith('2025-01-07') ? '2025-01-06' : recordedAt.slice(0, 10), recordedAt)).toBe(late);
  });
});

describe('rules the fragments carry into a type (school monitoring)', () => {
  const notified = () => {
    const d = new PureDriver(schoolMonitoringInspection2024, '2025-01-06', { kind: 'routine' });
    d.send('inspector', '2025-01-06', 'NOTIFIED', { wellbeingContact: 'the local authority' });
    return d;
  };

  it('refuses a notification without the wellbeing contact', () => {
    const d = new PureDriver(schoolMonitoringInspection2024, '2025-01-06');
    expect(refusal(() => d.send('inspector', '2025-01-06', 'NOTIFIED'))).toMatchObject({ code: 'invalid_payload' });
  });

  it('refuses a pause without the duty desk, and a routine monitoring inspection deemed graded', () => {
    const d = notified();
    d.send('inspector', '2025-01-07', 'INSPECTION_STARTED');
    expect(refusal(() => d.send('manager', '2025-01-07', 'INSPECTION_PAUSED', { reason: 'incident' }))).toMatchObject({ code: 'invalid_payload' });
    d.send('inspector', '2025-01-08', 'FIELDWORK_COMPLETED');
    const deemed = { leadersTakingEffectiveAction: true, deemedGraded: { overallEffectiveness: 'good', safeguardingEffective: true } };
    expect(refusal(() => d.send('inspector', '2025-01-08', 'FEEDBACK_GIVEN', { judgements: deemed }))).toMatchObject({ code: 'not_allowed_now' });
  });

  it('does not record judgements before the feedback meeting', () => {
    const d = notified();
    d.send('inspector', '2025-01-07', 'INSPECTION_STARTED');
    expect(refusal(() => d.send('inspector', '2025-01-07', 'FEEDBACK_GIVEN', { judgements: { leadersTakingEffectiveAction: true } }))).toMatchObject({ code: 'not_allowed_now' });
  });
});
