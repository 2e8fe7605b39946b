import { z } from 'zod';
import { isoDate, note, payload } from '../kit';
import { type Fragment, to } from './fragment';
import { addPausedDays } from './onSite';
import { update } from './update';

export interface WellbeingPauseParams {
  /** Where the handbook says an upset staff member's activity is paused and their wellbeing contact told. */
  activitySource: string;
  /** Who the inspector asks for advice, in the handbook's words ("the duty desk", "their manager or the regional duty manager"). */
  adviceFrom: string;
  /** Absent where the handbook writes no inspection-level pause (SCCIF). */
  inspectionPause?: {
    source: string;
    /** CRCI, CMA: the duty desk liaises with the regional director, who advises on next steps. */
    regionalDirectorAdvises?: boolean;
    /** IND, AIIS: the DfE must be told. */
    dfeTold?: boolean;
    /** FES: the policy on incomplete inspections may apply; a paused inspection may end as incomplete. */
    incomplete?: { source: string };
  };
}

/**
 * The two wellbeing interrupts (reading §2.1 step 5; §7 E10 keeps them apart). An activity-level pause is recorded
 * and never stops the inspection; an inspection-level pause (`onSite.paused`) stops the on-site clock until a
 * manager resumes it, with the escalation the handbook names as required fields of the decision.
 */
export function wellbeingPauses(p: WellbeingPauseParams): Fragment {
  const pause = p.inspectionPause;
  return {
    context: { activityPauses: 0, ...(pause && { pausedOn: null, pauses: [] }) },
    states: {
      onSite: {
        states: {
          fieldwork: {
            on: {
              ACTIVITY_PAUSED_FOR_WELLBEING: { actions: update((c) => ({ activityPauses: (c.activityPauses as number) + 1 })) },
              ...(pause && {
                INSPECTION_PAUSED: {
                  target: to('paused'),
                  actions: update((c, e) => {
                    const { type: _t, actorId: _a, role: _r, recordedAt: _ra, occurredAt: _oa, ...decision } = e;
                    return { pausedOn: e.at, pauses: [...(c.pauses as unknown[]), decision] };
                  }),
                },
              }),
            },
          },
          ...(pause && {
            paused: {
              meta: { status: 'paused' },
              on: {
                INSPECTION_RESUMED: { target: to('fieldwork'), actions: addPausedDays },
                ...(pause.incomplete && { INSPECTION_DECLARED_INCOMPLETE: to('incomplete') }),
              },
            },
          }),
        },
      },
      ...(pause?.incomplete && { incomplete: { meta: { status: 'incomplete' }, type: 'final' as const } }),
    },
    events: {
      ACTIVITY_PAUSED_FOR_WELLBEING: {
        label: `Activity paused or adjusted because someone is upset; their wellbeing contact told; advice from ${p.adviceFrom}`,
        roles: ['inspector'],
        schema: payload({ summary: note, wellbeingContactTold: z.boolean() }),
        source: p.activitySource,
      },
      ...(pause && {
        INSPECTION_PAUSED: {
          label: [
            'Inspection paused (exceptional, case by case) after the lead inspector contacted the duty desk',
            pause.regionalDirectorAdvises && 'the regional director advised',
            pause.dfeTold && 'the DfE told',
          ]
            .filter(Boolean)
            .join('; '),
          roles: ['manager'],
          schema: payload({
            reason: note,
            dutyDeskContacted: z.literal(true),
            ...(pause.regionalDirectorAdvises && { regionalDirectorAdvice: note }),
            ...(pause.dfeTold && { dfeToldOn: isoDate }),
          }),
          source: pause.source,
        },
        INSPECTION_RESUMED: {
          label: 'Paused inspection resumes; the on-site clock is extended by the pause',
          roles: ['manager'],
          schema: payload({}),
          source: `${pause.source}; seed 003 reading §7 E08 (only a duty-desk decision resumes)`,
        },
      }),
      ...(pause?.incomplete && {
        INSPECTION_DECLARED_INCOMPLETE: {
          label: 'Paused inspection declared incomplete (policy on incomplete inspections)',
          roles: ['manager'],
          schema: payload({ reason: note }),
          source: pause.incomplete.source,
        },
      }),
    },
  };
}
