import type { z } from 'zod';
import { note, payload } from '../kit';
import { type Fragment, to } from './fragment';
import { type FragmentContext, type FragmentGuard, update } from './update';

export interface QualityAssuranceParams {
  source: string;
  /** The judgements schema, for a change at QA or moderation; absent where there are none. */
  judgements?: z.ZodType;
  /** SCCIF: a changed judgement is told to the provider, with reasons, before the draft (reading §7 E21). */
  changedJudgementsToldBeforeDraft?: { source: string };
  /** SMH special measures: "not subject to moderation". Returns true when the judgements may not be changed. */
  moderationLocked?: { when: FragmentGuard; source: string };
  /** What a change must satisfy beyond its schema (ECF: the judgements fit the kind of inspection). */
  judgementsGuard?: FragmentGuard;
  /** Where the handbook lets the DfE or others have the draft, only after moderation or QA (reading §7 E32). */
  thirdPartySharing?: { bodies: string; source: string };
  /** The draft report target ("within 18 working days of the end"), where stated. */
  draft?: { days: number; source: string; reading?: string };
}

/** States in which the draft is still to come: its clock runs through all of them. */
export const BEFORE_DRAFT = ['reporting.nextDayContact', 'reporting.concernRouting', 'reporting.qualityAssurance', 'reporting.qaCompleted'];

/**
 * QA and moderation, then the draft (reading §2.1 step 9): `reporting.qualityAssurance` → `QA_COMPLETED` →
 * `reporting.qaCompleted` → `DRAFT_REPORT_SENT` → `reporting.commentWindow`.
 */
export function qualityAssurance(p: QualityAssuranceParams): Fragment {
  const told = function changedJudgementsTold({ context }: { context: FragmentContext }) {
    return !context.changedJudgementsNotTold;
  };
  if (p.moderationLocked && p.judgementsGuard) throw new Error('qualityAssurance: moderationLocked or judgementsGuard, not both');
  const notLocked: FragmentGuard | undefined =
    (p.moderationLocked &&
      function moderationAllowed(args) {
        return !p.moderationLocked!.when(args);
      }) ||
    p.judgementsGuard;
  const tell = Boolean(p.changedJudgementsToldBeforeDraft);
  // Telling the provider is allowed in both QA states: QA may be completed before the call is made.
  const untold = function changedJudgementsNotTold({ context }: { context: FragmentContext }) {
    return Boolean(context.changedJudgementsNotTold);
  };
  const tellProvider = tell ? { PROVIDER_TOLD_OF_CHANGED_JUDGEMENTS: { guard: untold, actions: update(() => ({ changedJudgementsNotTold: false })) } } : {};
  return {
    context: { qaCompletedOn: null, draftSentDate: null, draftSharedWith: [], ...(tell && { changedJudgementsNotTold: false }) },
    states: {
      reporting: {
        states: {
          qualityAssurance: {
            meta: { status: 'quality_assurance' },
            on: {
              ...(p.judgements && {
                JUDGEMENTS_CHANGED: {
                  ...(notLocked && { guard: notLocked }),
                  actions: update((_c, e) => ({ judgements: e.judgements, ...(tell && { changedJudgementsNotTold: true }) })),
                },
              }),
              ...tellProvider,
              QA_COMPLETED: { target: to('qaCompleted'), actions: update((_c, e) => ({ qaCompletedOn: e.at })) },
            },
          },
          qaCompleted: {
            meta: { status: 'quality_assured' },
            on: {
              ...tellProvider,
              ...(p.thirdPartySharing && {
                DRAFT_SHARED_WITH_THIRD_PARTY: { actions: update((c, e) => ({ draftSharedWith: [...(c.draftSharedWith as unknown[]), { body: e.body, on: e.at }] })) },
              }),
              DRAFT_REPORT_SENT: {
                ...(tell && { guard: told }),
                target: to('commentWindow'),
                actions: update((_c, e) => ({ draftSentDate: e.at })),
              },
            },
          },
        },
      },
    },
    events: {
      ...(p.judgements && {
        JUDGEMENTS_CHANGED: {
          label: p.moderationLocked ? 'Judgements changed at QA or moderation (refused where not subject to moderation)' : 'Judgements changed at QA or moderation',
          roles: ['manager'],
          schema: payload({ judgements: p.judgements, reasons: note }),
          source: p.moderationLocked ? `${p.source}; ${p.moderationLocked.source}` : p.source,
        },
      }),
      ...(tell && {
        PROVIDER_TOLD_OF_CHANGED_JUDGEMENTS: {
          label: 'Provider told of the revised judgements and the reasons, before the draft',
          roles: ['inspector'],
          schema: payload({}),
          source: p.changedJudgementsToldBeforeDraft!.source,
        },
      }),
      QA_COMPLETED: { label: 'Quality assurance and moderation completed', roles: ['manager'], schema: payload({}), source: p.source },
      ...(p.thirdPartySharing && {
        DRAFT_SHARED_WITH_THIRD_PARTY: {
          label: `Draft shared, after QA, with ${p.thirdPartySharing.bodies}`,
          roles: ['manager'],
          schema: payload({ body: note }),
          source: p.thirdPartySharing.source,
        },
      }),
      DRAFT_REPORT_SENT: {
        label: tell ? 'Draft report sent to the provider (changed judgements told first)' : 'Draft report sent to the provider',
        roles: ['inspector', 'manager'],
        schema: payload({}),
        source: p.draft?.source ?? p.source,
      },
    },
    clocks: p.draft
      ? [
          {
            id: 'draftReport',
            label: 'Draft report to the provider',
            runsIn: BEFORE_DRAFT,
            anchor: 'feedbackDate',
            length: p.draft.days,
            unit: 'workingDays',
            kind: 'target',
            rule: `Draft report sent within ${p.draft.days} working days of the end of the inspection`,
            source: p.draft.source,
            ...(p.draft.reading && { reading: p.draft.reading }),
          },
        ]
      : [],
  };
}
