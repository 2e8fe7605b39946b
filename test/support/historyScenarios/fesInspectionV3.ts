/** Further education and skills inspections, revision 3 (seed 003 FES): `fes-inspection` v1 revision 3, the notice periods. */
import { actors } from '../pureDriver';
import { skipPastClock, skipToDay } from '../serverClock';
import { fesInspectionV2 as r2 } from './fesInspectionV2';
import { fullInspectionFeedback } from './fesInspection';
import type { TypeHistories } from './scenario';

const NOMINEES = { wellbeingContact: 'chair of governors', nominee: 'Vice principal' };

/**
 * Every revision 2 path (their starts fall within any notice they now count), plus the notice periods revision 3 adds:
 * a college's full inspection started within its 5 or 6 working days, and a short inspection started after its 2.
 */
export const fesInspectionV3: TypeHistories = {
  required: [...r2.required, 'college-notice', 'short-notice-breached'],
  scenarios: [
    ...r2.scenarios,
    {
      path: 'college-notice',
      async run({ env, start }) {
        const i = await start({ kind: 'full', college: true });
        const notified = await i.send(actors.inspector, 'NOTIFIED', NOMINEES);
        await i.send(actors.inspector, 'FOLLOW_UP_CALL_MADE');
        await skipToDay(env, notified.deadlines.find((d) => d.clock === 'collegeNotice')!.due); // its last day on time
        await i.send(actors.inspector, 'INSPECTION_STARTED');
        await fullInspectionFeedback(env, i);
        return i;
      },
    },
    {
      path: 'short-notice-breached',
      async run({ env, start }) {
        const i = await start({ kind: 'short' });
        const notified = await i.send(actors.inspector, 'NOTIFIED', NOMINEES);
        await i.send(actors.inspector, 'FOLLOW_UP_CALL_MADE');
        await skipPastClock(env, notified, 'shortNotice');
        await i.send(actors.inspector, 'INSPECTION_STARTED');
        return i;
      },
    },
  ],
};
