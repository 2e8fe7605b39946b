import { followUpVisit } from '../../machines/sccif-rfc/complianceNotice';
import { addWorkingDays, isBankHoliday } from '../../calendar';
import {
  clockFrom,
  projectTimeline,
  simulatedValue,
  stateValueOfStage,
  timelineAfterInspectionEnd,
  NoReportAfterInspectionError,
} from '../../engine';
import { escapeText, foldLine, timelineToIcs } from '../../engine/ics';
import { INSPECTION_TYPES } from '../../machines/registry';
import { childrensCentreInspection2011 as childrensCentre } from '../../machines/childrens-centre/inspection';
import { safeguardingLacInspection2010 as safeguarding } from '../../machines/safeguarding-lac/inspection';
import { rfcFullInspection2024 as rfc } from '../../machines/sccif-rfc/fullInspection';
import { PureDriver } from '../support/pureDriver';

const good = { overallExperiencesAndProgress: 'good', helpAndProtection: 'good', leadershipAndManagement: 'good' };
const dates = (entries: { clock: string; due: string }[]) => entries.map(({ clock, due }) => ({ clock, due }));

/** An RFC inspection on site from `onSite`, ended by feedback on `feedback`, with every step through the PureDriver. */
function rfcAfterFeedback(onSite: string, feedback: string) {
  const driver = new PureDriver(rfc, onSite);
  driver.send('inspector', onSite, 'INSPECTION_STARTED');
  driver.send('inspector', feedback, 'FEEDBACK_GIVEN', { judgements: good });
  return driver;
}

