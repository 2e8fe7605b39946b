/** Seed 002, the SCCIF for residential family centres (2024): the framework every rule in this folder cites. */
export const SEED_002 = 'seed 002 (SCCIF: residential family centres, 2024)';

/** A section of seed 002, by its heading. */
export const src002 = (section: string) => `${SEED_002} §"${section}"`;
