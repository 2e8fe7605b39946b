/**
 * Two framework versions of the residential family centre full inspection: the 2014 framework
 * (seed 004, `sccif-rfc-full` v0, with `rfc-2014-monitoring` v0) and the 2024 SCCIF (seed 002, v1). Each
 * inspection keeps the version it started under (it is in the workflow's start input, so in its history); the
 * current workflow code must replay histories of both. Shown two ways: inspections run to completion here and
 * their histories replayed at once, and the histories committed under test/fixtures/histories/framework-versions/
 * (recorded by scripts/recordFrameworkVersionHistories.ts) replayed as they are.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { temporal } from '@temporalio/proto';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { readLedger } from '../../ledger';
import { versionInForce } from '../../machines/registry';
import { FRAMEWORK_VERSIONS_DIR, FRAMEWORK_VERSION_RUNS } from '../../scripts/recordFrameworkVersionHistories';
import { goodJudgements2014 } from '../support/historyScenarios/rfc2014Full';
import { historyFromJSONValue } from '../../api/historyJson';
import { InspectionHandle, goodJudgements, useTimeSkippingWorker, workflowBundle } from '../support/inspectionHarness';
import { actors } from '../support/pureDriver';
import { skipPastClock } from '../support/serverClock';

type History = temporal.api.history.v1.IHistory;

beforeAll(() => {
  Runtime.install({ logger: new DefaultLogger('ERROR') }); // replay workers log every state change otherwise
});

const servers = useTimeSkippingWorker();

/** The type and version an inspection was started with, as its history records them. */
function startedAs(history: History) {
  const started = history.events?.[0]?.workflowExecutionStartedEventAttributes;
  const input = JSON.parse(Buffer.from(started!.input!.payloads![0]!.data!).toString('utf8')) as { type: string; version: number };
  return { type: input.type, version: input.version };
}

const replay = async (history: History) => Worker.runReplayHistory({ workflowBundle: await workflowBundle() }, history);

