import { z } from 'zod';
import { note, payload } from '../kit';
import { SEED_003, type Fragment, type FragmentContext, type FragmentGuard, type Refusal, defineInspection, handbookSource, SEED_003_IN_FORCE_FROM, inspectionSkeleton, reading, stateAt, to, update } from '../fragments';
import { FES_KINDS, convertsToFull, fesJudgements, shortInspectionOutcome } from './judgements';

/**
 * Further education and skills inspections (seed 003 FES; reading §2.8): full (including enhanced college
 * inspections), short (which can be extended into a full inspection at feedback) and monitoring visits, any of
 * them unannounced. One type with a `kind`, because a short inspection that converts stays the same inspection
 * (same start, same record, reading §7 E12): a user starts "an FE and skills inspection" and says which kind.
 */
const src = handbookSource('FES');

const isFull: FragmentGuard = function fullInspection({ context }) {
  return context.kind === 'full';
};

const converts = function shortInspectionExtendedToFull({ context }: { context: FragmentContext }) {
  return context.kind === 'short' && convertsToFull(context.shortInspectionOutcome);
};

/**
 * An enhanced inspection is notified only with its skills nominee named (seed 003 FES §"Notification of inspection":
 * the senior leader establishes "who they want to act as the inspection nominee (and as the skills nominee if it is an
 * enhanced inspection)"; §"Notification of enhanced college inspections …": the skills aspects are planned from the
 * notification). v2 only. An unannounced start has no notification call, so it is not held by this rule (choice).
 */
const skillsNomineeNamedForEnhanced: Refusal = function skillsNomineeNamedForAnEnhancedInspection(context, event) {
  return context.enhanced === true && !event.skillsNominee ? 'an enhanced inspection is notified with its skills nominee named (skillsNominee)' : null;
};

/**
 * A full inspection of a further education college, sixth-form college or designated institution, or of another large
 * and complex provider, is notified 5 or 6 working days ahead (FES §"Notification of enhanced college inspections and of
 * inspections of other large and complex providers"). An enhanced inspection is always of a college.
 */
const fullInspectionOfACollege = function fullInspectionOfACollegeOrLargeProvider(context: FragmentContext) {
  return context.kind === 'full' && (context.college === true || context.enhanced === true);
};
const shortInspection = function shortInspection(context: FragmentContext) {
  return context.kind === 'short';
};

const REVISION_NOTES = {
  2: {
    revisionNote: 'adds the skills nominee of an enhanced college inspection and the formal complaint on receiving the final report',
    migratesFrom: { revisions: [1], note: 'the skills nominee is asked for at notification of an enhanced inspection, and a formal complaint may follow the final report' },
  },
  3: {
    revisionNote: 'adds the notice periods: 5 or 6 working days for a full inspection of a college or other large and complex provider, up to 2 for a short inspection',
    migratesFrom: { revisions: [1, 2], note: 'a notified inspection is due to start within its notice period (6 working days for a college, 2 for a short inspection)' },
  },
} as const;

/**
 * The January 2024 framework at three revisions, each adding rules of the same page that the one before left out:
 * revision 2 the skills nominee of an enhanced inspection and the formal complaint (no deadline), revision 3 the notice
 * periods. One definition with the revision as its parameter, so no rule is written twice; each earlier revision is
 * exactly what it was (its histories are recorded).
 */
