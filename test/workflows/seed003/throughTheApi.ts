/** Starting seed 003 inspections through the API, as a manager does: on the latest revision of the framework in force. */
import { TEST_FRAMEWORK_DATE, startApi } from '../../support/apiServer';
import { InspectionHandle } from '../../support/inspectionHarness';
import { PROVIDER_ID } from '../../support/pureDriver';
import type { Servers } from './lifecycleHelpers';

/** The API on the calling file's fresh servers, for each test (register after useTimeSkippingWorker()). */
export function useApiForNewInspections(servers: Servers) {
  const current = {} as { api: Awaited<ReturnType<typeof startApi>> };
  beforeEach(async () => {
    current.api = await startApi(servers.env.client, servers.worker.db, servers.worker.taskQueue, TEST_FRAMEWORK_DATE);
  });
  afterEach(async () => current.api?.close());
  return {
    /** POST /inspections as a manager: the created inspection (the framework version in force, at its latest revision), and a handle on it. */
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
