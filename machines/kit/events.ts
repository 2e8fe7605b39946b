/**
 * What the workflow sends into a machine: the decision's payload, its business date (filled in by the
 * workflow when the sender left it out) and who sent it.
 */
export interface InspectionEvent {
  type: string;
  at: string;
  /** The instant the workflow recorded it (ISO 8601), for clocks counted in clock hours. */
  recordedAt: string;
  actorId: string;
  role: string;
  [field: string]: unknown;
}
