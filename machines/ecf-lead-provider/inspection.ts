import { z } from 'zod';
import { payload } from '../kit';
import { SEED_003, SEED_003_IN_FORCE_FROM, type Fragment, type FragmentGuard, defineInspection, handbookSource, inspectionSkeleton, reading, stateAt, to, update } from '../fragments';
import { ECF_KINDS, ecfJudgements, ecfOutcome, fullInspectionJudgements, lpmvJudgement } from './judgements';

/**
 * ECF and NPQ lead providers: full inspections and lead provider monitoring visits (LPMVs, ending in an LPMV letter)
 * (seed 003 ECF; reading §2.6). One type with a `kind`: "the same timings apply to the LPMV letter", and the page
 * gives both one lifecycle; they differ in what the final team meeting decides (grades, or whether leaders are taking
 * effective action) and on which day (end of day 4, end of day 3). The day numbers are the handbook's scheduling
 * pattern, not a clock here: the planning days around them are ambiguous (reading §7 E15), so the machine gates the
 * judgements on the final team meeting (reading §3 T10) and the early warning records its day.
 * Report: draft within 18, comments 5, final within 30 and publication within 38 working days of the end.
 */
const src = handbookSource('ECF');
const reports = src('Arrangements for publishing the report', 'Arrangements for publishing the LPMV letter');

const isFull: FragmentGuard = function fullInspection({ context }) {
  return context.kind === 'full';
};
const fitsKind: FragmentGuard = function judgementsFitTheKind({ context, event }) {
  return (context.kind === 'full') === fullInspectionJudgements.safeParse(event.judgements).success;
};

/**
 * The January 2024 framework at revision 1 and revision 2, which adds the formal complaint on receiving the final report
 * or LPMV letter (no deadline: ECF §"Handling concerns and complaints"), a rule of the same page revision 1 left out.
 * Publication still happens by itself on its 38th working day with a complaint under review: it does not wait for the
 * answer. One definition with the revision as its parameter; revision 1 is exactly what it was.
 */
export function ecfLeadProviderInspection(machineRevision: 1 | 2) {
  const r2 = machineRevision === 2;
  return defineInspection({
  type: 'ecf-lead-provider',
  version: 1,
  machineRevision,
  ...(r2 && {
    revisionNote: 'adds the formal complaint on receiving the final report or LPMV letter; publication does not wait for it',
    migratesFrom: { revisions: [1], note: 'a formal complaint may follow the final report; publication on its 38th working day goes ahead with one under review' },
  }),
  title: r2
    ? 'ECF and NPQ lead provider: full inspection or monitoring visit, with the formal complaint'
    : 'ECF and NPQ lead provider: full inspection or monitoring visit (January 2024)',
  framework: `${SEED_003} ECF`,
  inForceFrom: SEED_003_IN_FORCE_FROM,
  id: 'ecfLeadProvider',
  inputSchema: z.strictObject({ kind: z.enum(ECF_KINDS).optional().describe('full inspection (the default) or monitoring visit (LPMV)') }),
  inputDefaults: { kind: 'full' },
  gradeField: 'grade',
  endDateField: 'feedbackDate',
  fragments: [
    ...inspectionSkeleton({
      notification: {
        call: {
          source: src('Preparation', 'The reflective, educationally focused conversation'),
          wellbeingSource: src('Inspection planning discussions'),
          calledLeader: 'the lead-provider representative(s)',
        },
      },
      deferral: { source: `${src('Requests for deferral or cancellation', 'Preparation')} (passed to the regional duty desk immediately)`, cutOff: { source: src('Requests for deferral or cancellation') } },
      onSite: {
        earlyWarningSource: src('Engaging with the lead provider representative(s)'),
        earlyWarningOf: 'may be judged requires improvement or inadequate (LPMV: leaders and managers are not taking effective action)',
      },
      pauses: {
        activitySource: src('Meeting with stakeholders'),
        adviceFrom: 'the regional duty desk and/or the regional SHMI for Teacher Development',
        inspectionPause: { source: src('Pausing inspections', 'Requests for deferral or cancellation') },
      },
      feedback: {
        judgements: fullInspectionJudgements,
        judgementsSource: `${src('Engaging with the lead provider representative(s)')} (final judgements only at the final team meeting, end of day 4); ${reading('§3 T10')}`,
        judgementsMadeAt: 'finalTeamMeeting',
        judgementsGuard: isFull,
        feedbackSource: src('Providing feedback', 'Providing feedback (LPMV)'),
      },
      nextDayContact: { source: src('Providing feedback', 'Handling concerns and complaints'), handledBy: 'an inspector independent of the inspection' },
      qualityAssurance: {
        source: reports,
        judgements: ecfJudgements,
        judgementsGuard: fitsKind,
        thirdPartySharing: { bodies: 'the DfE', source: reports },
        draft: { days: 18, source: `${reports} ("in most circumstances")` },
      },
      reportChain: {
        source: `${reports}; the process is not complete until the final version has been sent`,
        comments: { days: 5, source: reports },
        final: { days: 30, source: `${reports} ("normally")` },
        publication: {
          days: 38,
          source: `${reports} ("usually")`,
          reading: `"Usually within 38 working days of the end": published by itself on that day if no one has published it sooner (${reading('§3 T23')}).`,
        },
      },
      ...(r2 && { complaintWindow: { source: src('Handling concerns and complaints') } }),
      closing: { gradeOf: ecfOutcome },
    }),
    lpmvJudgementMade(),
  ],
});
}

export const ecfLeadProviderInspection2024 = ecfLeadProviderInspection(1);
export const ecfLeadProviderInspectionV2 = ecfLeadProviderInspection(2);

/** The LPMV's final team meeting, end of day 3: its own strict decision (seed 003 ECF §"Team meetings during the LPMV"). */
function lpmvJudgementMade(): Fragment {
  const monitoringVisit: FragmentGuard = function monitoringVisit({ context }) {
    return context.kind === 'monitoring';
  };
  return {
    states: stateAt('onSite.fieldwork', {
      on: {
        LPMV_JUDGEMENT_MADE: {
          guard: monitoringVisit,
          target: to('awaitingFeedback'),
          actions: update((_c, e) => ({ provisionalJudgements: e.judgements, judgements: e.judgements })),
        },
      },
    }),
    events: {
      LPMV_JUDGEMENT_MADE: {
        label: 'Final team meeting of an LPMV (end of day 3): are leaders and managers taking effective action?',
        roles: ['inspector'],
        schema: payload({ judgements: lpmvJudgement }),
        source: `${src('Engaging with the lead provider representative(s)', 'Team meetings during the LPMV')}; ${reading('§3 T10')}`,
      },
    },
  };
}
