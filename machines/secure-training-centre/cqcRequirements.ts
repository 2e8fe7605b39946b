import { isoDate, payload } from '../kit';
import { type Fragment, type FragmentGuard, update } from '../fragments';

/**
 * CQC's requirement notice and letter for the healthcare provider (seed 003 STC §"End of the full inspection and
 * feedback"; reading §3 T39): where the healthcare provider has not met the required standards (confirmed at feedback),
 * CQC sends a requirement notice (Annex B) for factual-accuracy comments "at the same time as the draft report", and a
 * requirement letter (Annex C) "once the requirements have been agreed". The letter's timing is open-ended (reading
 * §7 E28): it may be recorded while the report goes on, up to publication; a letter after publication is CQC's own
 * record, outside the inspection's.
 */

const noticeDue: FragmentGuard = function healthcareStandardsNotMetAndNoticeSentWithTheDraft({ context, event }) {
  return context.healthcareStandardsMet === false && context.requirementNoticeSentOn === null && (event as { at?: string }).at === context.draftSentDate;
};
const letterDue: FragmentGuard = function requirementNoticeSentAndNoLetterYet({ context }) {
  return context.requirementNoticeSentOn !== null && context.requirementLetterIssuedOn === null;
};

export function cqcRequirements(source: string): Fragment {
  const letter = { REQUIREMENT_LETTER_ISSUED: { guard: letterDue, actions: update((_c, e) => ({ requirementLetterIssuedOn: e.at, requirementsAgreedOn: e.requirementsAgreedOn })) } };
  return {
    context: { requirementNoticeSentOn: null, requirementsAgreedOn: null, requirementLetterIssuedOn: null },
    states: {
      reporting: {
        states: {
          commentWindow: { on: { REQUIREMENT_NOTICE_SENT: { guard: noticeDue, actions: update((_c, e) => ({ requirementNoticeSentOn: e.at })) }, ...letter } },
          finalising: { on: letter },
        },
      },
      awaitingPublication: { on: letter },
    },
    events: {
      REQUIREMENT_NOTICE_SENT: {
        label: 'CQC sends the healthcare provider a requirement notice (Annex B) for factual-accuracy comments, with the draft report',
        roles: ['inspector'],
        schema: payload({}),
        source,
      },
      REQUIREMENT_LETTER_ISSUED: {
        label: 'CQC issues the requirement letter (Annex C) once the requirements are agreed',
        roles: ['inspector'],
        schema: payload({ requirementsAgreedOn: isoDate }),
        source,
      },
    },
  };
}