describe('timeline after an inspection ends (pure simulation of the machine)', () => {
  it('SCCIF RFC ending Friday 13 Dec 2024: every date across Christmas and New Year, checked by hand', () => {
    // Working days after Fri 13 Dec 2024, skipping 25, 26 Dec and 1 Jan:
    //   Dec 16-20 (1-5), 23-24 (6-7), 27 (8), 30-31 (9-10), Jan 2-3 (11-12), 6-10 (13-17), 13 (18)  -> draft Mon 13 Jan
    //   draft + 5: Jan 14, 15, 16, 17, 20                                                          -> window closes Mon 20 Jan
    //   feedback + 30: day 18 is 13 Jan, 14-17 (22), 20-24 (27), 27-29 (30)                         -> final Wed 29 Jan
    //   final + 5: Jan 30, 31, Feb 3, 4, 5                                                          -> published Wed 5 Feb
    expect(['2024-12-25', '2024-12-26', '2025-01-01'].every(isBankHoliday)).toBe(true);
    const timeline = timelineAfterInspectionEnd(rfc, '2024-12-13');
    expect(dates(timeline.entries)).toEqual([
      { clock: 'draftReport', due: '2025-01-13' },
      { clock: 'commentWindow', due: '2025-01-20' },
      { clock: 'finalReport', due: '2025-01-29' },
      { clock: 'publication', due: '2025-02-05' },
    ]);
    expect(timeline.entries.map((e) => e.event)).toEqual(['DRAFT_REPORT_SENT', 'COMMENT_WINDOW_CLOSED', 'FINAL_REPORT_SENT', 'REPORT_PUBLISHED']);
    expect(timeline.entries.map((e) => e.kind)).toEqual(['target', 'window', 'target', 'automatic']);
    expect(timeline.entries.every((e) => e.source.startsWith('seed 002') && e.rule.length > 0 && !e.overdue)).toBe(true);
    expect(timeline.end).toEqual({ reason: 'done', stage: 'published' });
  });

  it('SCCIF RFC ending Tue 1 Apr 2025: the draft clock crosses Easter, the comment window the early May bank holiday', () => {
    // Good Friday 18 Apr and Easter Monday 21 Apr 2025, early May bank holiday 5 May.
    expect(['2025-04-18', '2025-04-21', '2025-05-05'].every(isBankHoliday)).toBe(true);
    //   Apr 2-4 (1-3), 7-11 (4-8), 14-17 (9-12), [18, 21], 22-25 (13-16), 28-29 (17-18)  -> draft Tue 29 Apr
    //   Apr 30, May 1, 2, [5], 6, 7                                                    -> window closes Wed 7 May
    //   Apr 30 (19), May 1-2 (20-21), 6-9 (22-25), 12-16 (26-30)                       -> final Fri 16 May
    //   May 19-23                                                                      -> published Fri 23 May
    expect(dates(timelineAfterInspectionEnd(rfc, '2025-04-01').entries)).toEqual([
      { clock: 'draftReport', due: '2025-04-29' },
      { clock: 'commentWindow', due: '2025-05-07' },
      { clock: 'finalReport', due: '2025-05-16' },
      { clock: 'publication', due: '2025-05-23' },
    ]);
  });

  it('projects from mid-lifecycle: a draft sent on Wed 16 Apr 2025 leaves a comment window across Easter', () => {
    // Feedback Fri 28 Mar 2025; draft sent Wed 16 Apr.
    //   window: Apr 17 (1), [18, 21], 22, 23, 24, 25 (5)                                        -> Fri 25 Apr
    //   final: Mar 31 (1), Apr 1-4 (5), 7-11 (10), 14-17 (14), 22-25 (18), 28-May 2 (23), [5 May], 6-9 (27), 12-14 (30) -> Wed 14 May
    //   published: May 15, 16, 19, 20, 21                                                        -> Wed 21 May
    const driver = rfcAfterFeedback('2025-03-26', '2025-03-28');
    driver.send('inspector', '2025-04-16', 'DRAFT_REPORT_SENT');
    const timeline = projectTimeline(driver.record, '2025-04-16');
    expect(dates(timeline.entries)).toEqual([
      { clock: 'commentWindow', due: '2025-04-25' },
      { clock: 'finalReport', due: '2025-05-14' },
      { clock: 'publication', due: '2025-05-21' },
    ]);
    // The same from the view the API shows (stage and facts), as a route would project it.
    const view = driver.view('2025-04-16');
    expect(projectTimeline({ definition: rfc, stage: view.stage, facts: view.facts }, '2025-04-16')).toEqual(timeline);
  });

  it('agrees with the inspection record when each step is taken on its projected date', () => {
    const driver = rfcAfterFeedback('2025-03-26', '2025-03-28');
    const projected = projectTimeline(driver.record, '2025-03-28').entries;
    const due = (clock: string) => projected.find((e) => e.clock === clock)!.due;
    expect(driver.deadline('draftReport', '2025-03-28')).toBe(due('draftReport'));
    driver.send('inspector', due('draftReport'), 'DRAFT_REPORT_SENT');
    expect(driver.deadline('commentWindow', due('draftReport'))).toBe(due('commentWindow'));
    expect(driver.advanceTo(addWorkingDays(due('commentWindow'), 1)).status).toBe('finalising_report');
    expect(driver.deadline('finalReport', due('commentWindow'))).toBe(due('finalReport'));
    driver.send('manager', due('finalReport'), 'FINAL_REPORT_SENT');
    expect(driver.deadline('publication', due('finalReport'))).toBe(due('publication'));
    expect(driver.advanceTo(addWorkingDays(due('publication'), 1)).status).toBe('published');
  });

  it('a target already missed is flagged overdue and its step assumed on the projection date', () => {
    const driver = rfcAfterFeedback('2024-12-11', '2024-12-13');
    const timeline = projectTimeline(driver.record, '2025-01-20');
    expect(timeline.entries[0]).toMatchObject({ clock: 'draftReport', due: '2025-01-13', overdue: true, event: 'DRAFT_REPORT_SENT' });
    // Draft assumed sent on 20 Jan: window to Mon 27 Jan; the final report stays on 29 Jan.
    expect(dates(timeline.entries.slice(1))).toEqual([
      { clock: 'commentWindow', due: '2025-01-27' },
      { clock: 'finalReport', due: '2025-01-29' },
      { clock: 'publication', due: '2025-02-05' },
    ]);
  });

  it('from on site, the on-site target is closed by the feedback (the step that moves forward), not by a pause', () => {
    const driver = new PureDriver(rfc, '2025-03-03');
    driver.send('inspector', '2025-03-03', 'INSPECTION_STARTED');
    const timeline = projectTimeline(driver.record, '2025-03-03');
    expect(timeline.entries[0]).toMatchObject({ clock: 'onSiteLength', due: '2025-03-05', event: 'FEEDBACK_GIVEN' });
    expect(timeline.entries.map((e) => e.clock)).toEqual(['onSiteLength', 'draftReport', 'commentWindow', 'finalReport', 'publication']);
  });

  it('stops where the next step is a decision with no clock (children\'s centre: notice served)', () => {
    const driver = new PureDriver(childrensCentre, '2025-03-03');
    driver.send('manager', '2025-03-03', 'CENTRE_NOTIFIED', { notifiedBy: 'ofsted' });
    const timeline = projectTimeline(driver.record, '2025-03-03');
    expect(timeline.entries.map((e) => [e.clock, e.event])).toEqual([
      ['leadInspectorContact', 'LEAD_INSPECTOR_CONTACTED'],
      ['noticePeriod', 'NOTICE_PERIOD_ELAPSED'],
    ]);
    expect(timeline.end).toEqual({ reason: 'no_clock_running', stage: 'notice.contact.made,notice.period.served' });
  });

  it('runs parallel machines to the end, and restores their state from a view', () => {
    const driver = new PureDriver(safeguarding, '2025-03-03');
    driver.send('manager', '2025-03-03', 'INSPECTION_STARTED_WITHOUT_NOTICE', { reason: 'serious_safeguarding_concerns', cqcInspector: 'cqc-1' });
    const judgements = simulatedValue(safeguarding.events.FEEDBACK_GIVEN!.schema.shape.judgements as never, '2025-03-07');
    driver.send('inspector', '2025-03-07', 'FEEDBACK_GIVEN', { judgements });
    const view = driver.view('2025-03-10');
    expect(stateValueOfStage(view.stage)).toEqual({ inspection: { reporting: 'drafting' }, complaints: 'noComplaint' });
    const timeline = projectTimeline({ definition: safeguarding, stage: view.stage, facts: view.facts }, '2025-03-10');
    expect(timeline.entries.map((e) => e.clock)).toEqual(['draftReport', 'factualAccuracyWindow', 'finalReport', 'publication', 'complaintWindow']);
    expect(timeline.end.reason).toBe('done');
  });

  const withReport = INSPECTION_TYPES.filter((d) => d.clocks.some((c) => c.anchor === 'feedbackDate'));

  it('says which types have no report after an inspection (notices, reviews, requirements)', () => {
    for (const definition of INSPECTION_TYPES.filter((d) => !withReport.includes(d))) {
      expect(() => timelineAfterInspectionEnd(definition, '2025-06-13')).toThrow(NoReportAfterInspectionError);
    }
    expect(withReport.length).toBeGreaterThanOrEqual(5);
  });

  it.each(withReport.map((d) => [d.type, d] as const))('%s: a non-empty timeline after the inspection, every date with its rule and source', (_type, definition) => {
    const timeline = timelineAfterInspectionEnd(definition, '2025-06-13');
    expect(timeline.entries.length).toBeGreaterThan(0);
    for (const entry of timeline.entries) {
      expect(entry.due >= '2025-06-13').toBe(true);
      expect(entry.source).toMatch(/^seed 00\d/);
      expect(entry.rule.length).toBeGreaterThan(0);
    }
    expect([...timeline.entries.map((e) => e.due)]).toEqual([...timeline.entries.map((e) => e.due)].sort());
    expect(timeline.end.reason).toBe('done');
    // Types built from the seed 003 fragments wait for a person's step with no clock (QA completed, publication where the
    // handbook gives no date): the projection assumes it (test/engine/timelineAssumedSteps.test.ts); the others need none.
    // Publication is assumed only where no clock publishes the report by itself (ECF: 38 working days).
    if (definition.framework.startsWith('seed 003')) {
      const assumed = timeline.assumedSteps?.map((a) => a.event) ?? [];
      expect(assumed).toContain('QA_COMPLETED');
      expect(assumed.includes('REPORT_PUBLISHED')).toBe(!definition.clocks.some((c) => c.onExpiry === 'REPORT_PUBLISHED'));
    } else expect(timeline.assumedSteps).toBeUndefined();
  });

  it('refuses a date that is not a real date', () => {
    expect(() => timelineAfterInspectionEnd(rfc, '2025-02-30')).toThrow(/YYYY-MM-DD/);
    expect(() => projectTimeline({ definition: rfc, stage: 'scheduled', facts: {} }, 'tomorrow')).toThrow(RangeError);
  });
});

