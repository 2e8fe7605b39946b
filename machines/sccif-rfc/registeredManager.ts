import { z } from 'zod';
import { addCalendarDays } from '../../calendar';
import { type SccifGrade, gradeRank, isoDate } from '../kit';
import type { RfcJudgements } from './judgements';
import { SEED_002 } from './source';

/**
 * The registered manager's post, and the judgement rules that follow from it (seed 002 §"The effectiveness of leaders
 * and managers", inadequate; §"Residential family centres with no registered manager"; reading:
 * the structured reading of seed 002 §2.7, T47, T48, §7.17).
 */
export const MANAGER_RULES_SOURCE = `${SEED_002} §"The effectiveness of leaders and managers" (inadequate); §"Residential family centres with no registered manager"`;

export const managerPosition = z.discriminatedUnion('position', [
  z.strictObject({ position: z.literal('registered_manager_in_post') }),
  z.strictObject({
    position: z.literal('vacant'),
    vacantSince: isoDate,
    recruitmentEvidence: z.enum(['none_or_limited', 'active']),
  }),
  z.strictObject({ position: z.literal('manager_not_registered'), appointedOn: isoDate, appliedToRegister: z.boolean() }),
]);
export type ManagerPosition = z.infer<typeof managerPosition>;

/** Why the inspector departs from what the seed says "usually" or "unlikely", per judgement. */
export const departureReasons = z
  .strictObject({ leadershipAndManagement: z.string().trim().min(1).max(2000).optional(), overallExperiencesAndProgress: z.string().trim().min(1).max(2000).optional() })
  .describe('why this centre departs from what the manager rules say is usual, per judgement');
export type DepartureReasons = z.infer<typeof departureReasons>;

export const VACANCY_WEEKS = 26;
export const UNREGISTERED_WEEKS = 12;

/** "After N weeks": the day is more than N weeks after the start. */
const moreThanWeeksAfter = (start: string, weeks: number, on: string) => on > addCalendarDays(start, weeks * 7);

export const hasNoRegisteredManager = (position: ManagerPosition | null): boolean =>
  position !== null && position.position !== 'registered_manager_in_post';

/**
 * Why a set of judgements given on `on` breaks the manager rules, or null. The seed's "never" is a cap; its "usually"
 * and "unlikely" are what the inspector must follow unless they record why this centre differs (`departureReasons`):
 * the system keeps the professional judgement but makes the departure part of the record (choice; domain §7.17 reads
 * the 26-week sentence as "usually inadequate and at best requires improvement").
 */
export function managerRuleBroken(
  position: ManagerPosition | null,
  judgements: RfcJudgements,
  departureReasons: DepartureReasons | undefined,
  on: string,
): string | null {
  if (position?.position === 'vacant' && position.recruitmentEvidence === 'none_or_limited' && moreThanWeeksAfter(position.vacantSince, VACANCY_WEEKS, on)) {
    const why = `the registered manager post has been vacant since ${position.vacantSince} (more than ${VACANCY_WEEKS} weeks) with no or limited evidence of attempts to recruit`;
    const leadership = judgements.leadershipAndManagement;
    if (gradeRank(leadership) < gradeRank('requires_improvement')) {
      return `${why}, so leadership and management is never better than requires improvement`;
    }
    if (leadership !== 'inadequate' && !departureReasons?.leadershipAndManagement) {
      return `${why}, so leadership and management is usually inadequate: give departureReasons.leadershipAndManagement to judge it ${leadership}`;
    }
    if (judgements.overallExperiencesAndProgress === 'outstanding' && !departureReasons?.overallExperiencesAndProgress) {
      return `${why}, so the overall judgement is unlikely to be better than good: give departureReasons.overallExperiencesAndProgress to judge it outstanding`;
    }
  }
  if (position?.position === 'manager_not_registered' && !position.appliedToRegister && moreThanWeeksAfter(position.appointedOn, UNREGISTERED_WEEKS, on)) {
    const leadership: SccifGrade = judgements.leadershipAndManagement;
    if (leadership !== 'inadequate' && !departureReasons?.leadershipAndManagement) {
      return `the manager appointed on ${position.appointedOn} has not applied to be registered after more than ${UNREGISTERED_WEEKS} weeks, so leadership and management is usually inadequate: give departureReasons.leadershipAndManagement to judge it ${leadership}`;
    }
  }
  return null;
}
