/**
 * SCCIF residential family centres, one recommendation, v2 (`sccif-rfc-recommendation` v2): v1's paths
 * (sccifRfcRecommendation.ts), whose `refusal` path ends with the recommendation turned into a requirement, which v2
 * starts as its own workflow.
 */
import type { TypeHistories } from './scenario';
import { sccifRfcRecommendation } from './sccifRfcRecommendation';

export const sccifRfcRecommendationV2: TypeHistories = sccifRfcRecommendation;
