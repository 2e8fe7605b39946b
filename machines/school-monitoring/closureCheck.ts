import { z } from 'zod';
import { addCalendarMonths } from '../../calendar';
import { isoDate, note, payload } from '../kit';
import { type Fragment, type FragmentContext, type Refusal, heldBy, reading, to, update } from '../fragments';

/**
 * The closure check (seed 003 SMH §"Requests for inspections to be deferred or cancelled"; reading §3 T42, §7 E29):
 * "If a school is within 6 months of confirmed closure, and this is evidenced in a funding agreement, for example, but
 * the school does not request a cancellation when notified of an inspection, the lead inspector will call the
 * regional duty desk to highlight this and get advice about whether the inspection should still be carried out."
 */
export const CLOSURE_MONTHS = 6;

/** The confirmed closure, given when the inspection is started (reading §7 E29: closure date and evidence as data). */
export const confirmedClosure = z.strictObject({
  closesOn: isoDate.describe('the date the school closes'),
  evidence: note.describe('what confirms it, e.g. the funding agreement'),
});
type ConfirmedClosure = z.infer<typeof confirmedClosure>;
type ClosureAdvice = { advice: 'proceed' | 'do_not_proceed'; forNotificationOn: string; recordedOn: string };

/** What the notification call records for the check: whether the school asked then for the inspection to be cancelled. */
export const cancellationAskedAtCall = {
  cancellationRequested: z.boolean().optional().describe('the school asked at the call for the inspection to be cancelled (its request then goes to the duty desk as a deferral or cancellation request)'),
};

/**
 * Due when, at the notification, the closure date is no more than 6 calendar months away (or already passed) and the
 * school did not ask for cancellation. Choice: a closure date already past counts as "within" (reading §7 E29:
 * `closureDate - inspectionDate ≤ 6 months`); the months are calendar months (docs/ARCHITECTURE.md §4).
 */
export function closureCheckDue(context: FragmentContext): boolean {
  const closure = context.confirmedClosure as ConfirmedClosure | null;
  const notifiedOn = context.notifiedOn as string | null;
  return Boolean(closure && notifiedOn && context.cancellationRequested !== true && closure.closesOn <= addCalendarMonths(notifiedOn, CLOSURE_MONTHS));
}

/** The advice recorded for this notification (a deferral and a new notification ask again). */
const adviceForThisNotification = (context: FragmentContext) => {
  const advice = context.closureAdvice as ClosureAdvice | null;
  return advice && advice.forNotificationOn === context.notifiedOn ? advice : null;
};

export const closureCheckDecidedBeforeTheStart: Refusal = function closureCheckDecidedBeforeTheStart(context) {
  if (!closureCheckDue(context) || adviceForThisNotification(context)) return null;
  const closure = context.confirmedClosure as ConfirmedClosure;
  return `the school closes on ${closure.closesOn}, within ${CLOSURE_MONTHS} months of the notification, and did not ask for cancellation: record the regional duty desk's advice (CLOSURE_CHECK_ADVICE_RECORDED) before the inspection starts`;
};

const closureCheckOpen: Refusal = function closureCheckOpen(context) {
  if (!closureCheckDue(context)) return `no closure check is due: it is for a school within ${CLOSURE_MONTHS} months of confirmed closure (given at the start) that did not ask for cancellation when notified`;
  const advice = adviceForThisNotification(context);
  return advice ? `the duty desk's advice (${advice.advice}) is already recorded for this notification` : null;
};

const notToProceed: Refusal = function dutyDeskAdvisesNotToProceed(_context, event) {
  return event.advice === 'do_not_proceed' ? null : 'the advice is to proceed';
};

export function closureCheck(source: string): Fragment {
  const record = update((c, e) => ({ closureAdvice: { advice: e.advice as ClosureAdvice['advice'], forNotificationOn: c.notifiedOn as string, recordedOn: e.at } satisfies ClosureAdvice }));
  return {
    context: { closureAdvice: null, cancelledOn: null },
    states: {
      notified: {
        on: {
          CLOSURE_CHECK_ADVICE_RECORDED: [
            { guard: heldBy(closureCheckOpen, notToProceed), target: to('cancelled'), actions: [record, update((_c, e) => ({ cancelledOn: e.at }))] },
            { guard: heldBy(closureCheckOpen), actions: record },
          ],
        },
      },
      cancelled: { meta: { status: 'cancelled' }, type: 'final' },
    },
    events: {
      CLOSURE_CHECK_ADVICE_RECORDED: {
        label: "Lead inspector records the regional duty desk's advice on a school within 6 months of confirmed closure: proceed, or do not proceed (the inspection is cancelled)",
        roles: ['inspector'],
        schema: payload({ advice: z.enum(['proceed', 'do_not_proceed']), summary: note.optional() }),
        source: `${source}; ${reading('§3 T42, §4.2 closureCheckAdvice, §7 E29')}`,
        reading: `Due only at a notification while the school's confirmed closure is at most ${CLOSURE_MONTHS} calendar months away and it did not ask for cancellation at the call; refused otherwise. "Do not proceed" ends the inspection as cancelled, with the advice kept. A school that asks for cancellation at the call (NOTIFIED.cancellationRequested) has its request decided by the duty desk under the deferral policy instead (DEFERRAL_REQUESTED), so no check is asked of it; a deferral and a new notification ask again.`,
        breaks: closureCheckOpen,
      },
    },
  };
}
