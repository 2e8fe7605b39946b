import { z } from 'zod';
import { addCalendarDays } from '../../calendar';
import { isoDate } from '../kit';
import type { ManagerPosition } from './registeredManager';
import { src002 } from './source';

/**
 * A change of the registered manager notified to Ofsted, and what it does to the centre's cycle (seed 002
 * §"Residential family centres with no registered manager"; reading: the structured reading of seed 002 §2.7, T45, T46,
 * §7.18). Pure: dates in, dates out.
 */
export const MANAGER_CHANGE_SOURCE = src002('Residential family centres with no registered manager');

const recruitmentEvidence = z.enum(['none_or_limited', 'active']);
const notified = { notifiedOn: isoDate.describe('when Ofsted was notified (the day the failure was found, if never)'), interimArrangementsSatisfactory: z.boolean() };

export const managerChange = z.discriminatedUnion('change', [
  z.strictObject({
    change: z.literal('absence'),
    from: isoDate,
    lastsDays: z.number().int().min(28, 'only an absence of 28 days or more must be notified (regulations 27 and 28)'),
    emergency: z.boolean(),
    ...notified,
  }),
  z.strictObject({ change: z.literal('left'), from: isoDate, emergency: z.boolean(), recruitmentEvidence, ...notified }),
  z.strictObject({ change: z.literal('appointed'), from: isoDate, appliedToRegister: z.boolean() }),
  z.strictObject({ change: z.literal('registered'), from: isoDate }),
]);
export type ManagerChange = z.infer<typeof managerChange>;

export interface AssessedManagerChange {
  change: ManagerChange['change'];
  from: string;
  /** The last day the responsible individual could notify Ofsted in time, where the seed sets one. */
  notifyBy: string | null;
  late: boolean;
  /** Why the next inspection is brought forward by this change, or null. */
  bringsForward: string | null;
  rule: string;
  source: string;
}

/**
 * The 28-day rule: a known absence of 28 days or more is notified at least 28 days before it starts; in an
 * emergency, within one week of it starting. The seed gives no timing for a manager leaving (domain §7.18): the same
 * rule is applied (choice), a departure being the longest absence there is. A late notification, or interim
 * arrangements that are not satisfactory, bring the next inspection forward: of the actions the seed names ("may
 * include, but are not limited to, bringing the date of the inspection forward"), the scheduler takes that one by
 * itself (choice), and a manager can still decide more.
 */
export function assessManagerChange(change: ManagerChange): AssessedManagerChange {
  if (change.change === 'appointed' || change.change === 'registered') {
    return { change: change.change, from: change.from, notifyBy: null, late: false, bringsForward: null, rule: 'A new manager: recorded for the leadership judgement (the 12-week rule to apply to register)', source: MANAGER_CHANGE_SOURCE };
  }
  const notifyBy = change.emergency ? addCalendarDays(change.from, 7) : addCalendarDays(change.from, -28);
  const late = change.notifiedOn > notifyBy;
  const what = change.change === 'absence' ? 'the manager\'s absence' : 'the manager leaving';
  const reasons = [
    ...(late ? [`${what} from ${change.from} was notified on ${change.notifiedOn}, after ${notifyBy}`] : []),
    ...(change.interimArrangementsSatisfactory ? [] : ['the management arrangements in the meantime are not satisfactory']),
  ];
  return {
    change: change.change,
    from: change.from,
    notifyBy,
    late,
    bringsForward: reasons.length > 0 ? `No registered manager: ${reasons.join('; ')}` : null,
    rule: change.emergency
      ? 'In an emergency the responsible individual notifies Ofsted within one week of the absence starting'
      : 'The responsible individual notifies Ofsted at least 28 days before a known absence of 28 days or more',
    source: MANAGER_CHANGE_SOURCE,
  };
}

/** The manager's post after a change, as the next full inspection takes it (machines/sccif-rfc/registeredManager.ts). */
export function positionAfter(position: ManagerPosition | null, change: ManagerChange): ManagerPosition | null {
  switch (change.change) {
    case 'absence':
      return position; // absent, not vacant: the 26-week rule is about failing to appoint
    case 'left':
      return { position: 'vacant', vacantSince: change.from, recruitmentEvidence: change.recruitmentEvidence };
    case 'appointed':
      return { position: 'manager_not_registered', appointedOn: change.from, appliedToRegister: change.appliedToRegister };
    case 'registered':
      return { position: 'registered_manager_in_post' };
  }
}
