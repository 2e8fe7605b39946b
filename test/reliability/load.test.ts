import { addWorkingDays, londonDateOf } from '../../calendar';
import { useApiStack } from '../support/apiServer';
import { eventually } from '../support/eventually';
import { goodJudgements } from '../support/inspectionHarness';
import { PROVIDER_ID } from '../support/pureDriver';
import { recordFigures } from '../support/reliabilityRig';

/**
 * Load: a bounded load test on loopback. 20 inspections created through the API, then 8 concurrent
 * clients drive each through five decisions, with reads in between, in a random (seeded) interleaving; some
 * decisions are retried with the same Idempotency-Key, some sent twice without one (the second must be a 409).
 * Every response is checked; afterwards every ledger holds exactly one `decision.accepted` per decision
 * accepted, in order, seqs 1..n, chain verified. Bounded: 20 inspections, 8 clients, 90 s.
 */
const INSPECTIONS = 20;
const CLIENTS = 8;
const TIME_LIMIT_MS = 90_000;
const SEED = Number(process.env.LOAD_SEED ?? 20261122);

type Role = 'manager' | 'inspector' | 'provider' | 'auditor';
/**
 * Each step dated so many working days after the inspection opened, a week ago: the draft waits for the working
 * day after feedback (the provider's next-day contact), as the framework says, and every step is still on time.
 */
const STEPS: { event: string; role: Role; after: number; fields?: Record<string, unknown> }[] = [
  { event: 'INSPECTION_STARTED', role: 'inspector', after: 0 },
  { event: 'FEEDBACK_GIVEN', role: 'inspector', after: 0, fields: { judgements: goodJudgements } },
  { event: 'DRAFT_REPORT_SENT', role: 'inspector', after: 2 },
  { event: 'COMMENTS_SUBMITTED', role: 'provider', after: 3 },
  { event: 'FINAL_REPORT_SENT', role: 'inspector', after: 4 },
];
const OPENED_ON = addWorkingDays(londonDateOf(Date.now()), -5);

const stack = useApiStack();

