import { z } from 'zod';
import { note } from '../kit';
import { SEED_003, SEED_003_IN_FORCE_FROM, defineInspection, handbookSource, inspectionSkeleton, reading, formalComplaintRevision } from '../fragments';
import { nominatedIndividualAtFeedback, nominatedIndividualTold } from './nominatedIndividualTold';
import { crciOutcome } from './outcomes';

/**
 * Childcare Register compliance inspections of group provision, childminders and nannies (seed 003 CRCI; reading
 * §2.4), announced by a phone call or unannounced, ending in one of three outcomes. One type: the three outcomes are
 * results of the same inspection, not kinds chosen at the start. The page gives no report timings: the draft, the
 * comments and publication are people's steps without clocks (reading §3.2, §7 E34), and the steps of enforcement
 * are not on the page, so "not met – enforcement" is recorded as the outcome and the inspection ends at publication.
 */
const src = handbookSource('CRCI');

/**
 * The January 2024 framework at revision 1 and revision 2, which adds the formal complaint on receiving the final
 * report (no deadline: CRCI §"Concerns about an inspection"), a rule of the same page revision 1 left out. One
 * definition with the revision as its parameter; revision 1 is exactly what it was.
 */
export function childcareRegisterInspection(machineRevision: 1 | 2) {
  const v2 = machineRevision === 2;
  return defineInspection({
    type: 'childcare-register-compliance',
    version: 1,
    ...formalComplaintRevision(machineRevision, 'Childcare Register compliance inspection'),
    framework: `${SEED_003} CRCI`,
    inForceFrom: SEED_003_IN_FORCE_FROM,
    id: 'childcareRegisterCompliance',
    inputSchema: z.strictObject({}),
    gradeField: 'grade',
    endDateField: 'feedbackDate',
    fragments: [
      ...inspectionSkeleton({
        notification: {
          call: {
            source: src('Before the inspection', 'Contacting the provider'),
            calledLeader: 'the provider or manager',
            fields: { supportedBy: note.optional().describe('who will support the manager or provider during and after the inspection') },
          },
          // "If the inspection is not unannounced…": unannounced inspections exist (reading §7 E27).
          unannounced: { source: src('Before the inspection'), fields: { supportedBy: note.optional() } },
        },
        deferral: { source: `${src('Requesting a deferral')} (no cut-off time stated; garbled wording read as written, ${reading('§7 E35')})` },
        onSite: {
          earlyWarningSource: src('During the inspection'),
          earlyWarningOf: 'might be judged as not met with actions or enforcement (group provision: how the NI is kept informed agreed with the manager)',
        },
        pauses: {
          activitySource: src('Pausing inspections'),
          adviceFrom: 'the duty desk',
          inspectionPause: { source: src('Pausing inspections'), regionalDirectorAdvises: true },
        },
        feedback: {
          judgements: crciOutcome,
          judgementsSource: `${src('Giving feedback')} (leaders observe the evidence brought together for the judgement); ${reading('§6.1')}`,
          judgementsMadeAt: 'feedbackMeeting',
          extraFields: nominatedIndividualAtFeedback,
          feedbackSource: src('Giving feedback', 'After the inspection'),
        },
        nextDayContact: { source: src('Concerns about an inspection'), handledBy: 'an inspector independent of the inspection' },
        qualityAssurance: { source: `${src('Concerns about an inspection')} (a draft exists: comments on it; no timing stated)`, judgements: crciOutcome },
        reportChain: { source: `${src('Concerns about an inspection', 'After the inspection')}; ${reading('§3.2')}` },
        // "may wish to lodge a formal complaint when it receives the final report": no deadline.
        ...(v2 && { complaintWindow: { source: src('Concerns about an inspection') } }),
        closing: { gradeOf: (j) => (j?.outcome as string | undefined) ?? null },
      }),
      nominatedIndividualTold(src('Outcome: not met – actions'), `No deadline on the page: the next working day after feedback, as a target (${reading('§7 E31')}).`),
    ],
  });
}

export const childcareRegisterInspection2024 = childcareRegisterInspection(1);
export const childcareRegisterInspectionV2 = childcareRegisterInspection(2);
