/** How every rule of a seed 003 machine names its source: the seed, the handbook, the page's own section headings. */
export const SEED_003 = 'seed 003 (Ofsted handbooks and frameworks updates, January 2024)';

/** `handbookSource('FES')('Providing feedback')` → `seed 003 (…) FES §"Providing feedback"`. */
export function handbookSource(handbook: string) {
  return (...sections: string[]) => `${SEED_003} ${handbook} ${sections.map((s) => `§"${s}"`).join(', ')}`;
}

/** A rule of the structured reading (../shared/domain/seed_003.md), cited after the handbook's own section. */
export const reading = (where: string) => `seed 003 reading ${where}`;

/** January 2024: the date the seed 003 handbook changes apply from (published 19 January 2024). */
export const SEED_003_IN_FORCE_FROM = '2024-01-19';

/**
 * v2 of a seed 003 type (the same page read more fully, so there is no framework date to take) applies to inspections
 * started from 1 January 2027: far enough ahead that inspections already notified keep v1, and the start of a school
 * and college term (spring), so one term's inspections run under one version.
 */
export const SEED_003_V2_IN_FORCE_FROM = '2027-01-01';

/** The date a version of a seed 003 type applies from. */
export const seed003InForceFrom = (version: number) => (version >= 2 ? SEED_003_V2_IN_FORCE_FROM : SEED_003_IN_FORCE_FROM);
