/**
 * SCCIF residential family centres, monitoring visit revision 3 (`sccif-rfc-monitoring-visit` v1 revision 3): every
 * path of revision 2, and the formal complaint on the draft, answered with a changed re-grade, then published.
 */
import { goodJudgements } from '../inspectionHarness';
import { actors } from '../pureDriver';
import { skipPastClock } from '../serverClock';
import type { TypeHistories } from './scenario';
import { sccifRfcMonitoringVisitV2 } from './sccifRfcMonitoringVisitV2';

const requiresImprovement = { ...goodJudgements, overallExperiencesAndProgress: 'requires_improvement' };

export const sccifRfcMonitoringVisitV3: TypeHistories = {
  required: [...sccifRfcMonitoringVisitV2.required, 'complaint'],
  scenarios: [
    ...sccifRfcMonitoringVisitV2.scenarios,
    {
      path: 'complaint',
      async run({ env, start }) {
        const i = await start({ kind: 'progress_after_inadequate', announced: false });
        await i.send(actors.inspector, 'VISIT_STARTED', { purpose: 'progress since the inadequate inspection' });
        await env.sleep('1 day');
        await i.send(actors.inspector, 'FEEDBACK_GIVEN', { judgements: requiresImprovement });
        await env.sleep('10 days');
        await i.send(actors.inspector, 'DRAFT_REPORT_SENT');
        await env.sleep('2 days');
        await i.send(actors.provider, 'COMPLAINT_MADE', { summary: 'the re-grade ignores the new manager' });
        await env.sleep('7 days');
        await i.send(actors.manager, 'COMPLAINT_RESPONDED', { outcome: 'upheld', judgements: goodJudgements });
        const final = await i.send(actors.manager, 'FINAL_REPORT_SENT');
        await skipPastClock(env, final, 'publication');
        await i.handle.result();
        return i;
      },
    },
  ],
};
