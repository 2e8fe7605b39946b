/** The tail every happy path of a seed 003 type shares after feedback: a concern the next working day, then the report chain to publication. */
import type { InspectionHandle } from '../inspectionHarness';
import { actors } from '../pureDriver';

export async function concernThenPublished(i: InspectionHandle, concern: string, handlerId: string): Promise<InspectionHandle> {
  await i.send(actors.provider, 'CONCERN_RAISED', { summary: concern });
  await i.send(actors.manager, 'CONCERN_ROUTED', { handlerId });
  await i.send(actors.manager, 'QA_COMPLETED');
  await i.send(actors.inspector, 'DRAFT_REPORT_SENT');
  await i.send(actors.provider, 'COMMENTS_SUBMITTED');
  await i.send(actors.manager, 'FINAL_REPORT_SENT');
  await i.send(actors.manager, 'REPORT_PUBLISHED');
  await i.handle.result();
  return i;
}
