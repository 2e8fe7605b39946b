/** Children's centres, 2011 (seed 000): `childrens-centre` v1. */
import { uniformJudgements } from '../../../machines/childrens-centre/judgements';
import { actors } from '../pureDriver';
import { REQUIRED_PATHS, type TypeHistories, refused } from './scenario';

const ccGood = uniformJudgements('good');
const ccInadequate = { ...ccGood, overallEffectiveness: 'inadequate' };

export const childrensCentre: TypeHistories = {
  required: [...REQUIRED_PATHS, 'complaint'],
  scenarios: [
    {
      path: 'happy',
      async run({ env, start }) {
        const i = await start();
        await i.send(actors.manager, 'LINKED_INSPECTION_RECORDED', { linkedId: 'EY-1', kind: 'early_years' });
        await i.send(actors.manager, 'CENTRE_NOTIFIED', { notifiedBy: 'ofsted' });
        await i.send(actors.inspector, 'LEAD_INSPECTOR_CONTACTED');
        await env.sleep('7 days');
        await i.send(actors.inspector, 'INSPECTION_STARTED');
        await env.sleep('1 day');
        await i.send(actors.inspector, 'FEEDBACK_GIVEN', { judgements: ccGood });
        await env.sleep('3 days');
        await i.send(actors.inspector, 'DRAFT_SENT');
        await i.send(actors.provider, 'COMMENTS_SUBMITTED');
        await i.send(actors.inspector, 'LINKED_REPORT_SENT', { linkedId: 'EY-1' });
        await i.send(actors.manager, 'REPORT_PUBLISHED');
        await env.sleep('20 days');
        await i.send(actors.provider, 'ACTION_PLAN_RECEIVED');
        await i.handle.result();
        return i;
      },
    },
    {
      path: 'refusal',
      async run({ start }) {
        const i = await start();
        await refused(i.send(actors.inspector, 'DRAFT_SENT'));
        await refused(i.send(actors.provider, 'INSPECTION_STARTED_WITHOUT_NOTICE', { reason: "children's welfare" }));
        await i.send(actors.inspector, 'INSPECTION_STARTED_WITHOUT_NOTICE', { reason: "children's welfare" });
        return i;
      },
    },
    {
      path: 'breach',
      async run({ env, start }) {
        const i = await start();
        await i.send(actors.inspector, 'INSPECTION_STARTED_WITHOUT_NOTICE', { reason: 'safeguarding concern' });
        await i.send(actors.inspector, 'FEEDBACK_GIVEN', { judgements: ccGood });
        await i.send(actors.inspector, 'DRAFT_SENT');
        await i.send(actors.provider, 'COMMENTS_SUBMITTED');
        await i.send(actors.manager, 'REPORT_PUBLISHED');
        await env.sleep('70 days'); // the action plan is late: a breach
        await i.send(actors.manager, 'ACTION_PLAN_ESCALATED', { reason: 'no plan after two months' });
        return i;
      },
    },
    {
      path: 'window-closes',
      async run({ env, start }) {
        const i = await start();
        await i.send(actors.inspector, 'INSPECTION_STARTED_WITHOUT_NOTICE', { reason: "children's welfare" });
        await env.sleep('1 day');
        await i.send(actors.inspector, 'FEEDBACK_GIVEN', { judgements: ccInadequate });
        await env.sleep('2 days');
        await i.send(actors.inspector, 'DRAFT_SENT');
        await env.sleep('10 days'); // the inadequate centre's comment window closes by itself
        return i;
      },
    },
    {
      path: 'complaint',
      async run({ start }) {
        const i = await start();
        await i.send(actors.inspector, 'INSPECTION_STARTED_WITHOUT_NOTICE', { reason: 'safeguarding concern' });
        await i.send(actors.inspector, 'FEEDBACK_GIVEN', { judgements: ccGood });
        await i.send(actors.inspector, 'DRAFT_SENT');
        await i.send(actors.provider, 'COMMENTS_SUBMITTED');
        await i.send(actors.manager, 'REPORT_PUBLISHED');
        await i.send(actors.provider, 'COMPLAINT_MADE', { summary: 'the judgement was unfair' });
        await i.send(actors.manager, 'COMPLAINT_RESPONDED', { outcome: 'partly_upheld' });
        return i;
      },
    },
  ],
};
