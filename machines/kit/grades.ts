import { z } from 'zod';

/** The SCCIF four-point scale (seed 002 §"How inspectors make judgements under the SCCIF"). */
export const SCCIF_GRADES = ['outstanding', 'good', 'requires_improvement', 'inadequate'] as const;
export const sccifGrade = z.enum(SCCIF_GRADES);
export type SccifGrade = z.infer<typeof sccifGrade>;

/** Lower is better: outstanding = 1 ... inadequate = 4. */
export function gradeRank(grade: SccifGrade): number {
  return SCCIF_GRADES.indexOf(grade) + 1;
}