export function fesInspection(machineRevision: 1 | 2 | 3) {
  const v2 = machineRevision >= 2;
  const v3 = machineRevision >= 3;
  return defineInspection({
    type: 'fes-inspection',
    version: 1,
    machineRevision,
    ...(machineRevision !== 1 && REVISION_NOTES[machineRevision]),
    title: v3
      ? 'Further education and skills: full, short or monitoring inspection, with its notice periods, the skills nominee and the complaint'
      : v2
        ? 'Further education and skills: full, short or monitoring inspection, with the skills nominee of an enhanced inspection and the complaint'
        : 'Further education and skills: full, short or monitoring inspection (January 2024)',
    framework: `${SEED_003} FES`,
    inForceFrom: SEED_003_IN_FORCE_FROM,
    id: 'fesInspection',
    inputSchema: z.strictObject({
      kind: z.enum(FES_KINDS).optional().describe('full (the default), short, or monitoring visit'),
      enhanced: z.boolean().optional().describe('an enhanced college inspection, with a skills nominee'),
      ...(v3 && {
        college: z
          .boolean()
          .optional()
          .describe('a further education college, sixth-form college, designated institution or other large and complex provider: a full inspection is notified 5 or 6 working days ahead'),
      }),
    }),
    inputDefaults: { kind: 'full', enhanced: false, convertedFromShortOn: null, ...(v3 && { college: false }) },
    gradeField: 'grade',
    endDateField: 'feedbackDate',
    fragments: [
      ...inspectionSkeleton({
        notification: {
          call: {
            source: src('Notification of inspection', 'Notification and introduction (short inspections)'),
            calledLeader: 'the senior leader (principal, CEO or equivalent)',
            fields: { nominee: note, skillsNominee: note.optional(), shadowNominee: note.optional() },
            followUpCall: {
              withWhom: 'the inspection nominee',
              workingDays: 1,
              source: src('Notification of inspection'),
              reading: `"By the following morning at the latest": read as by the end of the next working day; the clock has day precision (${reading('§7 E16')}).`,
            },
            ...(v2 && { notifiedOnlyIf: skillsNomineeNamedForEnhanced }),
            ...(v3 && {
              notice: [
                {
                  id: 'collegeNotice',
                  of: 'a full inspection of a college or other large and complex provider',
                  appliesTo: fullInspectionOfACollege,
                  workingDays: 6,
                  rule: 'We will normally notify the provider of the inspection 5 or 6 working days before the inspection starts',
                  source: src('Notification of enhanced college inspections and of inspections of other large and complex providers'),
                  reading:
                    'Counted from the day of the notification call: the inspection is due to start by the sixth working day after it. A start on the fifth or sixth is on time; a later one is a breach; an earlier one is not refused ("normally").',
                },
                {
                  id: 'shortNotice',
                  of: 'a short inspection',
                  appliesTo: shortInspection,
                  workingDays: 2,
                  rule: 'We will normally notify the provider up to 2 working days before the inspection, unless the inspection is unannounced',
                  source: src('Notification and introduction (short inspections)'),
                  reading: 'Counted from the day of the notification call: the inspection is due to start by the second working day after it. An unannounced start has no call and no notice clock.',
                },
              ],
            }),
          },
          unannounced: { source: src('Notification and introduction (short inspections)') },
        },
        deferral: { source: src('Planning for the inspection') },
        onSite: {
          earlyWarningSource: src('Meetings during inspection'),
          earlyWarningOf: 'may be judged requires improvement or inadequate (emerging judgements heard by the nominee at team meetings)',
        },
        pauses: {
          activitySource: src('Planning for the inspection'),
          adviceFrom: 'the duty desk',
          inspectionPause: {
            source: src('[Pausing inspections and] Incomplete inspections'),
            incomplete: { source: src('[Pausing inspections and] Incomplete inspections') },
          },
        },
        feedback: {
          judgements: fesJudgements,
          judgementsSource: `${src('Meetings during inspection', 'Providing feedback', 'Feedback at the end of a short inspection')}; ${reading('§3 T10')}`,
          judgementsMadeAt: 'finalTeamMeeting',
          judgementsGuard: isFull,
          feedbackSource: src('Providing feedback', 'Feedback at the end of a short inspection'),
          // §"Feedback at the end of a short inspection": the lead inspector explains that the inspection "will be
          // extended into a full inspection": back on site as a full inspection, the start date kept (reading §7 E12).
          otherOutcomes: [
            {
              guard: converts,
              target: 'fieldwork',
              actions: update((_c, e) => ({ kind: 'full', convertedFromShortOn: e.at, provisionalJudgements: null, judgements: null })),
            },
          ],
        },
        nextDayContact: { source: src('Providing feedback', 'Handling concerns and complaints'), handledBy: 'an inspector separate from the inspection' },
        qualityAssurance: {
          source: src('Arrangements for publishing the report'),
          judgements: fesJudgements,
          thirdPartySharing: { bodies: 'the FE Commissioner, ESFA, DfE, Ofqual, OfS or another regulator', source: src('Providing feedback') },
          draft: { days: 18, source: src('Arrangements for publishing the report') },
        },
        reportChain: { source: `${src('Arrangements for publishing the report', 'Handling concerns and complaints')}; ${reading('§3.2')}` },
        // The FES page gives no moment ("the provider may wish to lodge a formal complaint" once draft comments have not
        // resolved it): taken from the final report, as every other remit on the page (reading §7 E22).
        ...(v2 && { complaintWindow: { source: `${src('Handling concerns and complaints')}; ${reading('§7 E22')}` } }),
        closing: { gradeOf: (j) => (j?.overallEffectiveness as string | undefined) ?? null },
      }),
      kindOutcomes(),
    ],
  });
}

export const fesInspection2024 = fesInspection(1);
export const fesInspectionV2 = fesInspection(2);
export const fesInspectionV3 = fesInspection(3);

/**
 * What the final team meeting of a short inspection or a monitoring visit decides instead of grades: each its own
 * decision, so each payload is strict (seed 003 FES §"Feedback at the end of a short inspection").
 */
function kindOutcomes(): Fragment {
  const shortInspection: FragmentGuard = function shortInspection({ context }) {
    return context.kind === 'short';
  };
  const monitoringVisit: FragmentGuard = function monitoringVisit({ context }) {
    return context.kind === 'monitoring';
  };
  return {
    context: { shortInspectionOutcome: null, findings: null },
    states: stateAt('onSite.fieldwork', {
      on: {
        SHORT_INSPECTION_OUTCOME_DECIDED: { guard: shortInspection, target: to('awaitingFeedback'), actions: update((_c, e) => ({ shortInspectionOutcome: e.outcome })) },
        MONITORING_FINDINGS_AGREED: { guard: monitoringVisit, target: to('awaitingFeedback'), actions: update((_c, e) => ({ findings: e.findings })) },
      },
    }),
    events: {
      SHORT_INSPECTION_OUTCOME_DECIDED: {
        label: 'Final team meeting of a short inspection: the provider remains good or outstanding, or the inspection is extended into a full one',
        roles: ['inspector'],
        schema: payload({ outcome: shortInspectionOutcome }),
        source: src('Feedback at the end of a short inspection'),
      },
      MONITORING_FINDINGS_AGREED: {
        label: 'Final team meeting of a monitoring visit: findings agreed',
        roles: ['inspector'],
        schema: payload({ findings: note }),
        source: src('Meetings during inspection', 'Providing feedback'),
      },
    },
  };
}
