import { note, payload } from '../kit';
import { type Fragment, type FragmentContext, type Refusal, type StateConfig, heldBy, reading, update } from '../fragments';

/**
 * The meeting with governors or trustees about a lack of urgency (seed 003 SMH §"Feedback at the end of the monitoring
 * inspection"; reading §3 T45, §7 E30): "If there are serious concerns about the lack of urgency in tackling weakness
 * at the school, the lead inspector will expect to speak to the governing board … If needed, they will arrange to do
 * this after the inspection."
 *
 * Choice (no deadline and no outputs on the page, E30: "an optional child task, outside the report timers"): a record
 * kept beside the report chain, arranged then held, each a decision that leaves the inspection where it is. It never
 * holds the report up: the inspection may be published with the meeting arranged and not yet held (it then takes
 * place outside the inspection's record).
 */
type GovernorsMeeting = { arrangedOn: string; concerns: string; heldOn: string | null; recommendations: string | null };

const meetingOf = (context: FragmentContext) => context.governorsMeeting as GovernorsMeeting | null;

const notYetArranged: Refusal = function governorsMeetingNotYetArranged(context) {
  const meeting = meetingOf(context);
  return meeting ? `a meeting with governors or trustees was already arranged on ${meeting.arrangedOn}` : null;
};

const arrangedNotHeld: Refusal = function governorsMeetingArrangedNotHeld(context) {
  const meeting = meetingOf(context);
  if (!meeting) return 'no meeting with governors or trustees has been arranged (GOVERNORS_MEETING_ARRANGED)';
  return meeting.heldOn ? `the meeting with governors or trustees was already held on ${meeting.heldOn}` : null;
};

/** The states after the inspection, before its end, where the meeting may be arranged or held. */
const AFTER_THE_INSPECTION = ['reporting', 'awaitingPublication', 'complaint', 'publishedComplaintUnderReview'] as const;

export function governorsMeeting(source: string): Fragment {
  const on = {
    GOVERNORS_MEETING_ARRANGED: {
      guard: heldBy(notYetArranged),
      actions: update((_c, e) => ({ governorsMeeting: { arrangedOn: e.at, concerns: e.concerns as string, heldOn: null, recommendations: null } satisfies GovernorsMeeting })),
    },
    GOVERNORS_MEETING_HELD: {
      guard: heldBy(arrangedNotHeld),
      actions: update((c, e) => ({ governorsMeeting: { ...meetingOf(c)!, heldOn: e.at, recommendations: e.recommendations as string } })),
    },
  };
  const where = `${source}; ${reading('§3 T45, §7 E30')}`;
  return {
    context: { governorsMeeting: null },
    states: Object.fromEntries(AFTER_THE_INSPECTION.map((key): [string, StateConfig] => [key, { on }])),
    events: {
      GOVERNORS_MEETING_ARRANGED: {
        label: 'Serious concerns about the lack of urgency in tackling weaknesses: a meeting with the governing board or trustees arranged after the inspection',
        roles: ['inspector'],
        schema: payload({ concerns: note }),
        source: where,
        reading: 'Optional, with no deadline; arranged once feedback has been given, at any point before the inspection ends. The report chain does not wait for it.',
        breaks: notYetArranged,
      },
      GOVERNORS_MEETING_HELD: {
        label: 'Meeting with governors or trustees held: the concerns shared, and recommendations for more urgent action or intervention',
        roles: ['inspector'],
        schema: payload({ recommendations: note }),
        source: where,
        breaks: arrangedNotHeld,
      },
    },
  };
}