describe('compliance notice follow-up', () => {
  it('is due within 5 working days of the compliance date (seed 002), across Easter 2025', () => {
    // Compliance date Thu 17 Apr 2025: [18, 21], 22, 23, 24, 25, 28 -> Mon 28 Apr.
    expect(clockFrom(followUpVisit, '2025-04-17')).toMatchObject({ clock: 'followUpVisit', due: '2025-04-28', kind: 'target', source: expect.stringContaining('§"Monitoring compliance notices"') });
    expect(clockFrom(followUpVisit, '2024-12-13').due).toBe('2024-12-20');
    expect(() => clockFrom(followUpVisit, '17 April')).toThrow(RangeError);
  });
});

describe('iCalendar feed (RFC 5545)', () => {
  const timeline = timelineAfterInspectionEnd(rfc, '2024-12-13');
  const ics = timelineToIcs(timeline.entries, { inspectionId: 'insp-0123abcd', stamp: '2025-01-02T09:30:00.000Z', calendarName: 'RFC, full; test' });

  /** Unfolds and splits into `[name;params, value]` pairs, checking the physical line rules on the way. */
  function parse(text: string) {
    expect(text.endsWith('\r\n')).toBe(true);
    const physical = text.slice(0, -2).split('\r\n');
    for (const line of physical) {
      expect(line).not.toMatch(/[\r\n]/);
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    }
    const logical: string[] = [];
    for (const line of physical) {
      if (line.startsWith(' ')) logical[logical.length - 1] += line.slice(1);
      else logical.push(line);
    }
    return logical.map((line) => {
      const colon = line.indexOf(':');
      return [line.slice(0, colon), line.slice(colon + 1)] as const;
    });
  }
  const unescape = (v: string) => v.replace(/\\([\\;,nN])/g, (_m, c: string) => (c === 'n' || c === 'N' ? '\n' : c));

  it('is one calendar of all-day events, CRLF-terminated and folded at 75 octets', () => {
    const lines = parse(ics);
    expect(lines[0]).toEqual(['BEGIN', 'VCALENDAR']);
    expect(lines[lines.length - 1]).toEqual(['END', 'VCALENDAR']);
    expect(lines).toContainEqual(['VERSION', '2.0']);
    expect(lines).toContainEqual(['X-WR-CALNAME', 'RFC\\, full\\; test']);
    const events = lines.filter(([k, v]) => k === 'BEGIN' && v === 'VEVENT').length;
    expect(events).toBe(4);
    expect(lines.filter(([k, v]) => k === 'END' && v === 'VEVENT').length).toBe(4);
    expect(lines.filter(([k]) => k === 'DTSTART;VALUE=DATE').map(([, v]) => v)).toEqual(['20250113', '20250120', '20250129', '20250205']);
    expect(lines.filter(([k]) => k === 'DTEND;VALUE=DATE').map(([, v]) => v)).toEqual(['20250114', '20250121', '20250130', '20250206']);
    expect(lines.filter(([k]) => k === 'DTSTAMP').every(([, v]) => v === '20250102T093000Z')).toBe(true);
    expect(ics.split('\r\n').some((l) => l.startsWith(' '))).toBe(true); // the long descriptions were folded
  });

  it('keeps each UID stable per inspection and clock, and the text round-trips through escaping', () => {
    const lines = parse(ics);
    expect(lines.filter(([k]) => k === 'UID').map(([, v]) => v)).toEqual([
      'insp-0123abcd-draftReport@durable-inspections',
      'insp-0123abcd-commentWindow@durable-inspections',
      'insp-0123abcd-finalReport@durable-inspections',
      'insp-0123abcd-publication@durable-inspections',
    ]);
    const later = timelineToIcs(projectTimeline({ definition: rfc, stage: 'reporting.finalising', facts: { ...contextAfter('2024-12-13') } }, '2025-01-21').entries, {
      inspectionId: 'insp-0123abcd',
      stamp: 0,
    });
    expect(parse(later).filter(([k]) => k === 'UID').map(([, v]) => v)).toEqual([
      'insp-0123abcd-finalReport@durable-inspections',
      'insp-0123abcd-publication@durable-inspections',
    ]);
    const summaries = lines.filter(([k]) => k === 'SUMMARY').map(([, v]) => unescape(v));
    expect(summaries).toEqual(timeline.entries.map((e) => e.label));
    const description = unescape(lines.find(([k]) => k === 'DESCRIPTION')![1]);
    expect(description).toBe(`${timeline.entries[0]!.rule}\nSource: ${timeline.entries[0]!.source}`);
  });

  it('escapes backslash, semicolon, comma and newlines, and never splits a UTF-8 character when folding', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
    const long = `SUMMARY:${'é'.repeat(100)}`;
    const folded = foldLine(long);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
      expect(part).not.toContain('\uFFFD');
    }
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(long);
    expect(foldLine('x'.repeat(75))).toBe('x'.repeat(75));
    expect(foldLine('x'.repeat(76))).toBe(`${'x'.repeat(75)}\r\n x`);
  });
});

/** The facts of an RFC inspection just after its feedback on `feedbackDate`. */
function contextAfter(feedbackDate: string) {
  const driver = rfcAfterFeedback(feedbackDate, feedbackDate);
  return driver.view(feedbackDate).facts;
}
