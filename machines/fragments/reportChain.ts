import { payload } from '../kit';
import { type Fragment, to } from './fragment';
import { BEFORE_DRAFT } from './qualityAssurance';
import { update } from './update';

interface Rule {
  days: number;
  source: string;
  reading?: string;
}

export interface ReportChainParams {
  /** Where the handbook describes the draft, comments and final report (used where no timed rule is given). */
  source: string;
  /** "5 working days to comment on the draft report, the inspection process and the findings", where stated. */
  comments?: Rule;
  /** "Final report, with responses to comments, within 30 working days of the end", where stated. */
  final?: Rule;
  /** "Published usually within 38 working days" (ECF), where stated; otherwise a manager records publication. */
  publication?: Rule;
  /** Where the final report leads: `awaitingPublication` unless the type puts a complaint window first. */
  next?: string;
  /**
   * Set by the skeleton where a complaint with no deadline is taken while the report awaits publication: a publication
   * that happens by itself then happens on its day with a complaint open too (publication does not wait for it).
   */
  publishesWhileComplaintOpen?: boolean;
}

/** What publishing the report does, wherever it happens (the complaint fragment publishes while a complaint is open). */
export const publication = [update((_c, e) => ({ publishedDate: e.at })), 'publishReport'];

/**
 * The report chain after the draft (reading §2.1 steps 10 and 11; §3.2): `reporting.commentWindow` →
 * `reporting.finalising` → `FINAL_REPORT_SENT` → `awaitingPublication` → `published` (see `closing`). Where the
 * handbook gives no comment window, a manager closes it (reading §7 E34: no silent default).
 */
export function reportChain(p: ReportChainParams): Fragment {
  return {
    context: { commentsReceived: false, finalReportSentDate: null, publishedDate: null },
    states: {
      reporting: {
        states: {
          commentWindow: {
            meta: { status: 'awaiting_provider_comments' },
            on: {
              COMMENTS_SUBMITTED: { target: to('finalising'), actions: update(() => ({ commentsReceived: true })) },
              COMMENT_WINDOW_CLOSED: to('finalising'),
            },
          },
          finalising: {
            meta: { status: 'finalising_report' },
            on: { FINAL_REPORT_SENT: { target: to(p.next ?? 'awaitingPublication'), actions: update((_c, e) => ({ finalReportSentDate: e.at })) } },
          },
        },
      },
      awaitingPublication: {
        meta: { status: 'awaiting_publication' },
        on: { REPORT_PUBLISHED: { target: to('published'), actions: publication } },
      },
    },
    events: {
      COMMENTS_SUBMITTED: {
        label: 'Provider comments on the draft report, the inspection process and the findings',
        roles: ['provider'],
        schema: payload({}),
        source: p.comments?.source ?? p.source,
      },
      ...(!p.comments && {
        COMMENT_WINDOW_CLOSED: { label: 'Comment stage closed (no window stated in the handbook)', roles: ['manager'], schema: payload({}), source: `${p.source}; seed 003 reading §7 E34` },
      }),
      FINAL_REPORT_SENT: {
        label: 'Final report, with replies to the comments, sent to the provider',
        roles: ['inspector', 'manager'],
        schema: payload({}),
        source: p.final?.source ?? p.source,
      },
      ...(!p.publication && {
        REPORT_PUBLISHED: { label: 'Report published', roles: ['manager'], schema: payload({}), source: p.source },
      }),
    },
    effects: { publishReport: { label: 'Publish the report and outcome on the reports website', source: p.publication?.source ?? p.source } },
    clocks: [
      ...(p.comments
        ? [
            {
              id: 'commentWindow',
              label: "Provider's window to comment on the draft",
              runsIn: ['reporting.commentWindow'],
              anchor: 'draftSentDate',
              length: p.comments.days,
              unit: 'workingDays' as const,
              kind: 'window' as const,
              onExpiry: 'COMMENT_WINDOW_CLOSED',
              rule: `The provider has ${p.comments.days} working days to comment on the draft report`,
              source: p.comments.source,
              reading: p.comments.reading ?? 'Counted from the day the draft is sent (reading §7 E04).',
            },
          ]
        : []),
      ...(p.final
        ? [
            {
              id: 'finalReport',
              label: 'Final report to the provider',
              runsIn: [...BEFORE_DRAFT, 'reporting.commentWindow', 'reporting.finalising'],
              anchor: 'feedbackDate',
              length: p.final.days,
              unit: 'workingDays' as const,
              kind: 'target' as const,
              rule: `Final report sent within ${p.final.days} working days of the end of the inspection`,
              source: p.final.source,
              ...(p.final.reading && { reading: p.final.reading }),
            },
          ]
        : []),
      ...(p.publication
        ? [
            {
              id: 'publication',
              label: 'Publication',
              runsIn: ['awaitingPublication', ...(p.publishesWhileComplaintOpen ? ['complaint'] : [])],
              anchor: 'feedbackDate',
              length: p.publication.days,
              unit: 'workingDays' as const,
              kind: 'automatic' as const,
              onExpiry: 'REPORT_PUBLISHED',
              rule: `The report is published within ${p.publication.days} working days of the end of the inspection`,
              source: p.publication.source,
              ...(p.publication.reading && { reading: p.publication.reading }),
            },
          ]
        : []),
    ],
  };
}
