/** What the seed 003 lifecycle tests do the same way on the time-skipping server (fresh servers per test). */
import { londonDateOf } from '../../../calendar';
import type { InspectionView } from '../../../engine';
import { InspectionHandle, type useTimeSkippingWorker } from '../../support/inspectionHarness';

export type Servers = ReturnType<typeof useTimeSkippingWorker>;

export function lifecycleHelpers(servers: Servers) {
  return {
    /** Starts an inspection of a type (version 1 unless given) on the calling file's servers. */
    start: (type: string, input: Record<string, unknown> = {}, version = 1) => InspectionHandle.start(servers.env, servers.worker.taskQueue, type, version, input),
    due: (view: InspectionView, clock: string) => view.deadlines.find((d) => d.clock === clock),
    /** Lets the server's clock run to just past an instant. */
    async sleepPast(dueAt: string) {
      await servers.env.sleep(Math.max(0, Date.parse(dueAt) - (await servers.env.currentTimeMs())) + 60_000);
    },
    async refused(p: Promise<unknown>) {
      await expect(p).rejects.toThrow();
    },
    /** Today on the server's clock, a London date. */
    today: async () => londonDateOf(await servers.env.currentTimeMs()),
  };
}
