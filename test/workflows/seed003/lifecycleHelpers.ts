/** What the seed 003 lifecycle tests do the same way on the time-skipping server (fresh servers per test). */
import type { InspectionView } from '../../../engine';
import { InspectionHandle, type useTimeSkippingWorker } from '../../support/inspectionHarness';
import { serverDay, skipPast } from '../../support/serverClock';

export type Servers = ReturnType<typeof useTimeSkippingWorker>;

export function lifecycleHelpers(servers: Servers) {
  return {
    /** Starts an inspection of a type (version 1 unless given) on the calling file's servers. */
    start: (type: string, input: Record<string, unknown> = {}, version = 1) => InspectionHandle.start(servers.env, servers.worker.taskQueue, type, version, input),
    due: (view: InspectionView, clock: string) => view.deadlines.find((d) => d.clock === clock),
    /** Lets the server's clock run to just past an instant. */
    sleepPast: (dueAt: string) => skipPast(servers.env, dueAt),
    async refused(p: Promise<unknown>) {
      await expect(p).rejects.toThrow();
    },
    /** Today on the server's clock, a London date. */
    today: () => serverDay(servers.env),
  };
}
