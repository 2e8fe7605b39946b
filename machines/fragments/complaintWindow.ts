import { z } from 'zod';
import { note, payload } from '../kit';
import { type Fragment, to } from './fragment';
import { publication } from './reportChain';
import { update } from './update';

export interface ComplaintWindowParams {
  /**
   * "A formal complaint within 5 working days of receiving the final report" (CMA). Leave it out where the handbook
   * gives no deadline ("may wish to lodge a formal complaint when it receives the final report": every other seed 003
   * remit): the complaint is then taken from the final report until publication (see `openComplaint`).
   */
  days?: number;
  source: string;
  /** With `days`: where the window leads when it closes or the complaint is answered. */
  next?: string;
}

const complaintEvents = (source: string, label: string): Fragment['events'] => ({
  COMPLAINT_MADE: { label, roles: ['provider'], schema: payload({ summary: note }), source },
  COMPLAINT_RESPONDED: {
    label: 'Ofsted responds to the formal complaint (complaints procedure)',
    roles: ['manager'],
    schema: payload({ outcome: z.enum(['upheld', 'partly_upheld', 'not_upheld']) }),
    source,
  },
});

/**
 * The formal complaint after the final report (reading §2.1 step 12; §3 T18). With a deadline (CMA), `complaintWindow`
 * closes by itself; a complaint made in it goes to `complaint` until Ofsted responds. Without one, `openComplaint`,
 * which needs the closing fragment's facts (`closingFacts`, the skeleton passes them) for a report published early.
 */
export function complaintWindow(p: ComplaintWindowParams, closingFacts?: unknown): Fragment {
  if (p.days === undefined) {
    if (p.next) throw new Error('complaintWindow: `next` is for a window with a deadline; without one the complaint is taken while the report awaits publication');
    if (!closingFacts) throw new Error('complaintWindow without a deadline: pass the closing facts (closingFacts), set when the report is published');
    return openComplaint(p.source, closingFacts);
  }
  const next = to(p.next ?? 'awaitingPublication');
  return {
    context: { complaintMadeOn: null, complaintOutcome: null },
    states: {
      complaintWindow: {
        meta: { status: 'complaint_window_open' },
        on: {
          COMPLAINT_MADE: { target: to('complaint'), actions: update((_c, e) => ({ complaintMadeOn: e.at })) },
          COMPLAINT_WINDOW_CLOSED: next,
        },
      },
      complaint: {
        meta: { status: 'complaint_under_review' },
        on: { COMPLAINT_RESPONDED: { target: next, actions: update((_c, e) => ({ complaintOutcome: e.outcome })) } },
      },
    },
    events: complaintEvents(p.source, 'Formal complaint lodged after the final report'),
    clocks: [
      {
        id: 'complaintWindow',
        label: 'Window to lodge a formal complaint',
        runsIn: ['complaintWindow'],
        anchor: 'finalReportSentDate',
        length: p.days,
        unit: 'workingDays',
        kind: 'window',
        onExpiry: 'COMPLAINT_WINDOW_CLOSED',
        rule: `A formal complaint may be lodged within ${p.days} working days of receiving the final report`,
        source: p.source,
        reading: 'Counted from the day the final report is sent (reading §7 E04, as for the draft).',
      },
    ],
  };
}

/**
 * A formal complaint with no deadline: `awaitingPublication` ─COMPLAINT_MADE→ `complaint` ─COMPLAINT_RESPONDED→ back;
 * publication does not wait for the answer (`complaint` ─REPORT_PUBLISHED→ `publishedComplaintUnderReview`
 * ─COMPLAINT_RESPONDED→ `published`).
 *
 * Choice (the seed gives no end to "when it receives the final report"): the inspection still ends at publication.
 * A complaint is taken from the final report until then (not before it: reading §7 E22); one lodged after publication
 * goes to Ofsted's complaints procedure, outside this inspection [ext]. So no inspection waits for a complaint that
 * may never come: once the report is published it stays open only for an answer Ofsted owes to a complaint already
 * lodged. Publication is not held up by a complaint: "lodging a complaint will not normally delay publication"
 * (seed 001 §65, seed 004 §79; seed 003 says nothing either way).
 */
function openComplaint(source: string, closingFacts: unknown): Fragment {
  const answered = update((_c, e) => ({ complaintOutcome: e.outcome }));
  const reading = 'Taken from the final report until publication; after publication only the answer to a complaint already lodged is awaited (a later complaint goes to the complaints procedure, outside the inspection).';
  const events = complaintEvents(source, 'Formal complaint lodged on receiving the final report (no deadline)')!;
  return {
    context: { complaintMadeOn: null, complaintOutcome: null },
    states: {
      awaitingPublication: {
        on: { COMPLAINT_MADE: { target: to('complaint'), actions: update((_c, e) => ({ complaintMadeOn: e.at, complaintOutcome: null })) } },
      },
      complaint: {
        meta: { status: 'complaint_under_review' },
        on: {
          COMPLAINT_RESPONDED: { target: to('awaitingPublication'), actions: answered },
          REPORT_PUBLISHED: { target: to('publishedComplaintUnderReview'), actions: publication },
        },
      },
      publishedComplaintUnderReview: {
        meta: { status: 'published_complaint_under_review' },
        entry: closingFacts, // published: the grade is public now, while the answer is awaited
        on: { COMPLAINT_RESPONDED: { target: to('published'), actions: answered } },
      },
    },
    events: { COMPLAINT_MADE: { ...events.COMPLAINT_MADE!, reading }, COMPLAINT_RESPONDED: { ...events.COMPLAINT_RESPONDED!, reading: 'Publication does not wait for it (seed 001 §65, seed 004 §79: a complaint "will not normally delay publication").' } },
  };
}

/**
 * The header of a January 2024 type at revision 1, or at revision 2, which adds only the formal complaint on receiving
 * the final report (with `complaintWindow` and no deadline): its revision, what that revision changed, its migration
 * path and its title, from the subject both titles share.
 */
export function formalComplaintRevision(machineRevision: 1 | 2, subject: string) {
  return machineRevision === 2
    ? {
        machineRevision,
        revisionNote: 'adds the formal complaint on receiving the final report',
        migratesFrom: { revisions: [1], note: 'a formal complaint may follow the final report' },
        title: `${subject}, with the formal complaint`,
      }
    : { machineRevision, title: `${subject} (January 2024)` };
}
