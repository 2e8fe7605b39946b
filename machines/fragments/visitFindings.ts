import { note, payload } from '../kit';
import { type Fragment, to } from './fragment';
import { type FragmentGuard, update } from './update';

export interface VisitFindingsParams {
  /** True for the kinds that end with findings rather than judgements (ILACS, CAF: a visit). */
  isVisit: FragmentGuard;
  label: string;
  source: string;
}

/**
 * A visit's findings, agreed at the end of the fieldwork instead of judgements (ILACS, CAF: "provisional findings
 * and/or judgements"; "report/letter"): `onSite.fieldwork` ─VISIT_FINDINGS_AGREED→ `onSite.awaitingFeedback`. Its own
 * strict decision, so an inspection's judgements and a visit's findings are never one optional payload.
 */
export function visitFindings(p: VisitFindingsParams): Fragment {
  return {
    context: { findings: null },
    states: {
      onSite: {
        states: {
          fieldwork: { on: { VISIT_FINDINGS_AGREED: { guard: p.isVisit, target: to('awaitingFeedback'), actions: update((_c, e) => ({ findings: e.findings })) } } },
        },
      },
    },
    events: { VISIT_FINDINGS_AGREED: { label: p.label, roles: ['inspector'], schema: payload({ findings: note }), source: p.source } },
  };
}
