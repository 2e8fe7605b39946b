import { childrensCentreInspection2011 } from './childrens-centre/inspection';
import type { InspectionTypeDefinition } from './kit';
import { fromLegacyNumber } from './legacyNumbering';
import { safeguardingLacInspection2010, safeguardingLacInspection2010v2 } from './safeguarding-lac/inspection';
import { rfcFullInspection2014, rfcFullInspection2014v2 } from './rfc-2014/fullInspection';
import { rfcMonitoringInspection2014 } from './rfc-2014/monitoringInspection';
import { rfcComplianceNotice2024 } from './sccif-rfc/complianceNotice';
import { rfcCaseReview2024 } from './sccif-rfc/caseReview';
import { rfcMonitoringVisit2024 } from './sccif-rfc/monitoringVisit';
import { rfcRequirement2024 } from './sccif-rfc/requirement';
import { rfcRecommendation2024 } from './sccif-rfc/recommendation';
import { rfcRecommendation2024v2 } from './sccif-rfc/recommendationV2';
import { rfcFullInspection2024 } from './sccif-rfc/fullInspection';
import { fesInspection2024, fesInspectionV2, fesInspectionV3 } from './fes-inspection/inspection';
import { schoolMonitoringInspection2024, schoolMonitoringInspectionV2 } from './school-monitoring/inspection';
import { childminderAgencyInspection2024 } from './childminder-agency/inspection';
import { childrensHomeInspection2024, childrensHomeInspectionV2 } from './sccif-childrens-home/inspection';
import { rfcFullInspection2024v2 } from './sccif-rfc/fullInspectionV2';
import { rfcFullInspection2024v3 } from './sccif-rfc/fullInspectionV3';
import { rfcMonitoringVisit2024v2 } from './sccif-rfc/monitoringVisitV2';
import { rfcMonitoringVisit2024v3 } from './sccif-rfc/monitoringVisitV3';
import { childcareRegisterInspection2024, childcareRegisterInspectionV2 } from './childcare-register/inspection';
import { onlineProviderVisit2024, onlineProviderVisitV2, onlineProviderVisitV3 } from './online-provider/inspection';
import { ecfLeadProviderInspection2024, ecfLeadProviderInspectionV2 } from './ecf-lead-provider/inspection';
import { independentSchoolInspection2024, independentSchoolInspectionV2 } from './independent-school/inspection';
import { additionalSchoolInspection2024, additionalSchoolInspectionV2 } from './independent-school-additional/inspection';
import { areaSendInspection2024, areaSendInspectionV2 } from './area-send/inspection';
import { ilacsInspection2024, ilacsInspectionV2 } from './ilacs/inspection';
import { secureTrainingCentreInspection2024, secureTrainingCentreInspectionV2 } from './secure-training-centre/inspection';
import { cafcassInspection2024, cafcassInspectionV2 } from './cafcass/inspection';
import { iteInspection2024, iteInspectionV2 } from './initial-teacher-education/inspection';
import { earlyYearsPlaceholder2024 } from './early-years/inspection';
import { jtaiPlaceholder2024 } from './jtai/inspection';
import { schoolInspectionPlaceholder2024 } from './school-inspection/inspection';

/**
 * Every inspection type, framework version and machine revision the system can run. Old ones stay: running
 * inspections keep theirs until they are migrated.
 */
export const INSPECTION_TYPES: readonly InspectionTypeDefinition[] = [
  rfcFullInspection2024,
  rfcFullInspection2024v2,
  rfcFullInspection2024v3,
  rfcFullInspection2014,
  rfcFullInspection2014v2,
  rfcMonitoringInspection2014,
  safeguardingLacInspection2010,
  safeguardingLacInspection2010v2,
  childrensCentreInspection2011,
  rfcComplianceNotice2024,
  rfcCaseReview2024,
  rfcMonitoringVisit2024,
  rfcMonitoringVisit2024v2,
  rfcMonitoringVisit2024v3,
  rfcRequirement2024,
  rfcRecommendation2024,
  rfcRecommendation2024v2,
  fesInspection2024,
  fesInspectionV2,
  fesInspectionV3,
  schoolMonitoringInspection2024,
  schoolMonitoringInspectionV2,
  childminderAgencyInspection2024,
  childrensHomeInspection2024,
  childrensHomeInspectionV2,
  childcareRegisterInspection2024,
  childcareRegisterInspectionV2,
  onlineProviderVisit2024,
  onlineProviderVisitV2,
  onlineProviderVisitV3,
  ecfLeadProviderInspection2024,
  ecfLeadProviderInspectionV2,
  independentSchoolInspection2024,
  independentSchoolInspectionV2,
  additionalSchoolInspection2024,
  additionalSchoolInspectionV2,
  areaSendInspection2024,
  areaSendInspectionV2,
  ilacsInspection2024,
  ilacsInspectionV2,
  secureTrainingCentreInspection2024,
  secureTrainingCentreInspectionV2,
  cafcassInspection2024,
  cafcassInspectionV2,
  iteInspection2024,
  iteInspectionV2,
  earlyYearsPlaceholder2024,
  schoolInspectionPlaceholder2024,
  jtaiPlaceholder2024,
];

export class UnknownInspectionTypeError extends Error {
  constructor(type: string, version?: number, machineRevision?: number) {
    super(
      `unknown inspection type "${type}"${version === undefined ? '' : ` version ${version}`}${machineRevision === undefined ? '' : ` revision ${machineRevision}`}; known types: ${[
        ...new Set(INSPECTION_TYPES.map((d) => d.type)),
      ].join(', ')}`,
    );
  }
}

/** One registered machine: a framework version of a type at one machine revision. */
export function getDefinition(type: string, version: number, machineRevision: number): InspectionTypeDefinition {
  const found = INSPECTION_TYPES.find((d) => d.type === type && d.version === version && d.machineRevision === machineRevision);
  if (!found) throw new UnknownInspectionTypeError(type, version, machineRevision);
  return found;
}

/**
 * The machine a workflow's start names. A start recorded before machine revisions were counted apart has no
 * `machineRevision`: its `version` is then the single number of that time (machines/legacyNumbering.ts).
 */
export function definitionOf(start: { type: string; version: number; machineRevision?: number }): InspectionTypeDefinition {
  if (start.machineRevision !== undefined) return getDefinition(start.type, start.version, start.machineRevision);
  const { version, machineRevision } = fromLegacyNumber(start.type, start.version);
  return getDefinition(start.type, version, machineRevision);
}

/** Every machine revision of a framework version, oldest first. */
export function revisionsOf(type: string, version: number): InspectionTypeDefinition[] {
  return INSPECTION_TYPES.filter((d) => d.type === type && d.version === version).sort((a, b) => a.machineRevision - b.machineRevision);
}

/**
 * What a new inspection runs: the framework version in force on its start date (the newest whose `inForceFrom` is on
 * or before it, else the oldest), at its latest machine revision.
 */
export function versionInForce(type: string, onDate: string): InspectionTypeDefinition {
  const versions = [...new Set(INSPECTION_TYPES.filter((d) => d.type === type).map((d) => d.version))].sort((a, b) => a - b);
  if (versions.length === 0) throw new UnknownInspectionTypeError(type);
  const inForce = versions.filter((v) => revisionsOf(type, v)[0]!.inForceFrom <= onDate).pop() ?? versions[0]!;
  return revisionsOf(type, inForce).pop()!;
}

/** Whether a definition is the latest machine revision of its framework version. */
export function isLatestRevision(definition: InspectionTypeDefinition): boolean {
  return revisionsOf(definition.type, definition.version).pop() === definition;
}
