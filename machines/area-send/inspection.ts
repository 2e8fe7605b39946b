import { SEED_003, SEED_003_IN_FORCE_FROM, defineInspection, handbookSource, inspectionSkeleton, reading, formalComplaintRevision } from '../fragments';
import { z } from 'zod';
import { areaSendOutcome } from './outcome';

/**
 * Area SEND inspections of a local area partnership, by Ofsted and CQC jointly (seed 003 ASEND; reading §2.3). The
 * page gives no report timings and no interval to the next inspection activity (reading §7 E25): the draft, comments
 * and publication are people's steps without clocks, so the only clock is the next-working-day contact window. The
 * follow-up (further monitoring, a priority action plan) is recorded with the outcome; its steps are not on the page.
 */
const src = handbookSource('ASEND');

/**
 * The January 2024 framework at revision 1 and revision 2, which adds the formal complaint on receiving the final
 * report (no deadline: ASEND §"Week 3: sampling visits to providers and services" (where the page puts it)), a rule
 * of the same page revision 1 left out. One definition with the revision as its parameter; revision 1 is exactly what
 * it was.
 */
export function areaSendInspection(machineRevision: 1 | 2) {
  const v2 = machineRevision === 2;
  return defineInspection({
    type: 'area-send',
    version: 1,
    ...formalComplaintRevision(machineRevision, 'Area SEND inspection of a local area partnership, Ofsted and CQC'),
    framework: `${SEED_003} ASEND`,
    inForceFrom: SEED_003_IN_FORCE_FROM,
    id: 'areaSend',
    inputSchema: z.strictObject({}),
    gradeField: 'grade',
    endDateField: 'feedbackDate',
    fragments: inspectionSkeleton({
      notification: {
        call: {
          source: src('week 1: notification, set up and information request'),
          wellbeingSource: src('Set up discussion'),
          calledLeader: 'the local area nominated officer (LANO) and the ICB representative, with the CQC inspector',
        },
      },
      // Deferral "only in exceptional circumstances"; no timing window on the page.
      deferral: { source: src('week 1: notification, set up and information request') },
      onSite: {
        earlyWarningSource: src('Keeping in touch meetings'),
        earlyWarningOf: 'areas of significant concern may be emerging (emerging lines of enquiry shared at keep-in-touch meetings)',
      },
      pauses: {
        activitySource: src('Overview of inspection'),
        adviceFrom: 'the duty desk (the lead HMI contacts it)',
        inspectionPause: { source: `${src('Overview of inspection')} ("a pause to inspection needs to be considered", case by case)` },
      },
      feedback: {
        judgements: areaSendOutcome,
        judgementsSource: `${src('The feedback meeting')}; ${reading('§2.3')}`,
        judgementsMadeAt: 'feedbackMeeting',
        feedbackSource: `${src('The feedback meeting')} (attendees agreed with the DCS and ICB representative through the LANO)`,
      },
      nextDayContact: {
        source: `${src('Week 3: sampling visits to providers and services')} (a senior Ofsted leader on the working day after the inspection)`,
        handledBy: 'an inspector separate from the inspection',
      },
      qualityAssurance: { source: `${src('The feedback meeting')} (the draft restricted to senior staff; no timing stated)`, judgements: areaSendOutcome },
      reportChain: { source: `${src('The feedback meeting', 'Week 3: sampling visits to providers and services')}; ${reading('§3.2')}` },
      // "may wish to lodge a formal complaint when it receives the final report": no deadline.
      ...(v2 && { complaintWindow: { source: src('Week 3: sampling visits to providers and services') } }),
      closing: { gradeOf: (j) => (j?.outcome as string | undefined) ?? null },
    }),
  });
}

export const areaSendInspection2024 = areaSendInspection(1);
export const areaSendInspectionV2 = areaSendInspection(2);
