/**
 * The workflow paths whose histories are recorded as replay fixtures (scripts/recordHistories.ts) and replayed by
 * test/reliability/replay.test.ts: one file per registered inspection type and version, each with the paths that
 * type must have (its `required` list: the happy lifecycle, a refused decision, a breach, a window closing by
 * itself, and pause/resume or a complaint where the type has them; a type lacking a breach or a window says so).
 * Each runs on a fresh time-skipping test server. The centre cycle workflow's scenarios are in centreCycle.ts.
 */
import type { Scenario, TypeHistories } from './scenario';
import { childrensCentre } from './childrensCentre';
import { rfc2014Full } from './rfc2014Full';
import { rfc2014FullR2 } from './rfc2014FullR2';
import { rfc2014Monitoring } from './rfc2014Monitoring';
import { safeguardingLac } from './safeguardingLac';
import { safeguardingLacR2 } from './safeguardingLacR2';
import { sccifRfcCaseReview } from './sccifRfcCaseReview';
import { sccifRfcComplianceNotice } from './sccifRfcComplianceNotice';
import { migratedToRevision3, sccifRfcFull } from './sccifRfcFull';
import { sccifRfcFullV2 } from './sccifRfcFullV2';
import { sccifRfcFullV3 } from './sccifRfcFullV3';
import { calendarScenarios } from './calendarChange';
import { sccifRfcMonitoringVisit } from './sccifRfcMonitoringVisit';
import { sccifRfcMonitoringVisitV2 } from './sccifRfcMonitoringVisitV2';
import { sccifRfcMonitoringVisitV3 } from './sccifRfcMonitoringVisitV3';
import { sccifRfcRecommendation } from './sccifRfcRecommendation';
import { sccifRfcRecommendationV2 } from './sccifRfcRecommendationV2';
import { sccifRfcRequirement } from './sccifRfcRequirement';
import { fesInspection } from './fesInspection';
import { fesInspectionV2 } from './fesInspectionV2';
import { fesInspectionV3 } from './fesInspectionV3';
import { schoolMonitoring } from './schoolMonitoring';
import { schoolMonitoringV2 } from './schoolMonitoringV2';
import { childminderAgency } from './childminderAgency';
import { sccifChildrensHome } from './sccifChildrensHome';
import { sccifChildrensHomeV2 } from './sccifChildrensHomeV2';
import { childcareRegister, toFeedback as childcareRegisterToFeedback } from './childcareRegister';
import { onlineProvider } from './onlineProvider';
import { onlineProviderV2 } from './onlineProviderV2';
import { onlineProviderV3 } from './onlineProviderV3';
import { ecfLeadProvider } from './ecfLeadProvider';
import { ecfLeadProviderV2 } from './ecfLeadProviderV2';
import { independentSchool, toFeedback as independentSchoolToFeedback } from './independentSchool';
import { independentSchoolAdditional, toFeedback as additionalToFeedback } from './independentSchoolAdditional';
import { areaSend, toFeedback as areaSendToFeedback } from './areaSend';
import { ilacs, ilacsHappy } from './ilacs';
import { secureTrainingCentre, stcHappy } from './secureTrainingCentre';
import { cafcass, cafcassHappy } from './cafcass';
import { initialTeacherEducation, iteHappy } from './initialTeacherEducation';
import { answeredBeforePublication, withFormalComplaint } from './formalComplaint';
import { handbookOnlyLinked } from './handbookOnlyLinked';

export { REQUIRED_PATHS, type Scenario, type ScenarioContext, type TypeHistories } from './scenario';

