import { note, payload } from '../kit';
import { type Fragment, to, update } from '../fragments';

/**
 * Childminder visits (seed 003 CMA §"Childminder visits"): sample visits to childcare providers registered with the
 * agency, within the agency inspection, 1 to 3 hours each; "not an inspection": no judgement, no feedback from Ofsted.
 * A sub-state of the fieldwork (`onSite.childminderVisit`) with a 3-hour target.
 */
export function childminderVisits(source: string): Fragment {
  return {
    context: { childminderVisitStartedAt: null, childminderVisits: [] },
    states: {
      onSite: {
        states: {
          fieldwork: {
            on: {
              CHILDMINDER_VISIT_STARTED: {
                target: to('childminderVisit'),
                actions: update((_c, e) => ({ childminderVisitStartedAt: e.occurredAt })),
              },
            },
          },
          childminderVisit: {
            meta: { status: 'childminder_visit' },
            on: {
              CHILDMINDER_VISIT_ENDED: {
                target: to('fieldwork'),
                actions: update((c, e) => ({
                  childminderVisits: [...(c.childminderVisits as unknown[]), { on: e.at, childcareProvider: e.childcareProvider, supportedBy: e.supportedBy ?? null }],
                  childminderVisitStartedAt: null,
                })),
              },
            },
          },
        },
      },
    },
    events: {
      CHILDMINDER_VISIT_STARTED: { label: 'Childminder visit starts (not an inspection of the childminder)', roles: ['inspector'], schema: payload({}), source },
      CHILDMINDER_VISIT_ENDED: {
        label: 'Childminder visit ends; who supports the childcare provider recorded; no judgement or feedback',
        roles: ['inspector'],
        schema: payload({ childcareProvider: note, supportedBy: note.optional() }),
        source,
      },
    },
    clocks: [
      {
        id: 'childminderVisitLength',
        label: 'Length of a childminder visit',
        runsIn: ['onSite.childminderVisit'],
        anchor: 'childminderVisitStartedAt',
        length: 3,
        unit: 'hours',
        kind: 'target',
        rule: 'A childminder visit lasts between 1 and 3 hours',
        source,
      },
    ],
  };
}
