import type { z } from 'zod';
import { payload } from '../kit';
import { type Fragment, to } from './fragment';
import { type FragmentGuard, update } from './update';

export interface FeedbackParams {
  /** The provisional judgements given (a strict zod object), or nothing where the visit has findings only. */
  judgements?: z.ZodType;
  judgementsSource: string;
  /**
   * Where final judgements are made: at the final team meeting at the end of the last on-site day (IND, ECF, ITE, FES
   * by their team meetings), or at the feedback meeting itself (CMA, SCCIF). Either way no judgement is recorded
   * before that point (reading §3 T10: a gate).
   */
  judgementsMadeAt: 'finalTeamMeeting' | 'feedbackMeeting';
  feedbackSource: string;
  /** Where the decision made at feedback leads; the next-day contact (`nextDayContact`) unless the type adds a branch. */
  next?: string;
  /** Fields a type adds to the decision that records the judgements (FES: the short-inspection outcome). */
  extraFields?: z.ZodRawShape;
  /**
   * Feedback outcomes that lead elsewhere than the report chain, tried first (FES: a short inspection extended into a
   * full one goes back on site). Each names its guard, target state id and what it records.
   */
  otherOutcomes?: readonly { guard: FragmentGuard; target: string; actions: unknown }[];
  /** What that decision must satisfy beyond its schema (FES: the outcome fits the kind of inspection). */
  judgementsGuard?: FragmentGuard;
}

/**
 * Final judgements and feedback (reading §2.1 steps 4 and 6). From `onSite.fieldwork` the team meets
 * (`FINAL_TEAM_MEETING_HELD`, judgements made) or the fieldwork ends (`FIELDWORK_COMPLETED`); then `onSite.awaitingFeedback`
 * until `FEEDBACK_GIVEN`. The feedback day is the end of the inspection (`feedbackDate`, reading §3 T38), which anchors
 * every report clock; the lead inspector is the one who gives it (`leadInspectorId`: the next-day contact must be someone else).
 */
export function judgementsAndFeedback(p: FeedbackParams): Fragment {
  const judgementField: z.ZodRawShape = p.judgements ? { judgements: p.judgements } : {};
  const atMeeting = p.judgementsMadeAt === 'finalTeamMeeting';
  const extra = Object.keys(p.extraFields ?? {});
  const recordJudgements = update((_c, e) => ({
    provisionalJudgements: e.judgements ?? null,
    judgements: e.judgements ?? null,
    ...Object.fromEntries(extra.map((k) => [k, e[k] ?? null])),
  }));
  const guarded = p.judgementsGuard ? { guard: p.judgementsGuard } : {};
  return {
    context: { provisionalJudgements: null, judgements: null, feedbackDate: null, leadInspectorId: null, ...Object.fromEntries(extra.map((k) => [k, null])) },
    states: {
      onSite: {
        states: {
          fieldwork: {
            on: atMeeting
              ? { FINAL_TEAM_MEETING_HELD: { ...guarded, target: to('awaitingFeedback'), actions: recordJudgements } }
              : { FIELDWORK_COMPLETED: to('awaitingFeedback') },
          },
          awaitingFeedback: {
            meta: { status: 'awaiting_feedback' },
            on: {
              FEEDBACK_GIVEN: [
                ...(p.otherOutcomes ?? []).map((o) => ({ guard: o.guard, target: to(o.target), actions: o.actions })),
                {
                  ...(atMeeting ? {} : guarded),
                  target: to(p.next ?? 'nextDayContact'),
                  actions: [...(atMeeting ? [] : [recordJudgements]), update((_c, e) => ({ feedbackDate: e.at, leadInspectorId: e.actorId }))],
                },
              ],
            },
          },
        },
      },
    },
    events: {
      ...(atMeeting
        ? {
            FINAL_TEAM_MEETING_HELD: {
              label: 'Final team meeting at the end of the last on-site day: final (provisional) judgements made',
              roles: ['inspector'],
              schema: payload({ ...judgementField, ...p.extraFields }),
              source: p.judgementsSource,
            },
          }
        : {
            FIELDWORK_COMPLETED: {
              label: 'Fieldwork over; the inspector may take advice before feedback',
              roles: ['inspector'],
              schema: payload({}),
              source: p.feedbackSource,
            },
          }),
      FEEDBACK_GIVEN: {
        label: atMeeting
          ? 'Feedback meeting held (attendance voluntary): provisional judgements and the routes for concerns given'
          : 'Feedback meeting held (attendance voluntary): judgements made and given as provisional',
        roles: ['inspector'],
        schema: payload(atMeeting ? {} : { ...judgementField, ...p.extraFields }),
        source: atMeeting ? p.feedbackSource : `${p.feedbackSource}; ${p.judgementsSource}`,
      },
    },
  };
}
