import { deadline } from '../../../calendar';
import { useTimeSkippingWorker } from '../../support/inspectionHarness';
import { actors } from '../../support/pureDriver';
import { skipPastClock } from '../../support/serverClock';
import { fesGrades } from '../../machines/seed003Samples';
import { useApiForNewInspections } from './throughTheApi';

/** fes-inspection (January 2024) at its latest machine revision on the time-skipping server, started through the API. */
const servers = useTimeSkippingWorker();
const api = useApiForNewInspections(servers);
const NOMINEES = { wellbeingContact: 'principal', nominee: 'Vice principal' };

it('an enhanced college inspection: notified only with its skills nominee, due to start within its notice; a complaint weeks after the final report, answered, then published', async () => {
  const { created, inspection } = await api.start('fes-inspection', { kind: 'full', enhanced: true });
  expect(created).toMatchObject({ version: 1, machineRevision: 3, status: 'scheduled' });
  const refused = await api.decide(inspection, 'inspector', { event: 'NOTIFIED', ...NOMINEES });
  expect(refused.status).toBe(400);
  expect(refused.body.error.message).toMatch(/skills nominee/);
  expect((await inspection.view()).status).toBe('scheduled');
  const notified = await inspection.send(actors.inspector, 'NOTIFIED', { ...NOMINEES, skillsNominee: 'Head of employer partnerships' });
  const notice = notified.deadlines.find((d) => d.clock === 'collegeNotice');
  expect(notice?.due).toBe(deadline(notified.facts.notifiedOn as string, 6, 'workingDays'));
  await inspection.send(actors.inspector, 'FOLLOW_UP_CALL_MADE');
  await servers.env.sleep('6 days');
  await inspection.send(actors.inspector, 'INSPECTION_STARTED');
  await servers.env.sleep('3 days');
  await inspection.send(actors.inspector, 'FINAL_TEAM_MEETING_HELD', { judgements: fesGrades });
  const feedback = await inspection.send(actors.inspector, 'FEEDBACK_GIVEN');
  await skipPastClock(servers.env, feedback, 'nextDayContact');
  await inspection.send(actors.manager, 'QA_COMPLETED');
  await inspection.send(actors.inspector, 'DRAFT_REPORT_SENT');
  await inspection.send(actors.manager, 'COMMENT_WINDOW_CLOSED'); // no comment window on the FES page (E34)
  await api.decide(inspection, 'provider', { event: 'COMPLAINT_MADE', summary: 'too early' }).then((r) => expect(r.status).toBe(409));
  await inspection.send(actors.manager, 'FINAL_REPORT_SENT');
  await servers.env.sleep('30 days');
  const complaint = await api.decide(inspection, 'provider', { event: 'COMPLAINT_MADE', summary: 'the apprenticeships judgement ignored our data' });
  expect(complaint).toMatchObject({ status: 200, body: { status: 'complaint_under_review', deadlines: [] } });
  expect((await inspection.send(actors.manager, 'COMPLAINT_RESPONDED', { outcome: 'partly_upheld' })).status).toBe('awaiting_publication');
  await inspection.send(actors.manager, 'REPORT_PUBLISHED');
  expect(await inspection.handle.result()).toMatchObject({ status: 'published', grade: 'good', breaches: 0 });
  expect((await inspection.view()).facts).toMatchObject({ skillsNominee: 'Head of employer partnerships', complaintOutcome: 'partly_upheld' });
});

it('other inspections are notified without a skills nominee', async () => {
  for (const kind of ['full', 'short', 'monitoring']) {
    const { inspection } = await api.start('fes-inspection', { kind });
    expect((await inspection.send(actors.inspector, 'NOTIFIED', NOMINEES)).status).toBe('notified');
  }
});
