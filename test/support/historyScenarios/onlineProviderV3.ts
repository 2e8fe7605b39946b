/** Online provider visits (seed 003 OLP), revision 3: `online-provider-visit` v1 revision 3, the notice of an accreditation visit. */
import { actors } from '../pureDriver';
import { skipPastClock } from '../serverClock';
import { onlineProviderV2 as r2 } from './onlineProviderV2';
import type { TypeHistories } from './scenario';

/** Every revision 2 path, plus an accreditation visit started after the working day its call gave notice for. */
export const onlineProviderV3: TypeHistories = {
  required: [...r2.required, 'notice-breached'],
  scenarios: [
    ...r2.scenarios,
    {
      path: 'notice-breached',
      async run({ env, start }) {
        const i = await start({ kind: 'accreditation' });
        const notified = await i.send(actors.inspector, 'NOTIFIED', { wellbeingContact: 'deputy head' });
        await skipPastClock(env, notified, 'visitNotice');
        await i.send(actors.inspector, 'INSPECTION_STARTED');
        return i;
      },
    },
  ],
};
