
import { workingDaysBetween } from '../../calendar';
import { note, payload } from '../kit';
import type { Fragment } from './fragment';
import { update } from './update';

export interface OnSiteParams {
  /** Where the handbook describes keeping leaders informed and the early warning. */
  earlyWarningSource: string;
  /** What leaders are warned of, in the handbook's words ("may be judged requires improvement or inadequate"). */
  earlyWarningOf: string;
  /** The handbook's length of the on-site inspection, when it states one. */
  length?: { days: number; source: string; reading?: string };
}

/**
 * The on-site inspection (reading §2.1 step 4): `onSite.fieldwork`, with the early warning to leaders (by the end of
 * day 1 or on any later day: a record of when, not a clock, reading §3 T09) and, where stated, a target length.
 */
export function onSite(p: OnSiteParams): Fragment {
  return {
    context: { earlyWarnings: [], pausedWorkingDays: 0 },
    states: {
      onSite: {
        initial: 'fieldwork',
        states: {
          fieldwork: {
            meta: { status: 'on_site' },
            on: {
              EARLY_WARNING_GIVEN: {
                actions: update((c, e) => ({
                  earlyWarnings: [
                    ...(c.earlyWarnings as unknown[]),
                    { on: e.at, dayOfInspection: workingDaysBetween(c.onSiteStartedOn as string, e.at) + 1, concern: e.concern },
                  ],
                })),
              },
            },
          },
        },
      },
    },
    events: {
      EARLY_WARNING_GIVEN: {
        label: `Leaders told that evidence is emerging that the provider ${p.earlyWarningOf} (by the end of day 1, or when it emerges)`,
        roles: ['inspector'],
        schema: payload({ concern: note }),
        source: p.earlyWarningSource,
      },
    },
    clocks: p.length
      ? [
          {
            id: 'onSiteLength',
            label: 'Time on site',
            runsIn: ['onSite.fieldwork'],
            anchor: 'onSiteStartedOn',
            length: p.length.days - 1,
            unit: 'workingDays',
            extendedBy: ['pausedWorkingDays'],
            kind: 'target',
            rule: `On-site work lasts ${p.length.days} days`,
            source: p.length.source,
            reading: p.length.reading ?? 'The first on-site day is day 1; days of an inspection-level pause do not count (reading §7 E08).',
          },
        ]
      : [],
  };
}

/** The working days between a pause and its end, added to what was already paused. */
export const addPausedDays = update((c, e) => ({
  pausedWorkingDays: (c.pausedWorkingDays as number) + workingDaysBetween((c.pausedOn as string | null) ?? e.at, e.at),
  pausedOn: null,
}));

