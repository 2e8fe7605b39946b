import { type EventSpec, note, payload } from '../kit';
import { src004 } from './source';

/**
 * The report steps the full and the monitoring inspection of the 2014 framework share (seed 004 ¶63, ¶77–79): the
 * draft sent for a factual accuracy check, the provider's comments, and a formal complaint, which delays nothing.
 */
export const reportSteps2014 = {
  DRAFT_REPORT_SENT: {
    label: 'Inspection report sent to the provider for a factual accuracy check',
    roles: ['inspector'],
    schema: payload({}),
    source: src004(63),
  },
  COMMENTS_SUBMITTED: {
    label: 'Provider returns the report with any comments on factual accuracy',
    roles: ['provider'],
    schema: payload({}),
    source: src004(63, 77),
  },
  COMPLAINT_MADE: {
    label: 'Formal complaint under Ofsted’s complaints procedure (does not delay publication)',
    roles: ['provider'],
    schema: payload({ summary: note }),
    source: src004(63, 78, 79),
  },
} satisfies Record<string, EventSpec>;
