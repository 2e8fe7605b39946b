export class LedgerError extends Error {
  constructor(
    message: string,
    readonly inspectionId: string,
  ) {
    super(message);
  }
}

/** An entry with this seq is already recorded with different content. */
export class LedgerConflictError extends LedgerError {
  override readonly name = 'LedgerConflictError';
  constructor(
    inspectionId: string,
    readonly seq: number,
  ) {
    super(`Ledger ${inspectionId}: entry ${seq} already recorded with different content`, inspectionId);
  }
}

/** The entries do not follow on from the last recorded one (or from each other). */
export class LedgerGapError extends LedgerError {
  override readonly name = 'LedgerGapError';
  constructor(
    inspectionId: string,
    readonly expectedSeq: number,
    readonly actualSeq: number,
  ) {
    super(`Ledger ${inspectionId}: expected entry ${expectedSeq}, got ${actualSeq}`, inspectionId);
  }
}

/** An entry that cannot be recorded as given (bad seq, bad instant, non-JSON data). */
export class LedgerInvalidEntryError extends LedgerError {
  override readonly name = 'LedgerInvalidEntryError';
}
