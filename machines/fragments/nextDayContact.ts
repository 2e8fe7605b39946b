import { type InspectionEvent, note, payload } from '../kit';
import { type Fragment, to } from './fragment';
import { type FragmentContext, update } from './update';

export interface NextDayContactParams {
  source: string;
  /** Who handles it, in the handbook's words ("an inspector independent of the inspection", "a RIM separate from the inspection"). */
  handledBy: string;
  /**
   * Who counts as part of the inspection, where more than the lead inspector does (the SCCIF's "a RIM who is independent
   * of the inspection": the inspector's own RIM too). Left out: the lead inspector only, as before.
   */
  independentOf?: InspectionPeople;
}

export interface InspectionPeople {
  /** In words, for the event's label and the refusal: "the inspection's own inspector or their RIM". */
  who: string;
  /** The ids of those people, from the context (ids not yet known are null and ignored). */
  ids: (context: FragmentContext) => readonly unknown[];
}

const LEAD_INSPECTOR: InspectionPeople = { who: 'the lead inspector', ids: (context) => [context.leadInspectorId] };

/**
 * The next-working-day concern contact (reading §2.1 step 8; §3 T06): `reporting.nextDayContact` is a window of the
 * working day after the end of the inspection. A concern raised in it goes to `reporting.concernRouting` until a
 * manager routes it to someone independent of the inspection: the person who gave the feedback (and anyone else
 * `independentOf` names) is refused.
 */
export function nextDayContact(p: NextDayContactParams): Fragment {
  const people = p.independentOf ?? LEAD_INSPECTOR;
  const notIndependent = (context: FragmentContext, handlerId: unknown) =>
    people.ids(context).includes(handlerId) ? `the concern must go to ${p.handledBy}: ${String(handlerId)} is ${people.who}` : null;
  // Two names, so the chart says which rule it checks.
  const independent = p.independentOf
    ? function handlerIsIndependentOfTheInspection({ context, event }: { context: FragmentContext; event: { handlerId?: unknown } }) {
        return notIndependent(context, event.handlerId) === null;
      }
    : function handlerIsNotTheLeadInspector({ context, event }: { context: FragmentContext; event: { handlerId?: unknown } }) {
        return notIndependent(context, event.handlerId) === null;
      };
  return {
    context: { concerns: [] },
    states: {
      reporting: {
        initial: 'nextDayContact',
        states: {
          nextDayContact: {
            meta: { status: 'next_day_contact_open' },
            on: {
              CONCERN_RAISED: {
                target: to('concernRouting'),
                actions: update((c, e) => ({ concerns: [...(c.concerns as unknown[]), { raisedOn: e.at, summary: e.summary, handlerId: null }] })),
              },
              NEXT_DAY_CONTACT_CLOSED: to('qualityAssurance'),
            },
          },
          concernRouting: {
            meta: { status: 'concern_being_routed' },
            on: {
              CONCERN_ROUTED: {
                guard: independent,
                target: to('qualityAssurance'),
                actions: update((c, e) => {
                  const concerns = [...(c.concerns as Record<string, unknown>[])];
                  concerns[concerns.length - 1] = { ...concerns[concerns.length - 1], handlerId: e.handlerId, routedOn: e.at };
                  return { concerns };
                }),
              },
            },
          },
        },
      },
    },
    events: {
      CONCERN_RAISED: {
        label: 'Provider raises a concern informally on the working day after the inspection',
        roles: ['provider'],
        schema: payload({ summary: note }),
        source: p.source,
      },
      CONCERN_ROUTED: {
        label: `Concern routed to ${p.handledBy} (never ${people.who})`,
        roles: ['manager'],
        schema: payload({ handlerId: note }),
        source: p.source,
        ...(p.independentOf && { breaks: (context: FragmentContext, event: InspectionEvent) => notIndependent(context, event.handlerId) }),
      },
    },
    clocks: [
      {
        id: 'nextDayContact',
        label: 'Informal concern contact on the working day after',
        runsIn: ['reporting.nextDayContact'],
        anchor: 'feedbackDate',
        length: 1,
        unit: 'workingDays',
        kind: 'window',
        onExpiry: 'NEXT_DAY_CONTACT_CLOSED',
        rule: 'The provider may contact Ofsted on the working day after the end of the inspection',
        source: p.source,
        reading: 'A window that closes at the end of the next working day (reading §7 E02); later concerns go to draft comments or a formal complaint.',
      },
    ],
  };
}
