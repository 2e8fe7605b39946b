import type { Fragment } from './fragment';
import { type ClosingParams, closing, closingFacts } from './closing';
import { type ComplaintWindowParams, complaintWindow } from './complaintWindow';
import { type DeferralParams, deferral } from './deferral';
import { type FeedbackParams, judgementsAndFeedback } from './feedback';
import { type NextDayContactParams, nextDayContact } from './nextDayContact';
import { type NotificationParams, notification } from './notification';
import { type OnSiteParams, onSite } from './onSite';
import { type QualityAssuranceParams, qualityAssurance } from './qualityAssurance';
import { type ReportChainParams, reportChain } from './reportChain';
import { type WellbeingPauseParams, wellbeingPauses } from './wellbeingPauses';

/** The parameters of the common lifecycle of seed 003 (reading §2.1, §5.3), one block per fragment. */
export interface SkeletonParams {
  notification: NotificationParams;
  /** Absent where the handbook writes no deferral (STC: "minimum or no notice"); then no deferral state exists. */
  deferral?: DeferralParams;
  onSite: OnSiteParams;
  pauses: WellbeingPauseParams;
  feedback: FeedbackParams;
  nextDayContact: NextDayContactParams;
  qualityAssurance: QualityAssuranceParams;
  reportChain: ReportChainParams;
  /**
   * The formal complaint. With a deadline (CMA) set `reportChain.next: 'complaintWindow'` with it; without one (`days`
   * left out) it is taken while the report awaits publication. v1 types without a complaint deadline leave it out.
   */
  complaintWindow?: ComplaintWindowParams;
  closing: ClosingParams;
}

/**
 * Every fragment of the common skeleton, in lifecycle order:
 * scheduled → notified (⇄ deferralRequested) → onSite.fieldwork (⇄ paused) → onSite.awaitingFeedback →
 * reporting.nextDayContact (→ concernRouting) → reporting.qualityAssurance → reporting.qaCompleted →
 * reporting.commentWindow → reporting.finalising → [complaintWindow → complaint] → awaitingPublication → published.
 */
export function inspectionSkeleton(p: SkeletonParams): Fragment[] {
  return [
    notification(p.notification),
    ...(p.deferral ? [deferral(p.deferral)] : []),
    onSite(p.onSite),
    wellbeingPauses(p.pauses),
    judgementsAndFeedback(p.feedback),
    nextDayContact(p.nextDayContact),
    qualityAssurance(p.qualityAssurance),
    reportChain({ ...p.reportChain, publishesWhileComplaintOpen: p.complaintWindow !== undefined && p.complaintWindow.days === undefined }),
    ...(p.complaintWindow ? [complaintWindow(p.complaintWindow, closingFacts(p.closing))] : []),
    closing(p.closing),
  ];
}
