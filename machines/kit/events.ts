/**
 * What the workflow sends into a machine: the decision's payload, its business date (filled in by the
 * workflow when the sender left it out) and who sent it.
 */
export interface InspectionEvent {
  type: string;
  at: string;
  /**
   * When it happened, for clocks counted in clock hours and cut-off times: an ISO 8601 instant when the time of day is
   * known (given with the date, or the step recorded on the day it happened), otherwise its date alone (`YYYY-MM-DD`).
   */
  occurredAt: string;
  /** The instant the workflow recorded it (ISO 8601). */
  recordedAt: string;
  actorId: string;
  role: string;
  [field: string]: unknown;
}
