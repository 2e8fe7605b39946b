/** Placeholders for handbooks seed 003 only links (EY, SIH, JTAI): `early-years`, `school-inspection`, `jtai` v1. */
import { actors } from '../pureDriver';
import { type TypeHistories, refused } from './scenario';
import { skipPastClock } from '../serverClock';
import { concernThenPublished } from './seed003ReportChain';

/**
 * No `breach` path: a placeholder has no timed target (the page gives the handbook no timings, reading §7 E33). The
 * window that closes by itself is the common skeleton's next-working-day contact.
 */
export const handbookOnlyLinked: TypeHistories = {
  required: ['happy', 'refusal', 'window-closes'],
  scenarios: [
    {
      path: 'happy',
      async run({ start }) {
        const i = await start();
        await i.send(actors.inspector, 'NOTIFIED', { wellbeingContact: 'the most senior leader' });
        await i.send(actors.inspector, 'INSPECTION_STARTED');
        await i.send(actors.inspector, 'FINAL_TEAM_MEETING_HELD');
        await i.send(actors.inspector, 'FEEDBACK_GIVEN');
        return concernThenPublished(i, 'feedback unclear', 'inspector-2');
      },
    },
    {
      path: 'refusal',
      async run({ start }) {
        const i = await start();
        await refused(i.send(actors.inspector, 'INSPECTION_STARTED')); // not notified yet
        await i.send(actors.inspector, 'NOTIFIED', { wellbeingContact: 'the most senior leader' });
        return i;
      },
    },
    {
      path: 'window-closes',
      async run({ env, start }) {
        const i = await start();
        await i.send(actors.inspector, 'NOTIFIED', { wellbeingContact: 'the most senior leader' });
        await i.send(actors.inspector, 'INSPECTION_STARTED');
        await i.send(actors.inspector, 'FINAL_TEAM_MEETING_HELD');
        const feedback = await i.send(actors.inspector, 'FEEDBACK_GIVEN');
        await skipPastClock(env, feedback, 'nextDayContact');
        await i.send(actors.manager, 'QA_COMPLETED');
        return i;
      },
    },
  ],
};
