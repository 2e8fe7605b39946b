import { addWorkingDays } from '../../calendar';
import { followUpVisit } from './complianceNotice';

/**
 * Planning follow-up visits for several compliance notices (seed 002 §"Monitoring compliance notices": "These
 * visits can be combined if the dates are close together and if we do not exceed 5 working days from the date of
 * any notice"; domain reading T36, §7.11). Pure: dates in, dates out.
 *
 * A visit on day V checks a notice with compliance date D when D <= V <= D + 5 working days. A group of notices
 * can share one visit when those windows meet: V in [max(D), min(D) + 5 WD], which must not be empty.
 */
export const FOLLOW_UP_WORKING_DAYS = followUpVisit.length;

export interface NoticeDate {
  noticeId: string;
  complianceDate: string;
}

export interface CombinedFollowUp {
  /** The days on which one visit checks every notice in the group, inclusive. */
  visitWindow: { from: string; to: string };
  /** In compliance-date order (then as given). */
  noticeIds: string[];
}

/**
 * Groups notices into as few visits as possible. Greedy by compliance date: each group starts at the earliest
 * notice not yet covered and takes every later notice whose date falls within its window. The windows are
 * intervals whose ends (D + 5 WD) rise with their starts, so this greedy choice is optimal (interval stabbing).
 */
export function combineFollowUps(notices: readonly NoticeDate[]): CombinedFollowUp[] {
  const seen = new Set<string>();
  for (const { noticeId } of notices) {
    if (seen.has(noticeId)) throw new RangeError(`notice "${noticeId}" is listed twice`);
    seen.add(noticeId);
  }
  const sorted = notices
    .map((notice, index) => ({ notice, index }))
    .sort((a, b) => a.notice.complianceDate.localeCompare(b.notice.complianceDate) || a.index - b.index)
    .map(({ notice }) => notice);
  const groups: CombinedFollowUp[] = [];
  let current: CombinedFollowUp | undefined;
  for (const { noticeId, complianceDate } of sorted) {
    if (current && complianceDate <= current.visitWindow.to) {
      current.visitWindow.from = complianceDate;
      current.noticeIds.push(noticeId);
      continue;
    }
    current = {
      visitWindow: { from: complianceDate, to: addWorkingDays(complianceDate, FOLLOW_UP_WORKING_DAYS) },
      noticeIds: [noticeId],
    };
    groups.push(current);
  }
  return groups;
}
