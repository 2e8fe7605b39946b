/** Starting seed 003 inspections through the API on a day their v2 is in force (from 2027-01-01). */
import { startApi } from '../../support/apiServer';
import { InspectionHandle } from '../../support/inspectionHarness';
import { PROVIDER_ID } from '../../support/pureDriver';
import type { Servers } from './lifecycleHelpers';

export const AFTER_V2_IN_FORCE = '2027-01-04';

/** The API on the calling file's fresh servers, for each test (register after useTimeSkippingWorker()). */
export function useApiAfterV2InForce(servers: Servers) {
  const current = {} as { api: Awaited<ReturnType<typeof startApi>> };
  beforeEach(async () => {
    current.api = await startApi(servers.env.client, servers.worker.db, servers.worker.taskQueue, AFTER_V2_IN_FORCE);
  });
  afterEach(async () => current.api?.close());
  return {
    /** POST /inspections as a manager: the created inspection (its version the one in force), and a handle on it. */
    async start(type: string, input: Record<string, unknown> = {}) {
      const res = await current.api.call('POST', '/inspections', { role: 'manager', body: { type, providerId: PROVIDER_ID, ...input } });
      expect(res).toMatchObject({ status: 201 });
      return { created: res.body as { version: number; status: string }, inspection: InspectionHandle.of(servers.env.client, res.body.inspectionId as string) };
    },
    /** POST a decision through the API: status and body (a refusal is a 4xx with its code and message). */
    decide(inspection: InspectionHandle, role: 'manager' | 'inspector' | 'provider', body: Record<string, unknown>) {
      return current.api.call('POST', `/inspections/${inspection.inspectionId}/decisions`, { role, body });
    },
  };
}