/** Scenarios by `<type>-v<version>`; the replay test requires an entry for every registered type and version. */
export const HISTORY_SCENARIOS: Record<string, TypeHistories> = {
  'sccif-rfc-full-v1': { ...sccifRfcFull, scenarios: [...sccifRfcFull.scenarios, migratedToRevision3] },
  'sccif-rfc-full-v2': sccifRfcFullV2,
  'sccif-rfc-full-v3': { ...sccifRfcFullV3, scenarios: [...sccifRfcFullV3.scenarios, ...calendarScenarios] },
  'sccif-rfc-full-v0': rfc2014Full,
  'sccif-rfc-full-v0r2': rfc2014FullR2,
  'rfc-2014-monitoring-v0': rfc2014Monitoring,
  'safeguarding-lac-v1': safeguardingLac,
  'safeguarding-lac-v1r2': safeguardingLacR2,
  'childrens-centre-v1': childrensCentre,
  'sccif-rfc-monitoring-visit-v1': sccifRfcMonitoringVisit,
  'sccif-rfc-monitoring-visit-v2': sccifRfcMonitoringVisitV2,
  'sccif-rfc-monitoring-visit-v1r3': sccifRfcMonitoringVisitV3,
  'sccif-rfc-case-review-v1': sccifRfcCaseReview,
  'sccif-rfc-compliance-notice-v1': sccifRfcComplianceNotice,
  'sccif-rfc-requirement-v1': sccifRfcRequirement,
  'sccif-rfc-recommendation-v1': sccifRfcRecommendation,
  'fes-inspection-v1': fesInspection,
  'school-monitoring-v1': schoolMonitoring,
  'childminder-agency-v1': childminderAgency,
  'sccif-childrens-home-v1': sccifChildrensHome,
  'fes-inspection-v2': fesInspectionV2,
  'fes-inspection-v1r3': fesInspectionV3,
  'school-monitoring-v2': schoolMonitoringV2,
  'sccif-childrens-home-v2': sccifChildrensHomeV2,
  'sccif-rfc-recommendation-v2': sccifRfcRecommendationV2,
  'childcare-register-compliance-v1': childcareRegister,
  'childcare-register-compliance-v1r2': withFormalComplaint(childcareRegister, async (ctx) => answeredBeforePublication(ctx, await childcareRegisterToFeedback(ctx, { judgements: { outcome: 'met' } }))),
  'online-provider-visit-v1': onlineProvider,
  'online-provider-visit-v1r2': onlineProviderV2,
  'online-provider-visit-v1r3': onlineProviderV3,
  'ecf-lead-provider-v1': ecfLeadProvider,
  'ecf-lead-provider-v1r2': ecfLeadProviderV2,
  'independent-school-v1': independentSchool,
  'independent-school-v1r2': withFormalComplaint(independentSchool, async (ctx) => answeredBeforePublication(ctx, await independentSchoolToFeedback(ctx))),
  'independent-school-additional-v1': independentSchoolAdditional,
  'independent-school-additional-v1r2': withFormalComplaint(independentSchoolAdditional, async (ctx) => answeredBeforePublication(ctx, await additionalToFeedback(ctx, 'material_change'), 'DfE')),
  'area-send-v1': areaSend,
  'area-send-v1r2': withFormalComplaint(areaSend, async (ctx) => answeredBeforePublication(ctx, await areaSendToFeedback(ctx))),
  'ilacs-v1': ilacs,
  'ilacs-v1r2': withFormalComplaint(ilacs, (ctx) => ilacsHappy(ctx, true)),
  'secure-training-centre-v1': secureTrainingCentre,
  'secure-training-centre-v1r2': withFormalComplaint(secureTrainingCentre, (ctx) => stcHappy(ctx, true)),
  'cafcass-v1': cafcass,
  'cafcass-v1r2': withFormalComplaint(cafcass, (ctx) => cafcassHappy(ctx, true)),
  'initial-teacher-education-v1': initialTeacherEducation,
  'initial-teacher-education-v1r2': withFormalComplaint(initialTeacherEducation, (ctx) => iteHappy(ctx, true)),
  'early-years-v1': handbookOnlyLinked,
  'school-inspection-v1': handbookOnlyLinked,
  'jtai-v1': handbookOnlyLinked,
};

/** The one history recorded for a type that has no scenarios yet: started, nothing decided. */
export const STARTED_ONLY: Scenario = {
  path: 'started',
  async run({ start }) {
    const i = await start();
    await i.view(); // answered once the first workflow task has run
    return i;
  },
};
