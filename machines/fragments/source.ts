/** How every rule of a seed 003 machine names its source: the seed, the handbook, the page's own section headings. */
export const SEED_003 = 'seed 003 (Ofsted handbooks and frameworks updates, January 2024)';

/** `handbookSource('FES')('Providing feedback')` → `seed 003 (…) FES §"Providing feedback"`. */
export function handbookSource(handbook: string) {
  return (...sections: string[]) => `${SEED_003} ${handbook} ${sections.map((s) => `§"${s}"`).join(', ')}`;
}

/** A rule of the structured reading of seed 003, cited after the handbook's own section. */
export const reading = (where: string) => `seed 003 reading ${where}`;

/** January 2024: the date the seed 003 handbook changes apply from (published 19 January 2024). */
export const SEED_003_IN_FORCE_FROM = '2024-01-19';

