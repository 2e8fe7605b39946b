import { ApplicationFailure, condition, proxyActivities, setHandler, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import { addWorkingDays, deadline, endOfLondonDay, londonDateOf, workingDaysBetween } from '../../calendar';
import type { InspectionActivities } from '../../activities/types';
import type { AuditEntry, InspectionView } from '../../engine';
import type { InspectionOutcome, RecordDecisionInput, StartInspectionInput } from '../../workflows/messages';
import { inspectionStateQuery, recordDecisionUpdate, REFUSAL_FAILURE_PREFIX } from '../../workflows/messages';
import { INSPECTION_TYPE, searchAttributesOf } from '../../workflows/searchAttributes';
import { type BaselineClock, CLOCKS, EVENTS, FRAMEWORK, PUBLISH_SOURCE, TITLE, TYPE, VERSION } from './rfcData';

/**
 * The baseline: the SCCIF residential family centre full inspection written by hand as a plain Temporal
 * workflow. No XState, no generic interpreter: the stages are a string, the transitions a switch. It keeps the
 * product's contract so the two can be compared like for like: the same Update, Query and messages, the same
 * durable timers (one cancellable timer on the earliest running clock), the same activities called with the same
 * ledger entries and views, and the same search-attribute upserts.
 */
const { recordProgress, runEffect } = proxyActivities<InspectionActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

type Stage =
  | 'scheduled'
  | 'deferralRequested'
  | 'onSite.fieldwork'
  | 'onSite.paused'
  | 'onSite.awaitingFeedback'
  | 'reporting.qualityAssurance'
  | 'reporting.commentWindow'
  | 'reporting.complaint'
  | 'reporting.finalising'
  | 'awaitingPublication'
  | 'published';

const STATUS: Record<Stage, string> = {
  scheduled: 'scheduled',
  deferralRequested: 'deferral_requested',
  'onSite.fieldwork': 'on_site',
  'onSite.paused': 'paused',
  'onSite.awaitingFeedback': 'awaiting_feedback',
  'reporting.qualityAssurance': 'quality_assurance',
  'reporting.commentWindow': 'awaiting_provider_comments',
  'reporting.complaint': 'complaint_under_review',
  'reporting.finalising': 'finalising_report',
  awaitingPublication: 'awaiting_publication',
  published: 'published',
};

const GRADES = ['outstanding', 'good', 'requires_improvement', 'inadequate'];

interface Judgements {
  overallExperiencesAndProgress: string;
  helpAndProtection: string;
  leadershipAndManagement: string;
}

interface Facts {
  scheduledFor: string | null;
  deferrals: number;
  onSiteStartedAt: string | null;
  extraOnSiteDays: number;
  pausedAt: string | null;
  pausedWorkingDays: number;
  feedbackDate: string | null;
  provisionalJudgements: Judgements | null;
  judgements: Judgements | null;
  changedJudgementsNotTold: boolean;
  draftSentDate: string | null;
  commentsReceived: boolean;
  complaintReceivedDate: string | null;
  complaintWorkingDays: number;
  finalReportSentDate: string | null;
  publishedDate: string | null;
  grade: string | null;
  [field: string]: unknown;
}

interface Clock {
  spec: BaselineClock;
  due: string;
  dueAt: number;
}

const SYSTEM = { id: 'system', role: 'system' };
const iso = (ms: number) => new Date(ms).toISOString();
const ORDER = Object.keys(EVENTS);

export async function rfcFullInspectionBaseline(start: StartInspectionInput): Promise<InspectionOutcome> {
  let stage = 'scheduled' as Stage;
  const facts: Facts = {
    scheduledFor: (start.input.scheduledFor as string | undefined) ?? null,
    deferrals: 0,
    onSiteStartedAt: null,
    extraOnSiteDays: 0,
    pausedAt: null,
    pausedWorkingDays: 0,
    feedbackDate: null,
    provisionalJudgements: null,
    judgements: null,
    changedJudgementsNotTold: false,
    draftSentDate: null,
    commentsReceived: false,
    complaintReceivedDate: null,
    complaintWorkingDays: 0,
    finalReportSentDate: null,
    publishedDate: null,
    grade: null,
  };
  let seq = 0;
  let revision = 0;
  let lastEventDate: string | null = null;
  let clocks: Clock[] = [];
  const fired = new Set<string>();
  const breaches: InspectionView['breaches'] = [];
  let entries: AuditEntry[] = [];
  let pendingPublish: { seq: number } | null = null;
  const useSearchAttributes = workflowInfo().typedSearchAttributes.get(INSPECTION_TYPE) !== undefined;

  const record = (now: number, actor: { id: string; role: string }, kind: AuditEntry['kind'], data: Record<string, unknown>, source: string | null) => {
    const entry: AuditEntry = { seq: ++seq, kind, at: iso(now), actor: actor.id, role: actor.role, data, source };
    entries.push(entry);
    return entry;
  };

  record(Date.now(), start.createdBy, 'inspection.started', { type: TYPE, version: VERSION, input: start.input }, FRAMEWORK);
  revision++;

  setHandler(inspectionStateQuery, () => view(Date.now()));
  setHandler(recordDecisionUpdate, (input) => decide(input, Date.now()), {
    validator: (input) => {
      const refusal = check(input, Date.now());
      if (refusal) {
        throw ApplicationFailure.create({ type: REFUSAL_FAILURE_PREFIX + refusal.code, message: refusal.message, details: [refusal], nonRetryable: true });
      }
    },
  });

  let flushedRevision = -1;
  for (;;) {
    await flush();
    if (stage === 'published') break;
    const wakeAt = nextClockAt();
    const seen = revision;
    const changed = () => revision !== seen;
    if (wakeAt === undefined) {
      await condition(changed);
    } else if (wakeAt <= Date.now() || !(await condition(changed, wakeAt - Date.now()))) {
      fireDueClocks(Date.now());
    }
  }
  await flush();
  return { status: STATUS[stage], grade: facts.grade, breaches: breaches.length, endedOn: facts.feedbackDate };

  async function flush(): Promise<void> {
    while (revision !== flushedRevision || entries.length > 0 || pendingPublish) {
      const at = revision;
      const taken = entries;
      entries = [];
      const publish = pendingPublish;
      pendingPublish = null;
      const current = view(Date.now());
      await recordProgress({ inspectionId: start.inspectionId, entries: taken, view: current });
      if (useSearchAttributes) upsertSearchAttributes(searchAttributesOf(current));
      flushedRevision = at;
      if (publish) {
        const effect = { seq: publish.seq, type: 'publishReport', params: {} };
        const result = await runEffect({ inspectionId: start.inspectionId, effect, view: current });
        record(Date.now(), SYSTEM, 'effect.completed', { effect: 'publishReport', requestedInEntry: publish.seq, result }, PUBLISH_SOURCE);
      }
    }
  }

  function allowed(): string[] {
    switch (stage) {
      case 'scheduled':
        return ['DEFERRAL_REQUESTED', 'INSPECTION_STARTED'];
      case 'deferralRequested':
        return ['DEFERRAL_GRANTED', 'DEFERRAL_REFUSED', 'INSPECTION_STARTED'];
      case 'onSite.fieldwork':
        return ['INSPECTION_PAUSED', 'ON_SITE_EXTENDED', 'FIELDWORK_COMPLETED', 'FEEDBACK_GIVEN'];
      case 'onSite.paused':
        return ['INSPECTION_RESUMED', 'FEEDBACK_GIVEN'];
      case 'onSite.awaitingFeedback':
        return ['FEEDBACK_GIVEN'];
      case 'reporting.qualityAssurance':
        return facts.changedJudgementsNotTold
          ? ['JUDGEMENTS_CHANGED', 'PROVIDER_TOLD_OF_CHANGED_JUDGEMENTS']
          : ['JUDGEMENTS_CHANGED', 'DRAFT_REPORT_SENT'];
      case 'reporting.commentWindow':
        return ['COMMENTS_SUBMITTED', 'COMPLAINT_MADE'];
      case 'reporting.complaint':
        return ['COMPLAINT_RESPONDED'];
      case 'reporting.finalising':
        return ['FINAL_REPORT_SENT'];
      default:
        return [];
    }
  }

  function check({ decision, actor }: RecordDecisionInput, now: number): { code: string; message: string; [k: string]: unknown } | null {
    const { event: type, ...fields } = decision;
    const spec = Object.prototype.hasOwnProperty.call(EVENTS, type) ? EVENTS[type] : undefined;
    if (!spec) return { code: 'unknown_event', message: `unknown event "${type}" for ${TYPE}`, known: ORDER };
    if (!spec.roles.includes(actor.role)) return { code: 'forbidden', message: `${type} may be sent by ${spec.roles.join(' or ')}, not by ${actor.role}`, roles: [...spec.roles] };
    if (actor.role === 'provider' && actor.providerId !== start.providerId) return { code: 'forbidden', message: 'a provider may act only on its own inspections', roles: [] };
    const bad = payloadProblem(type, fields);
    if (bad) return { code: 'invalid_payload', message: `invalid ${type}: ${bad}`, issues: [] };
    const today = londonDateOf(now);
    const at = (fields.at as string | undefined) ?? today;
    if (at > today) return { code: 'invalid_date', message: `at ${at} is in the future (today is ${today})` };
    if (lastEventDate && at < lastEventDate) return { code: 'invalid_date', message: `at ${at} is before the previous event's date ${lastEventDate}` };
    if (!allowed().includes(type)) {
      return { code: 'not_allowed_now', message: `${type} is not allowed at stage ${stage}; allowed now: ${allowed().join(', ') || 'none'}`, stage, allowed: allowed() };
    }
    return null;
  }

  function decide(input: RecordDecisionInput, now: number): InspectionView {
    const refusal = check(input, now);
    if (refusal) throw ApplicationFailure.create({ type: REFUSAL_FAILURE_PREFIX + refusal.code, message: refusal.message, nonRetryable: true });
    const { event: type, ...payload } = input.decision;
    const at = (payload.at as string | undefined) ?? londonDateOf(now);
    record(now, input.actor, 'decision.accepted', { event: type, payload: { ...payload, at } }, EVENTS[type]!.source);
    apply(type, { ...payload, at }, input.actor, now);
    return view(now);
  }

  /** The transitions, by hand. */
  function apply(type: string, event: Record<string, unknown>, actor: { id: string; role: string }, now: number): void {
    const from = stage;
    const at = event.at as string;
    switch (type) {
      case 'DEFERRAL_REQUESTED':
        stage = 'deferralRequested';
        break;
      case 'DEFERRAL_GRANTED':
        facts.deferrals++;
        facts.scheduledFor = (event.newDate as string | undefined) ?? facts.scheduledFor;
        stage = 'scheduled';
        break;
      case 'DEFERRAL_REFUSED':
        stage = 'scheduled';
        break;
      case 'INSPECTION_STARTED':
        facts.onSiteStartedAt = at;
        stage = 'onSite.fieldwork';
        break;
      case 'INSPECTION_PAUSED':
        facts.pausedAt = at;
        stage = 'onSite.paused';
        break;
      case 'INSPECTION_RESUMED':
        facts.pausedWorkingDays += workingDaysBetween(facts.pausedAt ?? at, at);
        facts.pausedAt = null;
        stage = 'onSite.fieldwork';
        break;
      case 'ON_SITE_EXTENDED':
        facts.extraOnSiteDays += event.days as number;
        break;
      case 'FIELDWORK_COMPLETED':
        stage = 'onSite.awaitingFeedback';
        break;
      case 'FEEDBACK_GIVEN':
        facts.feedbackDate = at;
        facts.provisionalJudgements = event.judgements as Judgements;
        facts.judgements = event.judgements as Judgements;
        stage = 'reporting.qualityAssurance';
        break;
      case 'JUDGEMENTS_CHANGED':
        facts.judgements = event.judgements as Judgements;
        facts.changedJudgementsNotTold = true;
        break;
      case 'PROVIDER_TOLD_OF_CHANGED_JUDGEMENTS':
        facts.changedJudgementsNotTold = false;
        break;
      case 'DRAFT_REPORT_SENT':
        facts.draftSentDate = at;
        stage = 'reporting.commentWindow';
        break;
      case 'COMMENTS_SUBMITTED':
        facts.commentsReceived = true;
        stage = 'reporting.finalising';
        break;
      case 'COMPLAINT_MADE':
        facts.complaintReceivedDate = at;
        stage = 'reporting.complaint';
        break;
      case 'COMMENT_WINDOW_CLOSED':
        stage = 'reporting.finalising';
        break;
      case 'COMPLAINT_RESPONDED':
        facts.complaintWorkingDays += workingDaysBetween(facts.complaintReceivedDate ?? at, at);
        facts.judgements = (event.judgements as Judgements | undefined) ?? facts.judgements;
        stage = 'reporting.finalising';
        break;
      case 'FINAL_REPORT_SENT':
        facts.finalReportSentDate = at;
        stage = 'awaitingPublication';
        break;
      case 'REPORT_PUBLISHED':
        facts.publishedDate = at;
        facts.grade = facts.judgements?.overallExperiencesAndProgress ?? null;
        stage = 'published';
        break;
    }
    if (!lastEventDate || at > lastEventDate) lastEventDate = at;
    record(now, actor, 'transition', { event: type, from, to: stage, status: STATUS[stage] }, null);
    revision++;
    if (type === 'REPORT_PUBLISHED') {
      const entry = record(now, actor, 'effect.requested', { effect: 'publishReport', params: {} }, PUBLISH_SOURCE);
      pendingPublish = { seq: entry.seq };
    }
    reconcileClocks(now, at);
    if (stage === 'published') record(now, actor, 'inspection.completed', { status: STATUS[stage] }, null);
  }

  function openClocks(): Clock[] {
    if (stage === 'published') return [];
    const open: Clock[] = [];
    for (const spec of CLOCKS) {
      if (!spec.runsIn.some((path) => stage === path || stage.startsWith(`${path}.`))) continue;
      const anchor = facts[spec.anchor];
      if (typeof anchor !== 'string') continue;
      let extension = 0;
      for (const field of spec.extendedBy ?? []) extension += Number(facts[field] ?? 0);
      const base = deadline(anchor, spec.length, spec.unit);
      const due = extension > 0 ? addWorkingDays(base, extension) : base;
      open.push({ spec, due, dueAt: endOfLondonDay(due) });
    }
    return open;
  }

  /** `on` is the step's business date: whether a clock was met is judged by it. */
  function reconcileClocks(now: number, on: string): void {
    const previous = clocks;
    clocks = openClocks();
    const today = on;
    for (const old of previous) {
      const still = clocks.find((c) => c.spec.id === old.spec.id);
      if (still && still.due === old.due) continue;
      if (still) {
        record(now, SYSTEM, 'deadline.set', { clock: still.spec.id, due: still.due, replaces: old.due }, still.spec.source);
        continue;
      }
      for (const breach of breaches) if (breach.clock === old.spec.id && breach.resolvedOn === null) breach.resolvedOn = today;
      record(now, SYSTEM, 'deadline.closed', { clock: old.spec.id, due: old.due, on: today, met: today <= old.due, stage }, old.spec.source);
    }
    for (const clock of clocks) {
      if (previous.some((p) => p.spec.id === clock.spec.id)) continue;
      record(now, SYSTEM, 'deadline.set', { clock: clock.spec.id, due: clock.due, kind: clock.spec.kind, rule: clock.spec.rule }, clock.spec.source);
    }
  }

  function nextClockAt(): number | undefined {
    let next: number | undefined;
    for (const c of clocks) if (!fired.has(`${c.spec.id}@${c.due}`) && (next === undefined || c.dueAt < next)) next = c.dueAt;
    return next;
  }

  function fireDueClocks(now: number): void {
    for (;;) {
      let clock: Clock | undefined;
      for (const c of clocks) if (c.dueAt <= now && !fired.has(`${c.spec.id}@${c.due}`) && (!clock || c.dueAt < clock.dueAt)) clock = c;
      if (!clock) return;
      fired.add(`${clock.spec.id}@${clock.due}`);
      const { spec } = clock;
      if (spec.kind === 'target') {
        breaches.push({ clock: spec.id, label: spec.label, due: clock.due, missedAt: iso(clock.dueAt), rule: spec.rule, source: spec.source, resolvedOn: null });
        record(clock.dueAt, SYSTEM, 'deadline.missed', { clock: spec.id, due: clock.due, rule: spec.rule }, spec.source);
        revision++;
      } else {
        record(clock.dueAt, SYSTEM, 'clock.expired', { clock: spec.id, due: clock.due, event: spec.onExpiry }, spec.source);
        apply(spec.onExpiry!, { at: clock.due }, SYSTEM, clock.dueAt);
      }
    }
  }

  /** Which running clock a decision would stop, from the same table as the transitions. */
  function answers(type: string): Clock | undefined {
    const stops: Record<string, string[]> = {
      FIELDWORK_COMPLETED: ['onSiteLength'],
      FEEDBACK_GIVEN: ['onSiteLength'],
      INSPECTION_PAUSED: ['onSiteLength'],
      DRAFT_REPORT_SENT: ['draftReport'],
      COMMENTS_SUBMITTED: ['commentWindow'],
      COMPLAINT_MADE: ['commentWindow', 'finalReport'],
      FINAL_REPORT_SENT: ['finalReport'],
    };
    const ids = stops[type];
    return ids ? clocks.find((c) => ids.includes(c.spec.id)) : undefined;
  }

  function view(now: number): InspectionView {
    const deadlines = clocks
      .map((c) => deadlineView(c, now))
      .sort((a, b) => a.dueAt.localeCompare(b.dueAt));
    return {
      inspectionId: start.inspectionId,
      type: TYPE,
      version: VERSION,
      machineRevision: 1,
      title: TITLE,
      providerId: start.providerId,
      status: STATUS[stage],
      stage,
      done: stage === 'published',
      grade: facts.grade,
      facts: { ...facts },
      deadlines,
      nextDeadline: deadlines[0] ?? null,
      breaches: breaches.map((b) => ({ ...b })),
      allowedDecisions: allowed().map((event) => {
        const spec = EVENTS[event]!;
        const answered = answers(event);
        return { event, label: spec.label, roles: [...spec.roles], source: spec.source, answers: answered ? deadlineView(answered, now) : null };
      }),
      lastEventDate,
      revision,
    };
  }
}

function deadlineView({ spec, due, dueAt }: Clock, now: number) {
  return {
    clock: spec.id,
    label: spec.label,
    due,
    dueAt: iso(dueAt),
    kind: spec.kind,
    overdue: dueAt <= now,
    rule: spec.rule,
    source: spec.source,
    ...(spec.reading ? { reading: spec.reading } : {}),
  };
}

/** The payload checks a hand-written workflow would do: required fields, their types, nothing unexpected. */
function payloadProblem(type: string, fields: Record<string, unknown>): string | null {
  const allowedFields: Record<string, string[]> = {
    DEFERRAL_REQUESTED: ['reason'],
    DEFERRAL_GRANTED: ['newDate'],
    INSPECTION_PAUSED: ['reason'],
    ON_SITE_EXTENDED: ['days'],
    FEEDBACK_GIVEN: ['judgements'],
    JUDGEMENTS_CHANGED: ['judgements', 'reasons'],
    COMPLAINT_MADE: ['summary'],
    COMPLAINT_RESPONDED: ['outcome', 'judgements'],
  };
  const known = new Set(['at', 'note', ...(allowedFields[type] ?? [])]);
  for (const key of Object.keys(fields)) if (!known.has(key)) return `unrecognised field ${key}`;
  if (fields.at !== undefined && (typeof fields.at !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(fields.at))) return 'at: a date YYYY-MM-DD';
  const needsJudgements = type === 'FEEDBACK_GIVEN' || type === 'JUDGEMENTS_CHANGED';
  if (needsJudgements || fields.judgements !== undefined) {
    const j = fields.judgements as Record<string, unknown> | undefined;
    if (!j || typeof j !== 'object') return 'judgements: required';
    for (const k of ['overallExperiencesAndProgress', 'helpAndProtection', 'leadershipAndManagement']) {
      if (!GRADES.includes(j[k] as string)) return `judgements.${k}: one of ${GRADES.join(', ')}`;
    }
  }
  if (type === 'ON_SITE_EXTENDED' && !(Number.isInteger(fields.days) && (fields.days as number) >= 1 && (fields.days as number) <= 10)) return 'days: 1 to 10';
  if (type === 'COMPLAINT_RESPONDED' && !['upheld', 'partly_upheld', 'not_upheld'].includes(fields.outcome as string)) return 'outcome: upheld, partly_upheld or not_upheld';
  return null;
}
