export {
  appendEntries,
  appendEntriesInTransaction,
  readLedger,
  verifyChain,
  type AppendResult,
  type LedgerEntry,
  type LedgerEntryInput,
  type VerifyResult,
} from './ledger';
export { LedgerError, LedgerConflictError, LedgerGapError, LedgerInvalidEntryError } from './errors';
export { GENESIS_HASH, entryHash, contentJson, type LedgerContent } from './hash';
export { canonicalJson } from './canonicalJson';
export { ledgerEntry, verifyResult } from './schemas';