describe('framework versions on the time-skipping server: each inspection keeps its version, and both replay', () => {
  it('runs a 2014 inspection (v0) to publication by its own rules, and replays its history', async () => {
    const definition = versionInForce('sccif-rfc-full', '2015-06-01');
    expect(definition.version).toBe(0);
    const inspection = await InspectionHandle.start(servers.env, servers.worker.taskQueue, definition.type, definition.version);
    const scheduled = await inspection.view();
    expect(scheduled).toMatchObject({ type: 'sccif-rfc-full', version: 0, status: 'scheduled' });
    // The 2014 framework has no deferrals (full inspections are always unannounced) and five judgements.
    expect(scheduled.allowedDecisions.map((d) => d.event)).toEqual(['INSPECTION_STARTED']);
    await inspection.send(actors.inspector, 'INSPECTION_STARTED');
    await expect(inspection.send(actors.inspector, 'FEEDBACK_GIVEN', { judgements: goodJudgements })).rejects.toThrow();
    const feedback = await inspection.send(actors.inspector, 'FEEDBACK_GIVEN', { judgements: goodJudgements2014 });
    expect(feedback.deadlines.map((d) => [d.clock, d.kind])).toEqual([
      ['draftReport', 'target'],
      ['publication', 'target'],
    ]);
    await servers.env.sleep('5 days');
    const draft = await inspection.send(actors.inspector, 'DRAFT_REPORT_SENT');
    expect(draft.status).toBe('awaiting_provider_comments');
    await skipPastClock(servers.env, draft, 'commentWindow'); // the provider's 5 working days close by themselves
    expect((await inspection.view()).status).toBe('finalising_report');
    await inspection.send(actors.manager, 'REPORT_PUBLISHED');
    expect(await inspection.handle.result()).toEqual({ status: 'published', grade: 'good', breaches: 0, endedOn: feedback.facts.feedbackDate, facts: expect.any(Object) });

    const entries = await readLedger(servers.worker.db, inspection.inspectionId);
    expect(entries[0]).toMatchObject({ kind: 'inspection.started', data: { type: 'sccif-rfc-full', version: 0 } });
    expect(entries.find((e) => e.kind === 'clock.expired')?.data).toMatchObject({ clock: 'commentWindow', event: 'COMMENT_WINDOW_CLOSED' });

    const history = await inspection.handle.fetchHistory();
    expect(startedAs(history)).toEqual({ type: 'sccif-rfc-full', version: 0 });
    await replay(history);
  });

  it('runs a 2024 inspection (v1) to publication by its own rules, and replays its history', async () => {
    const definition = versionInForce('sccif-rfc-full', '2025-06-01');
    expect(definition.version).toBe(1);
    const inspection = await InspectionHandle.start(servers.env, servers.worker.taskQueue, definition.type, definition.version);
    expect(await inspection.view()).toMatchObject({ type: 'sccif-rfc-full', version: 1, status: 'scheduled' });
    await inspection.send(actors.inspector, 'INSPECTION_STARTED');
    await expect(inspection.send(actors.inspector, 'FEEDBACK_GIVEN', { judgements: goodJudgements2014 })).rejects.toThrow();
    await inspection.send(actors.inspector, 'FEEDBACK_GIVEN', { judgements: goodJudgements });
    await servers.env.sleep('10 days');
    await inspection.send(actors.inspector, 'DRAFT_REPORT_SENT');
    await inspection.send(actors.provider, 'COMMENTS_SUBMITTED');
    await inspection.send(actors.manager, 'FINAL_REPORT_SENT');
    expect(await inspection.handle.result()).toMatchObject({ status: 'published', grade: 'good', breaches: 0 }); // published by itself

    const history = await inspection.handle.fetchHistory();
    expect(startedAs(history)).toEqual({ type: 'sccif-rfc-full', version: 1 });
    await replay(history);
  });

  it('runs a 2014 monitoring inspection to publication, ungraded, and replays its history', async () => {
    const inspection = await InspectionHandle.start(servers.env, servers.worker.taskQueue, 'rfc-2014-monitoring', 0);
    await inspection.send(actors.inspector, 'INSPECTION_STARTED');
    await inspection.send(actors.inspector, 'FEEDBACK_GIVEN', { outcome: 'requirements_set', findings: 'vetting records incomplete' });
    await inspection.send(actors.inspector, 'DRAFT_REPORT_SENT');
    await inspection.send(actors.provider, 'COMMENTS_SUBMITTED');
    await inspection.send(actors.manager, 'REPORT_PUBLISHED');
    expect(await inspection.handle.result()).toMatchObject({ status: 'published', grade: null, breaches: 0, endedOn: null });
    const history = await inspection.handle.fetchHistory();
    expect(startedAs(history)).toEqual({ type: 'rfc-2014-monitoring', version: 0 });
    await replay(history);
  });
});

describe('committed histories of both framework versions replay against the current workflow code', () => {
  const load = (key: string) => historyFromJSONValue(JSON.parse(fs.readFileSync(path.join(FRAMEWORK_VERSIONS_DIR, `${key}.json`), 'utf8')));

  it('has one fixture per framework version run, and nothing else', () => {
    expect(fs.readdirSync(FRAMEWORK_VERSIONS_DIR).sort()).toEqual(FRAMEWORK_VERSION_RUNS.map((r) => `${r.key}.json`).sort());
  });

  it.each(FRAMEWORK_VERSION_RUNS.map((r) => [r.key, r] as const))('%s: recorded from that type and version, run to completion, replays', async (key, run) => {
    const history = load(key);
    expect(startedAs(history)).toEqual({ type: run.type, version: run.version });
    expect(history.events?.at(-1)?.workflowExecutionCompletedEventAttributes).toBeTruthy();
    await replay(history);
  });
});
