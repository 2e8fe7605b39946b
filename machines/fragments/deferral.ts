import { z } from 'zod';
import { isIsoDate, startOfLondonDay } from '../../calendar';
import { isoDate, note, payload } from '../kit';
import { type Fragment, to } from './fragment';
import { type FragmentContext, type FragmentGuard, update } from './update';

export interface DeferralParams {
  source: string;
  /** The skeleton state (by id) in which a request may be made: `notified` (the default) or `fieldwork` (SCCIF: "start of the inspection"). */
  requestableIn?: 'notified' | 'fieldwork';
  /** Set where the handbook says requests after 4.30pm on notification day are "not normally considered". */
  cutOff?: { source: string };
  /**
   * Set where a refusal can end the process (OLP: consent withheld, the application is treated as withdrawn); `when`
   * limits it to the inspections it is written for (OLP: accreditation visits, which have an application).
   */
  withdrawal?: { label: string; source: string; when?: FragmentGuard };
}

const CUT_OFF_MINUTES = 16 * 60 + 30;

/**
 * A request is late when it reaches Ofsted after 4.30pm (Europe/London) on the notification day, or on a later day.
 * `occurredAt` is the instant it arrived, or its date alone when entered later without a time: then only a later day
 * makes it late (reading: a request dated the notification day, time unknown, is not held to be after the cut-off).
 */
export function isLateRequest(notifiedOn: string, occurredAt: string): boolean {
  if (isIsoDate(occurredAt)) return occurredAt > notifiedOn;
  return Date.parse(occurredAt) > startOfLondonDay(notifiedOn) + CUT_OFF_MINUTES * 60_000;
}

/**
 * The deferral window (reading §2.1 step 2, §8 rule 1): a request passed to the duty desk, decided by a manager
 * under the deferral policy. Granted: back to `scheduled` for a new notification. Refused: the inspection goes on
 * from where it was. With a cut-off, a late request is marked and may be granted only with the reason it was
 * considered anyway (reading §7 E06: never auto-reject a late request; the duty desk overrides).
 */
export function deferral(p: DeferralParams): Fragment {
  const from = p.requestableIn ?? 'notified';
  const lateIsConsidered = function lateRequestConsideredWithReason({ context, event }: { context: FragmentContext; event: { lateRequestConsideredBecause?: unknown } }) {
    return !context.deferralRequestLate || typeof event.lateRequestConsideredBecause === 'string';
  };
  const requestSource = p.cutOff ? `${p.source}; ${p.cutOff.source}` : p.source;
  return {
    context: { deferrals: 0, deferralRequestLate: false },
    states: {
      ...(from === 'notified'
        ? { notified: { on: { DEFERRAL_REQUESTED: request(Boolean(p.cutOff)) } } }
        : { onSite: { states: { fieldwork: { on: { DEFERRAL_REQUESTED: request(false) } } } } }),
      deferralRequested: {
        meta: { status: 'deferral_requested' },
        on: {
          DEFERRAL_GRANTED: {
            guard: lateIsConsidered,
            target: to('scheduled'),
            actions: update((c) => ({ deferrals: (c.deferrals as number) + 1, deferralRequestLate: false, notifiedOn: null, notifiedAt: null })),
          },
          DEFERRAL_REFUSED: { target: to(from), actions: update(() => ({ deferralRequestLate: false })) },
          ...(p.withdrawal && { CONSENT_WITHHELD: p.withdrawal.when ? { guard: p.withdrawal.when, target: to('withdrawn') } : to('withdrawn') }),
        },
      },
      ...(p.withdrawal && { withdrawn: { meta: { status: 'withdrawn' }, type: 'final' as const } }),
    },
    events: {
      DEFERRAL_REQUESTED: {
        label: p.cutOff ? 'Deferral requested (after 4.30pm on notification day it is marked late); passed to the duty desk' : 'Deferral requested; passed to the duty desk',
        roles: ['provider', 'inspector'],
        schema: payload({ reason: note }),
        source: requestSource,
      },
      DEFERRAL_GRANTED: {
        label: 'Duty desk grants the deferral (deferral policy); a late request needs the reason it was considered',
        roles: ['manager'],
        schema: payload({ newDate: isoDate.optional(), lateRequestConsideredBecause: note.optional() }),
        source: p.cutOff ? `${requestSource}; seed 003 reading §7 E06` : p.source,
      },
      DEFERRAL_REFUSED: { label: 'Deferral refused; the inspection goes ahead', roles: ['manager'], schema: payload({}), source: p.source },
      ...(p.withdrawal && {
        CONSENT_WITHHELD: { label: p.withdrawal.label, roles: ['provider', 'manager'], schema: payload({ confirmed: z.literal(true) }), source: p.withdrawal.source },
      }),
    },
  };

  function request(withCutOff: boolean) {
    return {
      target: to('deferralRequested'),
      actions: update((c, e) => ({ deferralRequestLate: withCutOff && isLateRequest(c.notifiedOn as string, e.occurredAt) })),
    };
  }
}
