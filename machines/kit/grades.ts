import { z } from 'zod';

/**
 * A framework's four-point scale, best first, in its own words (each framework names grade 3 differently:
 * "requires improvement", "satisfactory", "adequate").
 */
export function gradeScale<const L extends readonly [string, string, string, string]>(labels: L) {
  const schema = z.enum(labels);
  return {
    labels,
    schema,
    /** The grade's number on the scale: 1 is the best, 4 is inadequate. */
    rank: (grade: L[number]) => (labels.indexOf(grade) + 1) as 1 | 2 | 3 | 4,
  };
}

/** The SCCIF scale (seed 002 §"How inspectors make judgements under the SCCIF"). */
export const SCCIF_SCALE = gradeScale(['outstanding', 'good', 'requires_improvement', 'inadequate']);
export const SCCIF_GRADES = SCCIF_SCALE.labels;
export const sccifGrade = SCCIF_SCALE.schema;
export type SccifGrade = z.infer<typeof sccifGrade>;
export const gradeRank = SCCIF_SCALE.rank;

/**
 * The four-point scale the education remits of seed 003 use (FES, SMH when deemed graded): the page names
 * "requires improvement" and "inadequate" (seed 003 reading §6.1); the two better grades are [bg].
 */
export const EDUCATION_SCALE = gradeScale(['outstanding', 'good', 'requires_improvement', 'inadequate']);
