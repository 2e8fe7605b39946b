/**
 * The SCCIF residential family centre full inspection's labels, roles, sources and clocks, copied as plain data
 * (strings only) from machines/sccif-rfc/fullInspection.ts so that the baseline writes the same ledger entries and
 * views as the product, without importing the machine (and so XState) into its bundle.
 */
export const TYPE = "sccif-rfc-full";
export const VERSION = 1;
export const TITLE = "Residential family centre: full inspection (SCCIF 2024)";
export const FRAMEWORK = "seed 002 (SCCIF: residential family centres, 2024)";
export const PUBLISH_SOURCE = "seed 002 (SCCIF: residential family centres, 2024) §\"Annex for figures\" step 6";
export const EVENTS: Record<string, { label: string; roles: readonly string[]; source: string }> = {
  "DEFERRAL_REQUESTED": {
    "label": "Provider asks for the inspection to be deferred",
    "roles": [
      "provider",
      "manager"
    ],
    "source": "seed 002 (SCCIF: residential family centres, 2024) §\"Deferrals\""
  },
  "DEFERRAL_GRANTED": {
    "label": "Deferral granted (deferral policy)",
    "roles": [
      "manager"
    ],
    "source": "seed 002 (SCCIF: residential family centres, 2024) §\"Deferrals\""
  },
  "DEFERRAL_REFUSED": {
    "label": "Deferral refused; the inspection goes ahead",
    "roles": [
      "manager"
    ],
    "source": "seed 002 (SCCIF: residential family centres, 2024) §\"Deferrals\""
  },
  "INSPECTION_STARTED": {
    "label": "Inspector arrives on site (unannounced)",
    "roles": [
      "inspector"
    ],
    "source": "seed 002 (SCCIF: residential family centres, 2024) §\"Notice of inspection\""
  },
  "INSPECTION_PAUSED": {
    "label": "Inspection paused (exceptional; pausing guidance)",
    "roles": [
      "manager"
    ],
    "source": "seed 002 (SCCIF: residential family centres, 2024) §\"The on-site inspection\""
  },
  "INSPECTION_RESUMED": {
    "label": "Paused inspection resumes; on-site clock extended by the pause",
    "roles": [
      "manager"
    ],
    "source": "seed 002 (SCCIF: residential family centres, 2024) §\"The on-site inspection\""
  },
  "ON_SITE_EXTENDED": {
    "label": "RIM agrees additional days on site",
    "roles": [
      "manager"
    ],
    "source": "seed 002 (SCCIF: residential family centres, 2024) §\"Length of inspection\""
  },
  "FIELDWORK_COMPLETED": {
    "label": "Fieldwork over; inspector takes advice before feedback",
    "roles": [
      "inspector"
    ],
    "source": "seed 002 (SCCIF: residential family centres, 2024) §\"End of the inspection and feedback\""
  },
  "FEEDBACK_GIVEN": {
    "label": "Feedback meeting held: the end of the inspection, provisional judgements given",
    "roles": [
      "inspector"
    ],
    "source": "seed 002 (SCCIF: residential family centres, 2024) §\"End of the inspection and feedback\"; seed 002 §\"How inspectors make judgements under the SCCIF\", §\"Evaluation criteria\""
  },
  "JUDGEMENTS_CHANGED": {
    "label": "Judgements changed at quality assurance",
    "roles": [
      "manager"
    ],
    "source": "seed 002 (SCCIF: residential family centres, 2024) §\"Quality assurance and arrangements for publishing the report\""
  },
  "PROVIDER_TOLD_OF_CHANGED_JUDGEMENTS": {
    "label": "Provider told of the revised judgements and the reasons, before the draft",
    "roles": [
      "inspector"
    ],
    "source": "seed 002 (SCCIF: residential family centres, 2024) §\"Quality assurance and arrangements for publishing the report\""
  },
  "DRAFT_REPORT_SENT": {
    "label": "Draft report sent to the provider",
    "roles": [
      "inspector"
    ],
    "source": "seed 002 (SCCIF: residential family centres, 2024) §\"Quality assurance and arrangements for publishing the report\""
  },
  "COMMENTS_SUBMITTED": {
    "label": "Provider returns comments on the draft",
    "roles": [
      "provider"
    ],
    "source": "seed 002 (SCCIF: residential family centres, 2024) §\"Quality assurance and arrangements for publishing the report\"; seed 002 (SCCIF: residential family centres, 2024) §\"Annex for figures\" step 4"
  },
  "COMPLAINT_MADE": {
    "label": "Provider submits a formal complaint within the comment window",
    "roles": [
      "provider"
    ],
    "source": "seed 002 (SCCIF: residential family centres, 2024) §\"Timeframe\" day 26; seed 002 (SCCIF: residential family centres, 2024) §\"Annex for figures\" step 4"
  },
  "COMPLAINT_RESPONDED": {
    "label": "Ofsted responds to the complaint before finalising the report",
    "roles": [
      "manager"
    ],
    "source": "seed 002 (SCCIF: residential family centres, 2024) §\"Annex for figures\" step 5b"
  },
  "FINAL_REPORT_SENT": {
    "label": "Final report, with responses to comments, sent to the provider",
    "roles": [
      "inspector",
      "manager"
    ],
    "source": "seed 002 (SCCIF: residential family centres, 2024) §\"Quality assurance and arrangements for publishing the report\""
  }
};
export interface BaselineClock { id: string; label: string; runsIn: readonly string[]; anchor: string; length: number; unit: 'workingDays'; extendedBy?: readonly string[]; kind: 'target' | 'window' | 'automatic'; onExpiry?: string; rule: string; source: string; reading?: string }
export const CLOCKS: readonly BaselineClock[] = [
  {
    "id": "onSiteLength",
    "label": "Time on site",
    "runsIn": [
      "onSite.fieldwork"
    ],
    "anchor": "onSiteStartedAt",
    "length": 2,
    "unit": "workingDays",
    "extendedBy": [
      "extraOnSiteDays",
      "pausedWorkingDays"
    ],
    "kind": "target",
    "rule": "At most 2½ days on site, unless the RIM agrees more",
    "source": "seed 002 (SCCIF: residential family centres, 2024) §\"Length of inspection\"; seed 002 (SCCIF: residential family centres, 2024) §\"Timeframe\" days 1 to 3",
    "reading": "Arrival is day 0 (part day); the half day means on-site work ends by the end of the 2nd working day after arrival (timeframe day 3). Days of a pause do not count."
  },
  {
    "id": "draftReport",
    "label": "Draft report to the provider",
    "runsIn": [
      "reporting.qualityAssurance"
    ],
    "anchor": "feedbackDate",
    "length": 18,
    "unit": "workingDays",
    "kind": "target",
    "rule": "Draft report sent within 18 working days of the end of the inspection",
    "source": "seed 002 (SCCIF: residential family centres, 2024) §\"Quality assurance and arrangements for publishing the report\"; seed 002 (SCCIF: residential family centres, 2024) §\"Timeframe\" day 21; seed 002 (SCCIF: residential family centres, 2024) §\"Annex for figures\" step 3"
  },
  {
    "id": "commentWindow",
    "label": "Provider's window to comment or complain",
    "runsIn": [
      "reporting.commentWindow"
    ],
    "anchor": "draftSentDate",
    "length": 5,
    "unit": "workingDays",
    "kind": "window",
    "onExpiry": "COMMENT_WINDOW_CLOSED",
    "rule": "The provider has 5 working days from the draft being sent to comment or complain",
    "source": "seed 002 (SCCIF: residential family centres, 2024) §\"Quality assurance and arrangements for publishing the report\"; seed 002 (SCCIF: residential family centres, 2024) §\"Annex for figures\" step 4"
  },
  {
    "id": "finalReport",
    "label": "Final report to the provider",
    "runsIn": [
      "reporting.qualityAssurance",
      "reporting.commentWindow",
      "reporting.finalising"
    ],
    "anchor": "feedbackDate",
    "length": 30,
    "unit": "workingDays",
    "extendedBy": [
      "complaintWorkingDays"
    ],
    "kind": "target",
    "rule": "Final report sent within 30 working days of the end of the inspection, longer after a complaint",
    "source": "seed 002 (SCCIF: residential family centres, 2024) §\"Quality assurance and arrangements for publishing the report\"; seed 002 (SCCIF: residential family centres, 2024) §\"Timeframe\" day 33; seed 002 (SCCIF: residential family centres, 2024) §\"Annex for figures\" step 6",
    "reading": "The seed sets no limit on the extension: the clock stops while a complaint is open and is extended by the working days the complaint took (domain reading §7.6)."
  },
  {
    "id": "publication",
    "label": "Publication on the reports website",
    "runsIn": [
      "awaitingPublication"
    ],
    "anchor": "finalReportSentDate",
    "length": 5,
    "unit": "workingDays",
    "kind": "automatic",
    "onExpiry": "REPORT_PUBLISHED",
    "rule": "The report is published 5 working days after the final report is sent",
    "source": "seed 002 (SCCIF: residential family centres, 2024) §\"Annex for figures\" step 6; seed 002 (SCCIF: residential family centres, 2024) §\"Timeframe\" day 38",
    "reading": "\"5 days\" in the timeframe is read as working days, as the annex says and days 33 to 38 confirm."
  }
];

