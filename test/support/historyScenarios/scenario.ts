/** What a recorded path is, and the helpers every type's scenarios share. */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { londonDateOf } from '../../../calendar';
import type { InspectionView } from '../../../engine';
import type { InspectionHandle } from '../inspectionHarness';

export interface ScenarioContext {
  env: TestWorkflowEnvironment;
  /** Starts an inspection of the scenario's type and version, with the machine input the type needs. */
  start(input?: Record<string, unknown>): Promise<InspectionHandle>;
}

export interface Scenario {
  path: string;
  /** Drives one inspection; returns it once the history to record is complete. */
  run(ctx: ScenarioContext): Promise<InspectionHandle>;
}

export interface TypeHistories {
  /**
   * Path-name prefixes this type and version must have a fixture for (the replay test checks it). Usually
   * REQUIRED_PATHS and the type's pause/resume or complaint; a type without a breach or without a window that
   * closes by itself leaves that one out, and says why where it is declared.
   */
  required: readonly string[];
  scenarios: Scenario[];
}

/** The paths every type has unless it genuinely lacks one: the happy lifecycle, a refusal, a breach, a window closing. */
export const REQUIRED_PATHS = ['happy', 'refusal', 'breach', 'window-closes'] as const;

/** Lets the server's clock run to just past a deadline's instant. */
export async function sleepPast(env: TestWorkflowEnvironment, view: InspectionView, clock: string) {
  const dueAt = view.deadlines.find((d) => d.clock === clock)?.dueAt;
  if (!dueAt) throw new Error(`no ${clock} deadline`);
  await env.sleep(Math.max(0, Date.parse(dueAt) - (await env.currentTimeMs())) + 60_000);
}

export async function refused(p: Promise<unknown>): Promise<void> {
  const outcome = await p.then(
    () => 'accepted',
    () => 'refused',
  );
  if (outcome !== 'refused') throw new Error('expected the decision to be refused');
}

/** Today on the server's clock (a London date), and a day so many calendar days from it. */
export async function serverDay(env: TestWorkflowEnvironment, plusDays = 0): Promise<string> {
  return londonDateOf((await env.currentTimeMs()) + plusDays * 86_400_000);
}
