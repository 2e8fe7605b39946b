import { src002 } from './source';

/**
 * Inspecting a residential family centre with no families living in it (seed 002 §"Inspecting residential family
 * centres that have no families living in them"; reading: the structured reading of seed 002 §2.6, T49, §7.19). The seed
 * fixes two texts word for word; they are data here so that the certificate and the report carry them exactly.
 */
export const NO_FAMILIES_SOURCE = src002('Inspecting residential family centres that have no families living in them');

/** The condition imposed on registration, "worded on the certificate as follows". */
export const CLOSED_CENTRE_CONDITION =
  'The residential family centre must inform Ofsted of its intention to admit families 3 months before a placement commences';

/** The statement the text of the inspection report must contain, with the two lengths of time filled in. */
export function closedCentreReportStatement(closedFor: string, notOperationalFor: string): string {
  return `The residential family centre has been closed for ${closedFor}. The registered provider has indicated that the residential family centre will not be operational for ${notOperationalFor} from the date of inspection.`;
}

export interface ClosedCentre {
  closedFor: string;
  notOperationalFor: string;
  certificateCondition: string;
  reportStatement: string;
}

export function closedCentre(closedFor: string, notOperationalFor: string): ClosedCentre {
  return { closedFor, notOperationalFor, certificateCondition: CLOSED_CENTRE_CONDITION, reportStatement: closedCentreReportStatement(closedFor, notOperationalFor) };
}
