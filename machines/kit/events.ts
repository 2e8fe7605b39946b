/**
 * What the workflow sends into a machine: the decision's payload, its business date (filled in by the
 * workflow when the sender left it out) and who sent it.
 */
export interface InspectionEvent {
  type: string;
  at: string;
  actorId: string;
  role: string;
  [field: string]: unknown;
}
