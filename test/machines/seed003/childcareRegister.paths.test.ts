import { childcareRegisterInspection2024, childcareRegisterInspectionV2 } from '../../../machines/childcare-register/inspection';
import { describeEveryPath } from '../../support/everyPath';
import { SKELETON_SAMPLES } from '../seed003Samples';

/** Every path of the Childcare Register compliance inspection, per outcome, per revision, generated from its graph and replayed. */
const AT = '2025-04-17'; // Thursday before Good Friday: every clock crosses Easter 2025
const RECORDED = '2025-04-17T11:00:00.000Z';

describeEveryPath(
  [childcareRegisterInspection2024, childcareRegisterInspectionV2].map((definition) => ({
    name: `childcare-register-compliance v1 r${definition.machineRevision}`,
    definition,
    input: {},
    samples: {
      ...SKELETON_SAMPLES,
      NOTIFIED: [{ wellbeingContact: 'local childminder network', supportedBy: 'a friend from the network' }],
      INSPECTION_PAUSED: [{ reason: 'significant event involving a child', dutyDeskContacted: true, regionalDirectorAdvice: 'pause until tomorrow' }],
      FEEDBACK_GIVEN: [
        { judgements: { outcome: 'met' } },
        { judgements: { outcome: 'not_met_actions' }, nominatedIndividualAtFeedback: false },
        { judgements: { outcome: 'not_met_actions' }, nominatedIndividualAtFeedback: true },
        { judgements: { outcome: 'not_met_enforcement' } },
      ],
      JUDGEMENTS_CHANGED: [{ judgements: { outcome: 'not_met_enforcement' }, reasons: 'moderation' }],
    },
    facts: (c, _s, e) => ({ niToBeTold: c.nominatedIndividualToBeToldFrom !== null, via: e?.type }),
  })),
  AT,
  RECORDED,
);
