import { z } from 'zod';
import { note, payload } from '../kit';
import { src002 } from './source';

/**
 * A serious safeguarding or child-protection concern found at any point of an inspection, with the notifications
 * the seed requires made at once (seed 002 §"Safeguarding and child protection concerns"; reading:
 * the structured reading of seed 002 §2.9, T14, T15). The seed gives no numeric deadline for "immediately" (domain §7.30):
 * the notifications are recorded with the concern, in the same decision, so the record shows them made together.
 */
export const SAFEGUARDING_SOURCE = src002('Safeguarding and child protection concerns');

export const REFERRED_TO = [
  'local_authority_childrens_services',
  'childs_social_worker',
  'local_authority_adult_services',
  'adults_social_worker',
  'designated_officer',
  'police',
] as const;

export const safeguardingConcernPayload = payload({
  concern: note,
  /** Told to the responsible individual or person in charge as soon as possible, unless that may compromise safety. */
  personInChargeTold: z.boolean(),
  notToldBecause: note.optional(),
  allegationAgainstStaff: z.boolean(),
  referredTo: z.array(z.enum(REFERRED_TO)).min(1, 'the inspector ensures a referral is made to the relevant local authority services'),
  /** "Communicated immediately to the DCS for the responsible placing local authority, where this is relevant." */
  placingAuthorityDcs: z.enum(['told', 'not_relevant']),
}).superRefine((p, ctx) => {
  if (!p.personInChargeTold && !p.notToldBecause) {
    ctx.addIssue({ code: 'custom', path: ['notToldBecause'], message: 'the person in charge is told as soon as possible unless that may compromise a child\'s or adult\'s safety: say why they were not told' });
  }
  if (p.allegationAgainstStaff && !p.referredTo.includes('designated_officer')) {
    ctx.addIssue({ code: 'custom', path: ['referredTo'], message: 'concerns that relate to allegations against staff are referred to the designated officer' });
  }
});

export type SafeguardingConcern = Omit<z.infer<typeof safeguardingConcernPayload>, 'at' | 'note'> & { recordedOn: string };
