import { ASSUMED_ON_THE_DAY_POSSIBLE, projectTimeline, timelineAfterInspectionEnd } from '../../engine/timeline';
import { timeline as timelineSchema } from '../../engine/timelineSchema';
import { childminderAgencyInspection2024 as agency } from '../../machines/childminder-agency/inspection';
import { fesInspection2024 as fes } from '../../machines/fes-inspection/inspection';
import { fesGrades } from '../machines/seed003Samples';
import { PureDriver } from '../support/pureDriver';

/**
 * After the end of a seed 003 inspection, the steps no clock closes (QA completed, a draft "as quickly as reasonably
 * possible", publication by hand) are assumed taken on the day they become possible, and listed as assumptions.
 */
describe('timeline projection: steps no clock closes, after the end of the inspection', () => {
  it('childminder agency ending Fri 13 Jun 2025: QA and the draft on the day the next-day contact closes, publication when the complaint window closes', () => {
    const timeline = timelineAfterInspectionEnd(agency, '2025-06-13');
    expect(timelineSchema.parse(timeline)).toEqual(timeline);
    // Next working day Mon 16 Jun; comments 5 WD from the draft (16 Jun) -> Mon 23 Jun; final report 30 WD from 13 Jun
    // -> Fri 25 Jul; complaints 5 WD from the final report (sent on its due day) -> Fri 1 Aug.
    expect(timeline.entries.map((e) => [e.clock, e.due, e.event])).toEqual([
      ['nextDayContact', '2025-06-16', 'NEXT_DAY_CONTACT_CLOSED'],
      ['commentWindow', '2025-06-23', 'COMMENT_WINDOW_CLOSED'],
      ['finalReport', '2025-07-25', 'FINAL_REPORT_SENT'],
      ['complaintWindow', '2025-08-01', 'COMPLAINT_WINDOW_CLOSED'],
    ]);
    expect(timeline.assumedSteps!.map((a) => [a.event, a.on])).toEqual([
      ['QA_COMPLETED', '2025-06-16'],
      ['DRAFT_REPORT_SENT', '2025-06-16'],
      ['REPORT_PUBLISHED', '2025-08-01'],
    ]);
    for (const step of timeline.assumedSteps!) {
      expect(step.assumption).toBe(ASSUMED_ON_THE_DAY_POSSIBLE);
      expect(step.source).toBe(agency.events[step.event]!.source);
    }
    expect(timeline.end).toEqual({ reason: 'done', stage: 'published' });
  });

  it('FE and skills in QA a week after feedback: QA assumed that day, never before it; the draft on its due date', () => {
    const driver = new PureDriver(fes, '2025-06-09', { kind: 'full' });
    driver.send('inspector', '2025-06-09', 'NOTIFIED', { wellbeingContact: 'chair of governors', nominee: 'Vice principal' });
    driver.send('inspector', '2025-06-09', 'FOLLOW_UP_CALL_MADE');
    driver.send('inspector', '2025-06-11', 'INSPECTION_STARTED');
    driver.send('inspector', '2025-06-13', 'FINAL_TEAM_MEETING_HELD', { judgements: fesGrades });
    driver.send('inspector', '2025-06-13', 'FEEDBACK_GIVEN');
    driver.advanceTo('2025-06-20');
    const timeline = projectTimeline(driver.record, '2025-06-20');
    expect(timeline.entries.map((e) => [e.clock, e.due, e.event])).toEqual([['draftReport', '2025-07-09', 'DRAFT_REPORT_SENT']]);
    // FES states no comment window, final report or publication date: each is assumed on the day the draft is sent.
    expect(timeline.assumedSteps!.map((a) => [a.event, a.on])).toEqual([
      ['QA_COMPLETED', '2025-06-20'],
      ['COMMENTS_SUBMITTED', '2025-07-09'],
      ['FINAL_REPORT_SENT', '2025-07-09'],
      ['REPORT_PUBLISHED', '2025-07-09'],
    ]);
    expect(timeline.end.reason).toBe('done');
  });

  it('assumes nothing before the end of the inspection: a notified FE inspection waits for its start, which no clock sets', () => {
    const driver = new PureDriver(fes, '2025-06-09');
    driver.send('inspector', '2025-06-09', 'NOTIFIED', { wellbeingContact: 'principal', nominee: 'Deputy principal' });
    driver.send('inspector', '2025-06-09', 'FOLLOW_UP_CALL_MADE');
    const timeline = projectTimeline(driver.record, '2025-06-10');
    expect(timeline).toEqual({ from: '2025-06-10', entries: [], end: { reason: 'no_clock_running', stage: 'notified' } });
  });
});