/** mulberry32: a small seeded generator, so a failing interleaving can be replayed with LOAD_SEED. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

describe('bounded load: concurrent decisions and reads', () => {
  it('20 inspections, 8 clients: zero 5xx, every response as expected, no decision lost or doubled', async () => {
    const rand = random(SEED);
    const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)]!;
    const latencies: { kind: string; ms: number }[] = [];
    const byStatus: Record<number, number> = {};
    const problems: string[] = [];
    const counts = { decisions: 0, keyedRetries: 0, doubleSends: 0, refusedSeconds: 0, reads: 0 };
    const started = Date.now();

    /** Tokens per client: each its own subject, so the per-caller rate limit is the client's own. */
    async function tokensFor(client: string) {
      const tokens = {} as Record<Role, string>;
      for (const role of ['manager', 'inspector', 'provider', 'auditor'] as const) {
        tokens[role] = await stack.api.auth.issue({ id: `load-${role}-${client}`, role, ...(role === 'provider' ? { providerId: PROVIDER_ID } : {}) });
      }
      return tokens;
    }

    async function request(kind: string, method: string, path: string, token: string, options: { body?: unknown; headers?: Record<string, string> } = {}) {
      const t0 = performance.now();
      const res = await stack.api.call(method, path, { token, ...options });
      latencies.push({ kind, ms: performance.now() - t0 });
      byStatus[res.status] = (byStatus[res.status] ?? 0) + 1;
      if (res.status >= 500) problems.push(`${method} ${path} → ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
      return res;
    }

    function expectStatus(what: string, res: { status: number; body: unknown }, status: number) {
      if (res.status !== status) problems.push(`${what}: expected ${status}, got ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
      return res.status === status;
    }

    // 1. create the inspections through the API, 4 at a time
    const creator = await tokensFor('creator');
    const ids: string[] = [];
    for (let i = 0; i < INSPECTIONS; i += 4) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(4, INSPECTIONS - i) }, () => request('create', 'POST', '/inspections', creator.manager, { body: { type: 'sccif-rfc-full', providerId: PROVIDER_ID, at: OPENED_ON } })),
      );
      for (const res of batch) if (expectStatus('create', res, 201)) ids.push(res.body.inspectionId);
    }
    expect(ids).toHaveLength(INSPECTIONS);

    // 2. the clients: each repeatedly takes a free inspection with steps left and sends its next decision, or reads
    const next = new Map(ids.map((id) => [id, 0]));
    const busy = new Set<string>();
    /** The events each inspection accepted (a 200), in order: what its ledger must hold. */
    const accepted = new Map<string, string[]>(ids.map((id) => [id, []]));

    async function read(client: string, tokens: Record<Role, string>) {
      counts.reads++;
      const id = pick(ids);
      const choice = pick(['inspection', 'inbox', 'deadlines', 'audit'] as const);
      if (choice === 'inspection') {
        const res = await request('read', 'GET', `/inspections/${id}`, tokens[pick(['manager', 'inspector', 'provider', 'auditor'] as const)]);
        if (expectStatus(`${client} GET inspection`, res, 200) && res.body.inspectionId !== id) problems.push(`GET /inspections/${id} answered for ${res.body.inspectionId}`);
      } else if (choice === 'inbox') {
        const role = pick(['manager', 'inspector', 'provider', 'auditor'] as const);
        const res = await request('read', 'GET', '/inbox', tokens[role]);
        if (expectStatus(`${client} GET inbox`, res, 200) && !Array.isArray(res.body.items)) problems.push('inbox without items');
      } else if (choice === 'deadlines') {
        const res = await request('read', 'GET', `/deadlines${rand() < 0.5 ? '?dueWithinDays=60' : ''}`, tokens[pick(['manager', 'inspector', 'auditor'] as const)]);
        if (expectStatus(`${client} GET deadlines`, res, 200) && !Array.isArray(res.body.items)) problems.push('deadlines without items');
      } else {
        const res = await request('read', 'GET', `/inspections/${id}/audit`, tokens[pick(['manager', 'inspector', 'auditor'] as const)]);
        if (expectStatus(`${client} GET audit`, res, 200) && res.body.verification?.ok !== true) problems.push(`audit of ${id} does not verify: ${JSON.stringify(res.body.verification)}`);
      }
    }

    async function decide(client: string, tokens: Record<Role, string>, id: string) {
      const step = STEPS[next.get(id)!]!;
      const body = { event: step.event, at: addWorkingDays(OPENED_ON, step.after), ...step.fields };
      const path = `/inspections/${id}/decisions`;
      const what = `${client} ${step.event} on ${id}`;
      const mode = rand();
      let ok = false;
      if (mode < 0.3) {
        // retried with the same Idempotency-Key, at once (as a client that timed out would) or after the answer
        counts.keyedRetries++;
        const headers = { 'idempotency-key': `load-${id}-${step.event}-${Math.floor(rand() * 1e9)}` };
        const [a, b] =
          rand() < 0.5
            ? await Promise.all([request('decision', 'POST', path, tokens[step.role], { body, headers }), request('decision', 'POST', path, tokens[step.role], { body, headers })])
            : [await request('decision', 'POST', path, tokens[step.role], { body, headers }), await request('decision', 'POST', path, tokens[step.role], { body, headers })];
        ok = expectStatus(`${what} (keyed)`, a, 200) && expectStatus(`${what} (keyed retry)`, b, 200);
        if (ok && a.body.revision !== b.body.revision) problems.push(`${what}: the keyed retry answered revision ${b.body.revision}, the first ${a.body.revision}`);
      } else if (mode < 0.5) {
        // sent twice without a key: the second is a new decision the new stage does not allow
        counts.doubleSends++;
        const a = await request('decision', 'POST', path, tokens[step.role], { body });
        ok = expectStatus(what, a, 200);
        const b = await request('decision', 'POST', path, tokens[step.role], { body });
        if (expectStatus(`${what} (sent again)`, b, 409) && b.body.error?.code !== 'not_allowed_now') problems.push(`${what} (sent again): ${b.body.error?.code}`);
      } else {
        ok = expectStatus(what, await request('decision', 'POST', path, tokens[step.role], { body }), 200);
      }
      counts.decisions++;
      if (ok) accepted.get(id)!.push(step.event);
      next.set(id, ok ? next.get(id)! + 1 : STEPS.length); // a refused step ends that inspection's run (already reported)
    }

    async function client(name: string) {
      const tokens = await tokensFor(name);
      for (;;) {
        if (Date.now() - started > TIME_LIMIT_MS) {
          problems.push(`${name}: time limit of ${TIME_LIMIT_MS} ms reached`);
          return;
        }
        const free = ids.filter((id) => !busy.has(id) && next.get(id)! < STEPS.length);
        const remaining = ids.some((id) => next.get(id)! < STEPS.length);
        if (!remaining) return;
        if (free.length === 0 || rand() < 0.6) {
          await read(name, tokens);
          continue;
        }
        const id = pick(free);
        busy.add(id);
        try {
          await decide(name, tokens, id);
        } finally {
          busy.delete(id);
        }
      }
    }

    await Promise.all(Array.from({ length: CLIENTS }, (_, i) => client(`client-${i + 1}`)));
    const driven = Date.now() - started;

    // 3. every ledger: exactly one decision.accepted per accepted decision, in order; seqs 1..n; chain verified
    const auditor = creator.auditor;
    let entriesChecked = 0;
    for (const id of ids) {
      const audit = await eventually(async () => {
        const res = await stack.api.call('GET', `/inspections/${id}/audit`, { token: auditor });
        const decided = (res.body.entries as { kind: string }[]).filter((e) => e.kind === 'decision.accepted');
        return decided.length >= accepted.get(id)!.length && res.body.verification.ok ? res.body : undefined;
      }, 30_000);
      const entries = audit.entries as { seq: number; kind: string; data: { event?: string } }[];
      expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => i + 1));
      expect(audit.verification).toMatchObject({ ok: true });
      expect({ id, decisions: entries.filter((e) => e.kind === 'decision.accepted').map((e) => e.data.event) }).toEqual({ id, decisions: accepted.get(id) });
      const view = await stack.api.call('GET', `/inspections/${id}`, { token: auditor });
      expect({ id, status: view.body.status }).toEqual({ id, status: 'awaiting_publication' });
      entriesChecked += entries.length;
    }

    const sorted = (kind?: string) => latencies.filter((l) => !kind || l.kind === kind).map((l) => l.ms).sort((a, b) => a - b);
    const all = sorted();
    const dec = sorted('decision');
    const rd = sorted('read');
    const figure = (xs: number[]) => `p50 ${percentile(xs, 50).toFixed(0)} ms, p99 ${percentile(xs, 99).toFixed(0)} ms`;
    console.log(
      [
        `load (seed ${SEED}): ${INSPECTIONS} inspections, ${CLIENTS} clients, driven in ${(driven / 1000).toFixed(1)} s`,
        `requests ${all.length}: all ${figure(all)}; decisions (${dec.length}) ${figure(dec)}; reads (${rd.length}) ${figure(rd)}`,
        `by status ${JSON.stringify(byStatus)}`,
        `decision steps ${counts.decisions} (keyed retries ${counts.keyedRetries}, sent twice without a key ${counts.doubleSends}); accepted ${[...accepted.values()].reduce((n, a) => n + a.length, 0)}`,
        `ledger entries checked ${entriesChecked}; lost 0, doubled 0; problems ${problems.length}`,
      ].join('\n'),
    );

    recordFigures('load', {
      seed: SEED, inspections: INSPECTIONS, clients: CLIENTS, drivenMs: driven, requests: all.length,
      p50Ms: Math.round(percentile(all, 50)), p99Ms: Math.round(percentile(all, 99)), byStatus, ...counts, ledgerEntriesChecked: entriesChecked, problems: problems.length,
    });
    expect(problems).toEqual([]);
    expect(Object.keys(byStatus).filter((s) => Number(s) >= 500)).toEqual([]);
    expect([...accepted.values()].every((events) => events.length === STEPS.length)).toBe(true);
  }, 150_000);
});
