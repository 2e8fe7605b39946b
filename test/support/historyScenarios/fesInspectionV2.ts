/** Further education and skills inspections v2 (seed 003 FES; reading §2.8): `fes-inspection` v2. */
import { actors } from '../pureDriver';
import { REQUIRED_PATHS, type TypeHistories, refused } from './scenario';
import { fesInspection as v1, fullInspectionFeedback, notifiedAndStarted } from './fesInspection';
import { publishedAfterFeedback } from './seed003Steps';

/**
 * Every v1 path, unchanged (none is an enhanced inspection, none has a complaint), plus the rules v2 adds: an enhanced
 * inspection refused its notification until the skills nominee is named, and a complaint answered before publication.
 */
export const fesInspectionV2: TypeHistories = {
  required: [...REQUIRED_PATHS, 'pause-resume', 'enhanced-skills-nominee', 'complaint'],
  scenarios: [
    ...v1.scenarios,
    {
      path: 'enhanced-skills-nominee',
      async run({ env, start }) {
        const i = await start({ kind: 'full', enhanced: true });
        await refused(i.send(actors.inspector, 'NOTIFIED', { wellbeingContact: 'principal', nominee: 'Vice principal' }));
        await i.send(actors.inspector, 'NOTIFIED', { wellbeingContact: 'principal', nominee: 'Vice principal', skillsNominee: 'Head of employer partnerships' });
        await env.sleep('5 days');
        await i.send(actors.inspector, 'INSPECTION_STARTED');
        await fullInspectionFeedback(env, i);
        return i;
      },
    },
    {
      path: 'complaint',
      async run({ env, start }) {
        const i = await start({ kind: 'full' });
        await notifiedAndStarted(env, i);
        await fullInspectionFeedback(env, i);
        await publishedAfterFeedback(env, i, { complaint: 'answeredBeforePublication' });
        return i;
      },
    },
  ],
};
