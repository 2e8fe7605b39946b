/** The 2014 residential family centre framework (seed 004): how its rules cite it, and the date it is read to apply from. */
export const SEED_004 = 'seed 004 (inspections of residential family centres, 2014)';
export const src004 = (...paragraphs: number[]) => `${SEED_004} ${paragraphs.map((p) => `¶${p}`).join(', ')}`;

/**
 * The seed states no date from which the framework applies: only "Published: September 2014" (its front
 * matter) and the companion guidance promised for October 2014 (footnote 3). Reading: in force from the first
 * day of the month of publication. Any earlier date also gets version 0, the oldest (versionInForce).
 */
export const RFC_2014_IN_FORCE_FROM = '2014-09-01';
