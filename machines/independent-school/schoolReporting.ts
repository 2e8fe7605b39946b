import type { QualityAssuranceParams, ReportChainParams } from '../fragments';

/**
 * The report timings independent school inspections share, standard and additional (seed 003 IND and AIIS
 * §"Arrangements for publishing the report"; reading §3 T29): the draft within 18 working days of the end ("in most
 * circumstances"), 5 working days to comment, the final report with replies normally within 30 working days of the
 * end; the draft to the DfE and others only after moderation or QA (reading §7 E32). No publication timing: a manager
 * publishes. `source` names the handbook's section.
 */
export function schoolReporting(source: string): { qualityAssurance: Omit<QualityAssuranceParams, 'judgements'>; reportChain: ReportChainParams } {
  return {
    qualityAssurance: {
      source,
      thirdPartySharing: { bodies: 'the DfE (the registration authority) and others', source },
      draft: { days: 18, source: `${source} ("in most circumstances")` },
    },
    reportChain: { source, comments: { days: 5, source }, final: { days: 30, source: `${source} ("normally")` } },
  };
}
