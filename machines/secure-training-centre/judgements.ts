import { z } from 'zod';
import { SCCIF_SCALE } from '../kit';

/**
 * The provisional judgements given at feedback "using the grade descriptors" (seed 003 STC §"End of the full inspection
 * and feedback"). The page names no judgement areas; these, on the four-point social care scale, are [bg] from the
 * STC framework (reading §6.1), with education judged by the FE and skills HMI and health by CQC.
 */
export const stcJudgements = z.strictObject({
  overallExperiencesAndProgress: SCCIF_SCALE.schema,
  helpAndProtection: SCCIF_SCALE.schema,
  educationAndLearning: SCCIF_SCALE.schema,
  health: SCCIF_SCALE.schema,
  leadershipAndManagement: SCCIF_SCALE.schema,
});
