import { type z } from 'zod';
import { type ClockSpec, note, payload } from '../kit';
import { type Fragment, to } from './fragment';
import { type Refusal, heldBy } from './refusal';
import { type FragmentContext, update } from './update';

export interface NotificationParams {
  /** Absent where the remit arrives unannounced (SCCIF children's homes): then `unannounced` is required. */
  call?: {
    /** Where the handbook describes the notification call (and the wellbeing check, if in another place). */
    source: string;
    wellbeingSource?: string;
    /** Who the call goes to, in the handbook's words ("the headteacher", "the senior leader"). */
    calledLeader: string;
    /** What else the call records (FES: the inspection nominee). */
    fields?: z.ZodRawShape;
    /** A call the lead inspector must make after notifying (FES: "the nominee, by the following morning at the latest"). */
    followUpCall?: { withWhom: string; workingDays: number; source: string; reading?: string };
    /** A rule the notification must keep, from what it records (FES v2: an enhanced inspection names its skills nominee). */
    notifiedOnlyIf?: Refusal;
    /** A rule that must hold before the on-site inspection starts (SMH v2: a due closure check decided). */
    startsOnlyIf?: Refusal;
    /** The notice the handbook gives: the on-site inspection starts this many working days after the call. */
    notice?: readonly NoticePeriod[];
  };
  /** Set when the handbook lets Ofsted arrive without notice: the wellbeing contact is then taken at the start. */
  unannounced?: { source: string; fields?: z.ZodRawShape };
}

/**
 * A notice period: for the inspections it applies to, the on-site inspection starts within `workingDays` of the
 * notification call. A target ("we will normally notify"): a start later than that is a breach, and moves nothing.
 */
export interface NoticePeriod {
  /** The clock's id; its anchor is `<id>From`, set at the call when the period applies. */
  id: string;
  /** Which inspections it applies to (named, so the catalogue can say); absent: every notified inspection. */
  appliesTo?: (context: FragmentContext) => boolean;
  /** Whom it applies to, in words ("a full inspection of a college"). */
  of: string;
  workingDays: number;
  /** The handbook's own words for the notice. */
  rule: string;
  source: string;
  reading?: string;
}

/**
 * The notification call with the leader's wellbeing contact recorded (seed 003 reading §2.1 step 1; §8 rule 4),
 * and the start of the on-site inspection. States: `scheduled` → `notified` → `onSite`, or `scheduled` → `onSite`
 * unannounced. The wellbeing contact is required: E24 lets it be "declined" or "unknown", never left out.
 */
export function notification(p: NotificationParams): Fragment {
  if (!p.call && !p.unannounced) throw new Error('notification: a call, an unannounced start, or both');
  const wellbeing = { wellbeingContact: note.describe('who is responsible for the leader\'s wellbeing, or "declined" / "unknown"') };
  const { call, unannounced } = p;
  const follow = call?.followUpCall;
  const notice = call?.notice ?? [];
  const noticeFrom = (n: NoticePeriod) => `${n.id}From`;
  const details = (e: Record<string, unknown>, shape: z.ZodRawShape = {}) => Object.fromEntries(Object.keys(shape).map((k) => [k, e[k] ?? null]));
  return {
    context: {
      notifiedOn: null,
      notifiedAt: null,
      wellbeingContact: null,
      onSiteStartedOn: null,
      unannounced: false,
      ...details({}, call?.fields),
      ...details({}, unannounced?.fields),
      ...(follow && { followUpCallDueFrom: null }),
      ...Object.fromEntries(notice.map((n) => [noticeFrom(n), null])),
    },
    states: {
      scheduled: {
        meta: { status: 'scheduled' },
        on: {
          ...(call && {
            NOTIFIED: {
              ...(call.notifiedOnlyIf && { guard: heldBy(call.notifiedOnlyIf) }),
              target: to('notified'),
              actions: update((c, e) => ({
                ...Object.fromEntries(notice.map((n) => [noticeFrom(n), !n.appliesTo || n.appliesTo(c) ? e.at : null])),
                notifiedOn: e.at,
                notifiedAt: e.occurredAt,
                wellbeingContact: e.wellbeingContact,
                ...details(e, call.fields),
                ...(follow && { followUpCallDueFrom: e.at }),
              })),
            },
          }),
          ...(unannounced && {
            INSPECTION_STARTED_UNANNOUNCED: {
              target: to('onSite'),
              actions: update((_c, e) => ({ onSiteStartedOn: e.at, wellbeingContact: e.wellbeingContact, unannounced: true, ...details(e, unannounced.fields) })),
            },
          }),
        },
      },
      ...(call && {
        notified: {
          meta: { status: 'notified' },
          on: {
            INSPECTION_STARTED: {
              ...(call.startsOnlyIf && { guard: heldBy(call.startsOnlyIf) }),
              target: to('onSite'),
              actions: update((_c, e) => ({ onSiteStartedOn: e.at })),
            },
            ...(follow && { FOLLOW_UP_CALL_MADE: { actions: update(() => ({ followUpCallDueFrom: null })) } }),
          },
        },
      }),
    },
    events: {
      ...(call && {
        NOTIFIED: {
          label: `Notification call made to ${call.calledLeader}; wellbeing checked and the wellbeing contact recorded`,
          roles: ['inspector'],
          schema: payload({ ...wellbeing, ...call.fields }),
          source: [call.source, call.wellbeingSource].filter(Boolean).join('; '),
          ...(call.notifiedOnlyIf && { breaks: call.notifiedOnlyIf }),
        },
        INSPECTION_STARTED: {
          label: 'On-site inspection starts',
          roles: ['inspector'],
          schema: payload({}),
          source: call.source,
          ...(call.startsOnlyIf && { breaks: call.startsOnlyIf }),
        },
      }),
      ...(follow && {
        FOLLOW_UP_CALL_MADE: { label: `Lead inspector contacts ${follow.withWhom}`, roles: ['inspector'], schema: payload({}), source: follow.source },
      }),
      ...(unannounced && {
        INSPECTION_STARTED_UNANNOUNCED: {
          label: 'Inspection starts without notice; the wellbeing contact is taken at the start',
          roles: ['inspector'],
          schema: payload({ ...wellbeing, ...unannounced.fields }),
          source: `${unannounced.source}; seed 003 reading §7 E27 (the notification checklist moves to the start)`,
        },
      }),
    },
    clocks: [
      ...(follow ? [followUpCallClock(follow)] : []),
      ...notice.map(
        (n): ClockSpec => ({
          id: n.id,
          label: `On-site inspection starts after the notice (${n.of})`,
          runsIn: ['notified', 'deferralRequested'],
          anchor: noticeFrom(n),
          length: n.workingDays,
          unit: 'workingDays',
          kind: 'target',
          rule: n.rule,
          source: n.source,
          ...(n.reading && { reading: n.reading }),
        }),
      ),
    ],
  };
}

function followUpCallClock(follow: NonNullable<NonNullable<NotificationParams['call']>['followUpCall']>): ClockSpec {
  return {
    id: 'followUpCall',
    label: `Call to ${follow.withWhom}`,
    runsIn: ['notified', 'deferralRequested'],
    anchor: 'followUpCallDueFrom',
    length: follow.workingDays,
    unit: 'workingDays',
    kind: 'target',
    rule: `The lead inspector contacts ${follow.withWhom} within ${follow.workingDays} working day(s) of the notification`,
    source: follow.source,
    ...(follow.reading && { reading: follow.reading }),
  };
}
