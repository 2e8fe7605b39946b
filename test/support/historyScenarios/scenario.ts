/** What a recorded path is, and the helpers every type's scenarios share. */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { CalendarVersion } from '../../../calendar';
import type { InspectionHandle } from '../inspectionHarness';

export interface ScenarioContext {
  env: TestWorkflowEnvironment;
  /** Starts an inspection of the scenario's type and version, with the machine input the type needs (and a calendar version). */
  start(input?: Record<string, unknown>, options?: { calendar?: CalendarVersion }): Promise<InspectionHandle>;
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


export async function refused(p: Promise<unknown>): Promise<void> {
  const outcome = await p.then(
    () => 'accepted',
    () => 'refused',
  );
  if (outcome !== 'refused') throw new Error('expected the decision to be refused');
}
