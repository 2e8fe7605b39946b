import { z } from 'zod';
import { SEED_003, SEED_003_IN_FORCE_FROM, type FragmentContext, type FragmentGuard, defineInspection, handbookSource, inspectionSkeleton, reading } from '../fragments';
import { OLP_KINDS, standardsJudgement, standardsOutcome } from './standards';

/**
 * Accreditation visits and additional visits to online education providers (seed 003 OLP; reading §2.2). One type
 * with a `kind`: the page gives the additional visit only its concerns section, identical to the accreditation
 * visit's, so it runs the same lifecycle (reading §7 E19). They differ where the page is written for an application:
 * only an accreditation visit can end with the application treated as withdrawn.
 *
 * Report: the draft within 5 working days of the end, also to the DfE; no comment window, final-report or
 * publication timing on the page, so those are people's steps without clocks (reading §7 E18). The DfE decides
 * accreditation after publication, outside this process. The notice ("usually 1 day before the visit", reading §3
 * T01) is a clock from revision 3: the accreditation visit is due to start the working day after the call.
 */
const src = handbookSource('OLP');

const accreditationVisit: FragmentGuard = function accreditationVisit({ context }) {
  return context.kind === 'accreditation';
};

const accreditation = function accreditationVisit(context: FragmentContext) {
  return context.kind === 'accreditation';
};

const REVISION_NOTES = {
  2: { revisionNote: 'adds the formal complaint on receiving the final report', migratesFrom: { revisions: [1], note: 'a formal complaint may follow the final report' } },
  3: {
    revisionNote: 'adds the notice of an accreditation visit: the call 1 day before the visit',
    migratesFrom: { revisions: [1, 2], note: 'a notified accreditation visit is due to start the working day after the call' },
  },
} as const;

/**
 * The January 2024 framework at three revisions, each adding a rule of the same page the one before left out: revision
 * 2 the formal complaint on receiving the final report (no deadline: OLP §"Handling concerns during an accreditation
 * visit", §"... an additional visit"), revision 3 the notice of an accreditation visit. One definition with the revision
 * as its parameter; each earlier revision is exactly what it was.
 */
export function onlineProviderVisit(machineRevision: 1 | 2 | 3) {
  const v2 = machineRevision >= 2;
  const v3 = machineRevision >= 3;
  return defineInspection({
    type: 'online-provider-visit',
    version: 1,
    machineRevision,
    ...(machineRevision !== 1 && REVISION_NOTES[machineRevision]),
    title: v3
      ? 'Online education provider: accreditation visit or additional visit, with the notice and the formal complaint'
      : v2
        ? 'Online education provider: accreditation visit or additional visit, with the formal complaint'
        : 'Online education provider: accreditation visit or additional visit (January 2024)',
    framework: `${SEED_003} OLP`,
    inForceFrom: SEED_003_IN_FORCE_FROM,
    id: 'onlineProviderVisit',
    inputSchema: z.strictObject({ kind: z.enum(OLP_KINDS).optional().describe('accreditation (the default) or additional visit') }),
    inputDefaults: { kind: 'accreditation' },
    gradeField: 'grade',
    endDateField: 'feedbackDate',
    fragments: inspectionSkeleton({
      notification: {
        call: {
          source: src('Notice of an accreditation visit'),
          // The page checks wellbeing at the start of the visit; the contact is recorded with the call, or "unknown"
          // there and the check made on arrival (reading §7 E24).
          wellbeingSource: src('The start of the visit'),
          calledLeader: 'the person in charge day to day (else the proprietor or the most senior staff member available)',
          ...(v3 && {
            notice: [
              {
                id: 'visitNotice',
                of: 'an accreditation visit',
                appliesTo: accreditation,
                workingDays: 1,
                rule: 'The lead inspector will usually contact the provider by telephone 1 day before the accreditation visit',
                source: src('Notice of an accreditation visit'),
                reading:
                  'The page gives "1 day" with no unit: read as a working day (docs/ARCHITECTURE.md §4), so a call on a Friday is for a visit on the Monday. The page states no notice for an additional visit, so none is counted.',
              },
            ],
          }),
        },
      },
      deferral: {
        source: `${src('Deferrals')} (having very few pupils is unlikely to justify a deferral)`,
        cutOff: { source: src('Deferrals') },
        withdrawal: {
          label: 'Deferral refused and the provider withholds consent to the dates: the application is treated as withdrawn, the DfE told, no refund',
          source: `${src('Deferrals')}; ${reading('§7 E14')}`,
          when: accreditationVisit,
        },
      },
      onSite: {
        earlyWarningSource: src('Involving leaders and governance in visits'),
        earlyWarningOf: 'may not meet a standard (emerging findings at the start, middle and end of each day)',
      },
      // "There is no explicit pause provision in OLP" (reading §2.2): only the activity-level pause.
      pauses: { activitySource: src('Seeking the views of pupils, parents and staff during an accreditation visit'), adviceFrom: 'their SHMI' },
      feedback: {
        judgements: standardsJudgement,
        judgementsSource: `${src('Involving leaders and governance in visits', 'Providing feedback')} (emerging and final findings; which standards are met)`,
        judgementsMadeAt: 'feedbackMeeting',
        feedbackSource: src('Providing feedback'),
      },
      nextDayContact: {
        source: `${src('Handling concerns during an accreditation visit', 'Handling concerns during an additional visit')}; ${reading('§7 E17')}`,
        handledBy: 'an inspector independent of the visit',
      },
      qualityAssurance: {
        source: src('Arrangements for publishing the report'),
        judgements: standardsJudgement,
        thirdPartySharing: { bodies: 'the DfE', source: src('Arrangements for publishing the report') },
        draft: { days: 5, source: `${src('Arrangements for publishing the report')} ("in most circumstances")` },
      },
      reportChain: { source: `${src('Arrangements for publishing the report', 'Providing feedback')}; ${reading('§7 E18')}` },
      // "the school may wish to lodge a formal complaint when it receives the final report": no deadline.
      ...(v2 && { complaintWindow: { source: src('Handling concerns during an accreditation visit', 'Handling concerns during an additional visit') } }),
      closing: { gradeOf: standardsOutcome },
    }),
  });
}

export const onlineProviderVisit2024 = onlineProviderVisit(1);
export const onlineProviderVisitV2 = onlineProviderVisit(2);
export const onlineProviderVisitV3 = onlineProviderVisit(3);
