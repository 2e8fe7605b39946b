import { INSPECTION_TYPES } from '../../machines/registry';
import { execFile } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readLedger } from '../../ledger';
import { CheckpointDirectory, checkpointAuditLog } from '../../ledger/auditLog';
import { signingKey, verifierKey } from '../../ledger/checkpoint';
import { addCalendarDays, addWorkingDays, londonDateOf, nextWorkingDay, workingDayOnOrAfter } from '../../calendar';
import type { Io } from '../../cli/main';
import { useApiStack } from '../support/apiServer';
import { eventually } from '../support/eventually';
import { InspectionHandle, goodJudgements } from '../support/inspectionHarness';
import { PROVIDER_ID } from '../support/pureDriver';

const BIN = path.join(__dirname, '..', '..', 'cli', 'bin.js');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `node cli/bin.js ...` as a child process, asynchronously (the API under test runs in this process). */
function cli(args: string[], env: Record<string, string> = {}): Promise<Run> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, INSPECTIONS_API_URL: 'http://127.0.0.1:9', INSPECTIONS_TOKEN: '', ...env };
  return new Promise((resolve) => {
    // maxBuffer: `types --json` prints every type's whole catalogue, past Node's default 1 MiB.
    execFile(process.execPath, [BIN, ...args], { env: childEnv, timeout: 60_000, maxBuffer: 64 * 2 ** 20 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

const SCCIF = 'seed 002 (SCCIF: residential family centres, 2024)';

describe('inspections command line, offline', () => {
  it('types --json: the catalogue from the machines', async () => {
    const run = await cli(['types', '--json']);
    expect(run.code).toBe(0);
    const types = JSON.parse(run.stdout) as { type: string; clocks: unknown[]; decisions: unknown[] }[];
    expect(types.map((t) => `${t.type}`)).toEqual(INSPECTION_TYPES.map((d) => d.type));
    expect(types.every((t) => t.clocks.length > 0 && t.decisions.length > 0)).toBe(true);
    const table = await cli(['types']);
    expect(table.stdout).toMatch(/^TYPE\s+VERSION\s+REV\s+IN FORCE FROM/);
    expect(table.stdout).toMatch(/^sccif-rfc-full\s+1\s+1\s+2024-04-05/m); // kept for the inspections that run it
    expect(table.stdout).toMatch(/^sccif-rfc-full\s+1\s+3\*\s+2024-04-05/m); // the revision new inspections start on
    expect(table.stdout).toMatch(/^safeguarding-lac\s+1\s+2\*\s+2010-10-01\s+9\s+3\s/m); // 9 clocks, 3 of them readings
  });

  it('calendar: a year by rule marked provisional, a published one, and a clear error outside the years covered', async () => {
    const provisional = await cli(['calendar', '--year', '2033']);
    expect(provisional.code).toBe(0);
    expect(provisional.stdout).toMatch(/^2033 \(PROVISIONAL: by the statutory rules, not yet published\)$/m);
    expect(provisional.stdout).toMatch(/^2033-01-03\s+New Year's Day\s+Substitute day$/m);
    const json = JSON.parse((await cli(['calendar', '--year', '2023', '--json'])).stdout);
    expect(json).toMatchObject({ year: 2023, basis: 'published', published: { lastYear: 2030 } });
    expect(json.holidays.map((h: { date: string }) => h.date)).toContain('2023-05-08'); // the coronation: published, never by rule
    const outside = await cli(['calendar', '--year', '2300']);
    expect(outside).toMatchObject({ code: 1, stdout: '' });
    expect(outside.stderr).toMatch(/^inspections: No England-and-Wales working-day calendar for year 2300: .*2031 to 2199/);
  });

  it('timeline --type sccif-rfc-full --end 2024-12-13 --json: the dates that follow, with rule and source', async () => {
    const run = await cli(['timeline', '--type', 'sccif-rfc-full', '--end', '2024-12-13', '--json']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual([
      {
        clock: 'nextDayContact',
        due: '2024-12-16', // the working day after Friday 13 December
        rule: 'The provider may contact Ofsted on the working day after the end of the inspection',
        source: `${SCCIF} §"Concerns or complaints about an inspection"; ${SCCIF} §"Annex for figures" step 2; domain reading §2.10 step 3, T17`,
      },
      {
        clock: 'draftReport',
        due: '2025-01-13',
        rule: 'Draft report sent within 18 working days of the end of the inspection',
        source: `${SCCIF} §"Quality assurance and arrangements for publishing the report"; ${SCCIF} §"Timeframe" day 21; ${SCCIF} §"Annex for figures" step 3`,
      },
      {
        clock: 'commentWindow',
        due: '2025-01-20',
        rule: 'The provider has 5 working days from the draft being sent to comment or complain',
        source: `${SCCIF} §"Quality assurance and arrangements for publishing the report"; ${SCCIF} §"Annex for figures" step 4`,
      },
      {
        clock: 'finalReport',
        due: '2025-01-29',
        rule: 'Final report sent within 30 working days of the end of the inspection, longer after a complaint',
        source: `${SCCIF} §"Quality assurance and arrangements for publishing the report"; ${SCCIF} §"Timeframe" day 33; ${SCCIF} §"Annex for figures" step 6`,
      },
      {
        clock: 'publication',
        due: '2025-02-05',
        rule: 'The report is published 5 working days after the final report is sent',
        source: `${SCCIF} §"Annex for figures" step 6; ${SCCIF} §"Timeframe" day 38`,
      },
    ]);
  });

  it('timeline --compliance-date: the follow-up visit within 5 working days, alone or among the report dates', async () => {
    const alone = await cli(['timeline', '--compliance-date', '2025-04-17', '--json']);
    expect(alone.code).toBe(0);
    expect(JSON.parse(alone.stdout)).toEqual([
      {
        clock: 'followUpVisit',
        due: '2025-04-28', // Thu 17 Apr 2025 + 5 working days, skipping Good Friday and Easter Monday
        rule: 'A monitoring visit or inspection within 5 working days of the compliance date',
        source: expect.stringContaining(`${SCCIF} §"Monitoring compliance notices"`),
      },
    ]);
    const both = await cli(['timeline', '--type', 'sccif-rfc-full', '--end', '2024-12-13', '--compliance-date', '2025-01-15', '--json']);
    expect((JSON.parse(both.stdout) as { clock: string; due: string }[]).map((e) => `${e.due} ${e.clock}`)).toEqual([
      '2024-12-16 nextDayContact',
      '2025-01-13 draftReport',
      '2025-01-20 commentWindow',
      '2025-01-22 followUpVisit',
      '2025-01-29 finalReport',
      '2025-02-05 publication',
    ]);
  });

  it('timeline for people and calendars: a readable list, or an iCalendar feed', async () => {
    const text = await cli(['timeline', '--type', 'childrens-centre', '--end', '2025-06-13']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^\d{4}-\d{2}-\d{2} {2}target/);
    expect(text.stdout).toContain('seed 000');
    expect(text.stdout).not.toContain('Assumed steps');
    const assumed = await cli(['timeline', '--type', 'childminder-agency', '--end', '2025-06-13']);
    expect(assumed.stdout).toContain('2025-08-01  window    Window to lodge a formal complaint');
    expect(assumed.stdout).toMatch(/\nAssumed steps \(No clock closes this step: assumed taken on the day it becomes possible\.\):\n2025-06-16  Quality assurance and moderation completed\n/);
    expect(assumed.stdout).toContain('2025-08-01  Report published');
    const ics = await cli(['timeline', '--type', 'sccif-rfc-full', '--end', '2024-12-13', '--ics']);
    expect(ics.code).toBe(0);
    expect(ics.stdout.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics.stdout).toContain('DTSTART;VALUE=DATE:20250113\r\n');
    expect(ics.stdout).toContain('UID:preview-sccif-rfc-full-2024-12-13-draftReport@durable-inspections\r\n');
  });

  it.each([
    [['frob'], /unknown command "frob"/],
    [['types', '--colour'], /unknown flag --colour/],
    [['timeline', '--type', 'nonsense', '--end', '2024-12-13'], /unknown inspection type "nonsense"; known types: sccif-rfc-full/],
    [['timeline', '--type', 'sccif-rfc-full', '--end', '2025-02-30'], /--end "2025-02-30" is not a date/],
    [['timeline', '--type', 'sccif-rfc-full', '--end', '13/12/2024'], /expected a real date as YYYY-MM-DD/],
    [['timeline', '--type', 'sccif-rfc-full'], /--type needs --end/],
    [['timeline', '--compliance-date'], /--compliance-date needs a value/],
    [['timeline', '--type', 'sccif-rfc-full', '--end', '2024-12-13', '--json', '--ics'], /choose one of --json and --ics/],
    [['show'], /missing <inspectionId>/],
    [['decide', 'insp-00000000', 'INSPECTION_STARTED', '--data', '{not json'], /--data is not valid JSON/],
    [['decide', 'insp-00000000', 'INSPECTION_STARTED', '--at', 'yesterday'], /--at "yesterday" is not a date/],
    [['start', '--type', 'sccif-rfc-full', '--provider', 'p1', '--colour', 'red'], /unknown flag --colour; sccif-rfc-full takes --scheduledFor/],
    [['start', '--type', 'nonsense', '--provider', 'p1'], /unknown inspection type "nonsense"/],
  ])('bad input %j: exit 2 with a readable message', async (args, message) => {
    const run = await cli(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toMatch(/Run 'inspections .*--help' for usage/);
    expect(run.stderr).not.toMatch(/at .*\.ts:\d+/); // a message, not a stack trace
  });

  it('--help lists every command; a command explains itself', async () => {
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    for (const command of ['types', 'timeline', 'start', 'show', 'decide', 'inbox', 'audit']) expect(help.stdout).toContain(`  ${command}`);
    const timeline = await cli(['timeline', '--help']);
    expect(timeline.code).toBe(0);
    expect(timeline.stdout).toContain('--compliance-date');
  });

  it('an unreachable server: exit 1 saying where it looked', async () => {
    const run = await cli(['show', 'insp-00000000-0000'], { INSPECTIONS_API_URL: 'http://127.0.0.1:9' });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/cannot reach the inspections API at http:\/\/127\.0\.0\.1:9/);
  });
});

describe('inspections command line against the API, the dev server and a worker', () => {
  const stack = useApiStack();

  const as = (role: 'manager' | 'inspector' | 'provider' | 'auditor') => ({ INSPECTIONS_API_URL: stack.api.base, INSPECTIONS_TOKEN: stack.api.tokens[role] });

  it('start, show, decide and audit an inspection', async () => {
    const started = await cli(['start', '--type', 'sccif-rfc-full', '--provider', PROVIDER_ID, '--scheduledFor', '2030-01-10', '--json'], as('manager'));
    expect(started.stderr).toBe('');
    expect(started.code).toBe(0);
    const view = JSON.parse(started.stdout) as { inspectionId: string; status: string; facts: Record<string, unknown> };
    expect(view).toMatchObject({ status: 'scheduled', facts: { scheduledFor: '2030-01-10' } });
    const id = view.inspectionId;

    const shown = await cli(['show', id, '--json'], as('auditor'));
    expect(shown.code).toBe(0);
    expect(JSON.parse(shown.stdout)).toMatchObject({ inspectionId: id, status: 'scheduled' });
    const readable = await cli(['show', id], as('auditor'));
    expect(readable.stdout).toContain(id);
    expect(readable.stdout).toContain('INSPECTION_STARTED');

    // --token wins over the environment.
    const onSite = await cli(['decide', id, 'INSPECTION_STARTED', '--json', '--token', stack.api.tokens.inspector], as('manager'));
    expect(onSite.code).toBe(0);
    expect(JSON.parse(onSite.stdout).status).toBe('on_site');
    const feedback = await cli(['decide', id, 'FEEDBACK_GIVEN', '--data', JSON.stringify({ judgements: goodJudgements })], as('inspector'));
    expect(feedback.code).toBe(0);
    expect(feedback.stdout).toContain('Accepted FEEDBACK_GIVEN');
    expect(feedback.stdout).toContain('draftReport');

    const refused = await cli(['decide', id, 'REPORT_PUBLISHED', '--json'], as('inspector'));
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(/unknown event "REPORT_PUBLISHED"|not allowed/);
    expect(refused.stderr).toMatch(/HTTP 4\d\d/);
    const forbidden = await cli(['decide', id, 'DRAFT_REPORT_SENT'], as('provider'));
    expect(forbidden.code).toBe(1);
    expect(forbidden.stderr).toMatch(/HTTP 403/);

    const audit = await cli(['audit', id, '--json'], as('auditor'));
    expect(audit.code).toBe(0);
    const trail = JSON.parse(audit.stdout) as { inspectionId: string; entries: { kind: string }[] };
    expect(trail.inspectionId).toBe(id);
    expect(trail.entries.map((e) => e.kind)).toEqual(expect.arrayContaining(['inspection.started', 'decision.accepted', 'deadline.set']));
    const auditText = await cli(['audit', id], as('auditor'));
    expect(auditText.stdout).toContain('decision.accepted');
    const trace = await cli(['history', id, '--json'], as('auditor'));
    expect(trace.code).toBe(0);
    const events = JSON.parse(trace.stdout).events as Record<string, { decoded?: unknown[]; input?: { decoded?: unknown[] } }>[];
    const startedEvent = events[0]!.workflowExecutionStartedEventAttributes!;
    expect(startedEvent.input!.decoded![0]).toMatchObject({ inspectionId: id, type: 'sccif-rfc-full', providerId: PROVIDER_ID }); // decoded, not base64
    const traceText = await cli(['history', id], as('auditor'));
    expect(traceText.stdout).toMatch(/WORKFLOW_EXECUTION_UPDATE_ACCEPTED .*FEEDBACK_GIVEN/);
    expect((await cli(['history', 'insp-00000000-0000-0000-0000-000000000000'], as('auditor'))).stderr).toMatch(/HTTP 404/);
    const providerAudit = await cli(['audit', id], as('provider'));
    expect(providerAudit.code).toBe(1);
    expect(providerAudit.stderr).toMatch(/HTTP 403/);
  });

  it('inbox: the decisions waiting for the token\'s role', async () => {
    const started = JSON.parse((await cli(['start', '--type', 'sccif-rfc-full', '--provider', PROVIDER_ID, '--json'], as('manager'))).stdout);
    const id = started.inspectionId as string;
    const item = await eventually(async () => {
      const run = await cli(['inbox', '--json'], as('inspector'));
      if (run.code !== 0) throw new Error(run.stderr);
      return (JSON.parse(run.stdout).items as { inspectionId: string; event: string }[]).find((i) => i.inspectionId === id && i.event === 'INSPECTION_STARTED');
    }, 30_000);
    expect(item).toMatchObject({ type: 'sccif-rfc-full', roles: ['inspector'] });
    const text = await cli(['inbox'], as('inspector'));
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(id);
  });

  it('timeline --id: the server projects a running inspection from its current state', async () => {
    const id = JSON.parse((await cli(['start', '--type', 'sccif-rfc-full', '--provider', PROVIDER_ID, '--json'], as('manager'))).stdout).inspectionId as string;
    await cli(['decide', id, 'INSPECTION_STARTED'], as('inspector'));
    const today = londonDateOf(Date.now());
    expect((await cli(['decide', id, 'FEEDBACK_GIVEN', '--at', today, '--data', JSON.stringify({ judgements: goodJudgements })], as('inspector'))).code).toBe(0);
    const run = await cli(['timeline', '--id', id, '--json'], as('manager'));
    expect(run.code).toBe(0);
    const body = JSON.parse(run.stdout) as { inspectionId: string; entries: { clock: string; due: string }[] };
    expect(body.inspectionId).toBe(id);
    expect(body.entries.map((e) => e.clock)).toEqual(['nextDayContact', 'draftReport', 'commentWindow', 'finalReport', 'publication']);
    expect(body.entries[0]!.due).toBe(addWorkingDays(today, 1));
    expect(body.entries[1]!.due).toBe(addWorkingDays(today, 18));
    const text = await cli(['timeline', '--id', id], as('manager'));
    expect(text.stdout).toContain(`${addWorkingDays(today, 18)}  target    Draft report to the provider`);
    const ics = await cli(['timeline', '--id', id, '--ics'], as('manager'));
    expect(ics.stdout.replace(/\r\n /g, '')).toContain(`UID:${id}-draftReport@durable-inspections\r\n`);
    const unknown = await cli(['timeline', '--id', 'insp-00000000-0000-0000', '--json'], as('manager'));
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/HTTP 404/);
  });

  it('start --at, decide entered late, correct and confirm-missed: a backlog entered weeks after it happened', async () => {
    const opened = addCalendarDays(londonDateOf(Date.now()), -60);
    const started = await cli(['start', '--type', 'sccif-rfc-full', '--provider', PROVIDER_ID, '--at', opened, '--json'], as('manager'));
    expect(started.code).toBe(0);
    const id = JSON.parse(started.stdout).inspectionId as string;
    expect((await cli(['decide', id, 'INSPECTION_STARTED', '--at', `${opened}T09:30`], as('inspector'))).code).toBe(0);
    const overdue = JSON.parse((await cli(['show', id, '--json'], as('manager'))).stdout) as { deadlines: { clock: string; overdue: boolean }[] };
    expect(overdue.deadlines).toEqual([expect.objectContaining({ clock: 'onSiteLength', overdue: true })]);
    const missed = await cli(['confirm-missed', id, '--clock', 'onSiteLength', '--reason', 'the inspectors stayed a week'], as('manager'));
    expect(missed.code).toBe(0);
    expect(missed.stdout).toContain('Confirmed onSiteLength missed');
    expect(missed.stdout).toMatch(/onSiteLength\s+\S+\s+not yet \(confirmed missed\)/);
    const step = await eventually(async () => {
      const trail = JSON.parse((await cli(['audit', id, '--json'], as('auditor'))).stdout) as { entries: { seq: number; kind: string }[] };
      return trail.entries.find((e) => e.kind === 'decision.accepted');
    });
    const corrected = await cli(['correct', id, '--step', String(step.seq), '--at', addCalendarDays(opened, 1), '--reason', 'arrived the next morning', '--json'], as('manager'));
    expect(corrected.code).toBe(0);
    expect(JSON.parse(corrected.stdout).facts.onSiteStartedAt).toBe(addCalendarDays(opened, 1));
    const usage = await cli(['correct', id, '--step', String(step.seq), '--reason', 'nothing said'], as('manager'));
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('say what to correct: --at, --data, or --withdraw');
    const refused = await cli(['correct', id, '--step', String(step.seq), '--withdraw', '--reason', 'x'], as('inspector'));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/corrected by manager.*HTTP 403/);
  });

  it('migrate: a dry run that changes nothing, then --apply; a bad call is a usage error', async () => {
    const inspection = await InspectionHandle.startAs(stack.env, stack.worker.taskQueue, { type: 'sccif-rfc-full', version: 1, machineRevision: 1 });
    const args = ['migrate', '--type', 'sccif-rfc-full', '--version', '1', '--from', '1', '--to', '3', '--ids', inspection.inspectionId, '--reason', 'every rule of the 2024 framework'];
    const dry = await cli(args, as('manager'));
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain(`${inspection.inspectionId}  would move`);
    expect(dry.stdout).toContain('Dry run: 1 would move, 0 refused; nothing changed');
    expect((await inspection.view()).machineRevision).toBe(1);
    const applied = await cli([...args, '--apply'], as('manager'));
    expect(applied.code).toBe(0);
    expect(applied.stdout).toMatch(/^Migration migration-[a-f0-9-]+: 1 migrated, 0 already on the revision, 0 refused, of 1\.$/m);
    expect((await inspection.view()).machineRevision).toBe(3);
    const wrong = await cli(['migrate', '--type', 'sccif-rfc-full', '--version', '1', '--from', '1', '--to', '3', '--all'], as('manager'));
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('missing --reason');
    expect(wrong.stderr).not.toMatch(/\bat .*\.ts:\d+/); // no stack trace
  });

  it('a missing token: the API\'s 401 message, with a hint', async () => {
    const run = await cli(['show', 'insp-00000000-0000'], { INSPECTIONS_API_URL: stack.api.base });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/bearer token is required.*HTTP 401.*--token or INSPECTIONS_TOKEN/);
  });

  // Last in this block: it publishes a calendar change to every inspection and centre on this stack.
  it('calendar add-holiday: a dry run of the deadlines that move, then --apply publishes it to every running inspection and centre', async () => {
    const started = await stack.api.call('POST', '/inspections', { role: 'manager', body: { type: 'sccif-rfc-full', providerId: PROVIDER_ID } });
    const id = started.body.inspectionId as string;
    await stack.api.call('POST', `/inspections/${id}/decisions`, { role: 'inspector', body: { event: 'INSPECTION_STARTED' } });
    const fedBack = (await stack.api.call('POST', `/inspections/${id}/decisions`, { role: 'inspector', body: { event: 'FEEDBACK_GIVEN', judgements: goodJudgements } })).body;
    const centre = `centre-cli-${Date.now()}`;
    expect((await stack.api.call('POST', '/centres', { role: 'manager', body: { providerId: centre, registeredOn: londonDateOf(Date.now()) } })).status).toBe(201);
    await eventually(async () => {
      for await (const w of stack.env.client.workflow.list({ query: `WorkflowType = 'centreCycleWorkflow' AND TaskQueue = '${stack.worker.taskQueue}'` })) if (w.workflowId.endsWith(centre)) return true;
      return undefined;
    });
    await eventually(async () => ((await stack.worker.db.query('SELECT 1 FROM inspection_deadlines WHERE inspection_id = $1', [id])).length > 0 ? true : undefined));
    const day = workingDayOnOrAfter(addCalendarDays(londonDateOf(Date.now()), 10));
    const report = (fedBack.deadlines as { clock: string; due: string }[]).find((d) => d.clock === 'draftReport')!;
    const args = ['calendar', 'add-holiday', day, '--title', 'A proclaimed bank holiday', '--source', 'Royal Proclamation'];

    expect((await cli(['calendar', 'add-holiday', day, '--source', 'x'], as('manager')))).toMatchObject({ code: 2, stderr: expect.stringMatching(/missing --title/) });
    expect((await cli(['calendar', 'add-holiday', 'next-monday', '--title', 't', '--source', 'x'], as('manager')))).toMatchObject({ code: 2, stderr: expect.stringMatching(/not a date/) });
    expect((await cli([...args, '--dry-run'], as('inspector')))).toMatchObject({ code: 1, stderr: expect.stringMatching(/HTTP 403/) });
    const dryRun = await cli([...args, '--dry-run'], as('manager'));
    expect(dryRun.code).toBe(0);
    expect(dryRun.stdout).toMatch(new RegExp(`^${id}\\s+draftReport\\s+${report.due}\\s+${nextWorkingDay(report.due)}$`, 'm'));
    expect(dryRun.stdout).toMatch(/nothing changed \(--apply to publish\)/);

    const applied = await cli([...args, '--apply', '--json'], as('manager'));
    expect(applied.stderr).toBe('');
    expect(applied.code).toBe(0);
    const { batch } = JSON.parse(applied.stdout);
    expect(batch).toMatchObject({ status: 'completed', refused: 0 });
    expect(batch.moved).toBeGreaterThanOrEqual(1);
    const centreState = (await stack.api.call('GET', `/centres/${centre}`, { role: 'manager' })).body;
    expect(centreState.calendar).toBe(batch.version);
    expect((await stack.api.call('GET', `/inspections/${id}`, { role: 'manager' })).body.deadlines.find((d: { clock: string }) => d.clock === 'draftReport').due).toBe(nextWorkingDay(report.due));

    const year = await cli(['calendar', '--year', day.slice(0, 4), '--server'], as('auditor'));
    expect(year.stdout).toMatch(new RegExp(`^${day}\\s+A proclaimed bank holiday\\s+Proclaimed: Royal Proclamation$`, 'm'));
    const changes = await cli(['calendar', 'changes'], as('auditor'));
    expect(changes.code).toBe(0);
    expect(changes.stdout).toMatch(new RegExp(`^${batch.version.replace('+', '\\+')}\\s+add\\s+${day}\\s+A proclaimed bank holiday`, 'm'));
    const again = await cli([...args, '--apply', '--json'], as('manager')); // delivered again: the same batch, nothing moved twice
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).batch).toMatchObject({ batchId: batch.batchId, moved: batch.moved });
    const renamed = await cli(['calendar', 'add-holiday', day, '--title', 'Another name', '--source', 'Another proclamation', '--apply'], as('manager'));
    expect(renamed).toMatchObject({ code: 1, stderr: expect.stringMatching(/already a bank holiday.*HTTP 409|HTTP 409.*already a bank holiday/s) });
    const withdrawal = await cli(['calendar', 'withdraw-holiday', day, '--source', 'The proclamation revoked'], as('manager'));
    expect(withdrawal.code).toBe(0);
    expect(withdrawal.stdout).toMatch(new RegExp(`^${id}\\s+draftReport\\s+${nextWorkingDay(report.due)}\\s+${report.due}$`, 'm'));
  });
});

describe('inspections audit verify: an audit trail proved against signed checkpoints, trusting only the key', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-checkpoints-'));
  const stack = useApiStack({ checkpointDir: dir });
  const key = signingKey('test.example/audit-log', generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }) as string);
  const vkey = verifierKey(key);
  const as = (role: 'manager' | 'inspector' | 'auditor') => ({ INSPECTIONS_API_URL: stack.api.base, INSPECTIONS_TOKEN: stack.api.tokens[role], INSPECTIONS_CHECKPOINT_KEY: vkey });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('verifies, keeps the checkpoint, and after a rewrite of the database says what changed (exit 1)', async () => {
    const id = JSON.parse((await cli(['start', '--type', 'sccif-rfc-full', '--provider', PROVIDER_ID, '--json'], as('manager'))).stdout).inspectionId as string;
    await cli(['decide', id, 'INSPECTION_STARTED'], as('inspector'));
    await eventually(async () => ((await readLedger(stack.worker.db, id)).some((e) => e.kind === 'decision.accepted') ? true : undefined));
    expect((await cli(['audit', 'verify', id], as('auditor'))).stderr).toMatch(/no checkpoint of the audit log has been signed yet.*HTTP 409/);
    await checkpointAuditLog(stack.worker.db, new CheckpointDirectory(dir), key); // what the worker does every minute
    const kept = path.join(dir, '..', `${path.basename(dir)}-kept.txt`);
    const first = await cli(['audit', 'verify', id, '--save', kept], as('auditor'));
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/\d+ entries proved in the signed log; 0 stored since its last checkpoint/);
    expect(first.stdout).toContain('Verified.');
    expect(fs.readFileSync(kept, 'utf8')).toMatch(/^test.example\/audit-log\n\d+\n/);

    await cli(['decide', id, 'FEEDBACK_GIVEN', '--data', JSON.stringify({ judgements: goodJudgements })], as('inspector'));
    await eventually(async () => ((await readLedger(stack.worker.db, id)).filter((e) => e.kind === 'decision.accepted').length === 2 ? true : undefined));
    const grown = await cli(['audit', 'verify', id, '--checkpoint', kept], as('auditor'));
    expect(grown.code).toBe(0);
    expect(grown.stdout).toMatch(/consistent with the checkpoint you kept .*: yes/);

    await stack.worker.db.exec('ALTER TABLE ledger_entries DISABLE TRIGGER USER');
    await stack.worker.db.query(`UPDATE ledger_entries SET actor = 'someone-else' WHERE inspection_id = $1 AND seq = 2`, [id]);
    await stack.worker.db.exec('ALTER TABLE ledger_entries ENABLE TRIGGER USER');
    const tampered = await cli(['audit', 'verify', id, '--checkpoint', kept], as('auditor'));
    expect(tampered.code).toBe(1);
    expect(tampered.stdout).toContain('PROBLEM: entry 2 does not match its hash (edited)');
    expect(tampered.stderr).toMatch(/the audit trail of .* does not verify/);
    const noKey = await cli(['audit', 'verify', id], { ...as('auditor'), INSPECTIONS_CHECKPOINT_KEY: '' });
    expect(noKey.code).toBe(2);
  });
});

// The CLI's own types are checked with the tests (tsconfig includes test/, and so what it imports).
export type { Io };
