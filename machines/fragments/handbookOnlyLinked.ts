import { z } from 'zod';
import { SEED_003, SEED_003_IN_FORCE_FROM, defineInspection, handbookSource, inspectionSkeleton, reading } from './index';

export interface PlaceholderSpec {
  type: string;
  id: string;
  title: string;
  /** The handbook's abbreviation in the reading (EY, SIH, JTAI). */
  handbook: string;
  /** The page's own words about it, and the reading's section. */
  onThePage: string;
  readingSection: string;
}

/**
 * A placeholder for a handbook the seed only links (reading §2.7, §2.15, §7 E33: "do not infer them from this page"):
 * the common skeleton every seed 003 handbook shares (reading §2.1), with no clock, grade, notice period or deadline of
 * its own. Each rule cites the common skeleton, not the handbook. Marked `skeletonOnly`, so the catalogue says so.
 * The only clock is the skeleton's next-working-day contact (reading §3 T06: "all except EY, SIH, JTAI"): kept so the
 * skeleton runs on its own, and its source says it is the common rule, not the handbook's.
 */
export function handbookOnlyLinked(p: PlaceholderSpec) {
  const common = `${handbookSource(p.handbook)()}(${p.onThePage}; ${reading(p.readingSection)}); common skeleton ${reading('§2.1')}`;
  const step = (n: string) => `${common} step ${n}`;
  return defineInspection({
    type: p.type,
    version: 1,
    title: `${p.title}: placeholder, handbook only linked (January 2024)`,
    framework: `${SEED_003} ${p.handbook}`,
    inForceFrom: SEED_003_IN_FORCE_FROM,
    id: p.id,
    inputSchema: z.strictObject({}),
    endDateField: 'feedbackDate',
    skeletonOnly: true,
    fragments: inspectionSkeleton({
      notification: { call: { source: step('1'), calledLeader: 'the most senior leader' } },
      deferral: { source: step('2') },
      onSite: { earlyWarningSource: step('4'), earlyWarningOf: 'an emerging weaker outcome' },
      pauses: { activitySource: step('5 (a)'), adviceFrom: 'the duty desk', inspectionPause: { source: step('5 (b)') } },
      feedback: { judgementsSource: step('4'), judgementsMadeAt: 'finalTeamMeeting', feedbackSource: step('6') },
      nextDayContact: { source: step('8'), handledBy: 'someone independent of the inspection' },
      qualityAssurance: { source: step('9') },
      reportChain: { source: step('10–12') },
      closing: { gradeOf: () => null },
    }),
  });
}
