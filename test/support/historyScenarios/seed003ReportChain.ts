/** The tail every happy path of a seed 003 type shares after feedback: a concern the next working day, then the report chain to publication. */
import type { InspectionHandle } from '../inspectionHarness';
import { actors } from '../pureDriver';

export async function concernThenPublished(i: InspectionHandle, concern: string, handlerId: string, opts: { complaint?: boolean } = {}): Promise<InspectionHandle> {
  await i.send(actors.provider, 'CONCERN_RAISED', { summary: concern });
  await i.send(actors.manager, 'CONCERN_ROUTED', { handlerId });
  await i.send(actors.manager, 'QA_COMPLETED');
  await i.send(actors.inspector, 'DRAFT_REPORT_SENT');
  await i.send(actors.provider, 'COMMENTS_SUBMITTED');
  await i.send(actors.manager, 'FINAL_REPORT_SENT');
  if (opts.complaint) {
    // The formal complaint on receiving the final report (revisions that have it), answered before publication.
    await i.send(actors.provider, 'COMPLAINT_MADE', { summary: 'the findings do not reflect the evidence' });
    await i.send(actors.manager, 'COMPLAINT_RESPONDED', { outcome: 'not_upheld' });
  }
  await i.send(actors.manager, 'REPORT_PUBLISHED');
  await i.handle.result();
  return i;
}
