import type { Database } from '../db';
import type { RunEffectInput } from './types';

type EffectHandler = (db: Database, input: RunEffectInput) => Promise<Record<string, unknown>>;

/**
 * What each effect a machine may ask for does in the world. Each is idempotent: an activity retried after
 * a crash must not publish twice.
 */
const handlers: Record<string, EffectHandler> = {
  /** Puts the report's outcome on the public reports list (what the reports website reads). */
  async publishReport(db, { inspectionId, view }) {
    const publishedOn = String(view.facts.publishedDate ?? view.lastEventDate);
    await db.query(
      `INSERT INTO publications (inspection_id, type, provider_id, grade, published_on)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (inspection_id) DO NOTHING`,
      [inspectionId, view.type, view.providerId, view.grade, publishedOn],
    );
    return { publishedOn, grade: view.grade };
  },
};

export const EFFECT_HANDLERS: readonly string[] = Object.keys(handlers);

export async function runEffect(db: Database, input: RunEffectInput): Promise<Record<string, unknown>> {
  const handler = handlers[input.effect.type];
  if (!handler) throw new Error(`no handler for effect "${input.effect.type}"`);
  return handler(db, input);
}
