/**
 * Shared set-up of the reliability suites (test/reliability/): the real Temporal dev server as a child process on
 * a SQLite file, a real PostgreSQL (throwaway cluster, or TEST_DATABASE_URL), the workflow bundle as a file for
 * worker processes (the run's shared one, test/support/globalSetup.ts), a client, and the checks every suite
 * makes on an inspection's audit ledger.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { addWorkingDays, londonDateOf } from '../../calendar';
import { type Database, openDatabase } from '../../db';
import { type LedgerEntry, readLedger, verifyChain } from '../../ledger';
import { type DevServerProcess, startDevServerProcess } from '../../devServer/devServerProcess';
import { goodJudgements } from './inspectionHarness';
import { PROVIDER_ID, actors } from './pureDriver';
import { INSPECTION_WORKFLOW, type StartInspectionInput } from '../../workflows/messages';
import type { Actor } from '../../machines/kit';
import { SHARED_WORKFLOW_BUNDLE } from './globalSetup';
import { writeWorkflowBundle } from './workerProcess';
import { CURRENT_ENGINE_REVISION } from '../../engine';

export interface Rig {
  dir: string;
  server: DevServerProcess;
  client: Client;
  connection: Connection;
  bundlePath: string;
  close(): Promise<void>;
}

export async function startRig(prefix: string): Promise<Rig> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
  const [server, bundlePath] = await Promise.all([
    startDevServerProcess({ dbFile: path.join(dir, 'temporal.sqlite'), logFile: path.join(dir, 'server.log') }),
    process.env[SHARED_WORKFLOW_BUNDLE] ?? writeWorkflowBundle(path.join(dir, 'workflow-bundle.js')),
  ]);
  const connection = await Connection.connect({ address: server.address });
  const client = new Client({ connection });
  return {
    dir,
    server,
    client,
    connection,
    bundlePath,
    async close() {
      await connection.close().catch(() => undefined);
      await server.stop().catch(() => undefined);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export { openDatabase, type Database };

/**
 * Starts `n` SCCIF RFC full inspections (v1) on `taskQueue`, as a manager would, opened on the day of the first of
 * the back-dated stages (rfcStages) so every stage may be entered; returns their ids.
 */
export async function startRfcInspections(client: Client, taskQueue: string, n: number, openedOn = rfcStages()[0]!.fields.at as string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const inspectionId = `insp-${randomUUID()}`;
    const args: StartInspectionInput = { inspectionId, type: 'sccif-rfc-full', version: 1, providerId: PROVIDER_ID, input: {}, createdBy: actors.manager, engineRevision: CURRENT_ENGINE_REVISION, openedOn };
    await client.workflow.start(INSPECTION_WORKFLOW, { workflowId: inspectionId, taskQueue, args: [args] });
    ids.push(inspectionId);
  }
  return ids;
}

/** A stage of the SCCIF RFC full lifecycle: one decision, with business dates back-dated so every clock is already due. */
export interface Stage {
  name: string;
  actor: Actor;
  event: string;
  fields: Record<string, unknown>;
}

/**
 * The SCCIF RFC full inspection from deferral to publication, dated in working days before `today` (an inspection
 * entered late): the on-site target is overdue as soon as the inspector is on site, and a breach once feedback is
 * dated after it; the provider's comment window has run out by the draft's date + 5 working days (it closes, in
 * business time, with the draft itself); and the publication clock has run out when the final report is sent (the
 * inspection publishes and completes with it). So every automatic step happens within seconds on a real-time
 * dev server, without test-only clocks (see test/durability/devServerRestart.test.ts on why no timer can be waited for).
 */
export function rfcStages(today = londonDateOf(Date.now())): Stage[] {
  const d = (n: number) => addWorkingDays(today, -n);
  return [
    { name: 'deferral requested', actor: actors.provider, event: 'DEFERRAL_REQUESTED', fields: { at: d(40), reason: 'registered manager on leave' } },
    { name: 'deferral refused', actor: actors.manager, event: 'DEFERRAL_REFUSED', fields: { at: d(39) } },
    { name: 'on site (on-site target already overdue)', actor: actors.inspector, event: 'INSPECTION_STARTED', fields: { at: d(30) } },
    { name: 'feedback given', actor: actors.inspector, event: 'FEEDBACK_GIVEN', fields: { at: d(26), judgements: goodJudgements } },
    { name: 'draft sent (comment window already over)', actor: actors.inspector, event: 'DRAFT_REPORT_SENT', fields: { at: d(20) } },
    { name: 'final report sent (publication already due)', actor: actors.manager, event: 'FINAL_REPORT_SENT', fields: { at: d(12) } },
  ];
}

/** What the ledger says happened, without instants: the same for any two runs of the same decisions. */
export function ledgerShape(entries: LedgerEntry[]): string[] {
  return entries.map((e) => {
    const d = e.data as Record<string, unknown>;
    return [e.kind, d.event ?? d.clock ?? d.effect ?? '', d.to ?? ''].filter((x) => x !== '').join(' ');
  });
}

export interface LedgerCheck {
  entries: LedgerEntry[];
  decisions: string[];
  expired: string[];
  missed: string[];
}

/** Chain verifies, seqs are 1..n, no entry (hash) twice, no decision recorded twice. Returns what it found. */
export async function checkLedger(db: Database, inspectionId: string): Promise<LedgerCheck> {
  const entries = await readLedger(db, inspectionId);
  const verified = await verifyChain(db, inspectionId);
  if (!verified.ok) throw new Error(`ledger of ${inspectionId} does not verify: ${JSON.stringify(verified)}`);
  const seqs = entries.map((e) => e.seq);
  if (seqs.some((s, i) => s !== i + 1)) throw new Error(`ledger of ${inspectionId} has a gap: ${seqs.join(',')}`);
  if (new Set(entries.map((e) => e.hash)).size !== entries.length) throw new Error(`ledger of ${inspectionId} has a duplicate entry`);
  const pick = (kind: string, key: string) => entries.filter((e) => e.kind === kind).map((e) => String((e.data as Record<string, unknown>)[key]));
  return { entries, decisions: pick('decision.accepted', 'event'), expired: pick('clock.expired', 'clock'), missed: pick('deadline.missed', 'clock') };
}

/** Figures for docs/RELIABILITY.md: each suite appends its own to test-artifacts/reliability-figures.json. */
export function recordFigures(suite: string, figures: Record<string, unknown>): void {
  const dir = path.join(__dirname, '..', '..', 'test-artifacts');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'reliability-figures.json');
  let all: Record<string, unknown> = {};
  try {
    all = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    // first suite of the run
  }
  all[suite] = { ...figures, recordedAt: new Date().toISOString() };
  fs.writeFileSync(file, JSON.stringify(all, null, 2) + '\n');
  console.log(`[reliability] ${suite}: ${JSON.stringify(figures)}`);
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, Math.max(0, ms)));
