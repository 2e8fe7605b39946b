/** Counts of days, months or years must be whole: a fractional count has no calendar meaning. */
export function assertWholeNumber(value: number, name: string): void {
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`${name} must be a whole number, got ${String(value)}`);
  }
}
