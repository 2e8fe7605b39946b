import { z } from 'zod';
import { note, payload } from '../kit';
import { type Fragment, to } from './fragment';
import { update } from './update';

export interface ComplaintWindowParams {
  /** "A formal complaint within 5 working days of receiving the final report" (CMA). */
  days: number;
  source: string;
  /** Where the window leads when it closes or the complaint is answered. */
  next?: string;
}

/**
 * The formal complaint window after the final report (reading §2.1 step 12; §3 T18): `complaintWindow` closes by
 * itself; a complaint made in it goes to `complaint` until Ofsted responds.
 */
export function complaintWindow(p: ComplaintWindowParams): Fragment {
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
    events: {
      COMPLAINT_MADE: { label: 'Formal complaint lodged after the final report', roles: ['provider'], schema: payload({ summary: note }), source: p.source },
      COMPLAINT_RESPONDED: {
        label: 'Ofsted responds to the formal complaint (complaints procedure)',
        roles: ['manager'],
        schema: payload({ outcome: z.enum(['upheld', 'partly_upheld', 'not_upheld']) }),
        source: p.source,
      },
    },
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
