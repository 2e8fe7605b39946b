import { addCalendarDays, londonDateOf } from '../../calendar';
import { useApiStack } from '../support/apiServer';
import { eventually } from '../support/eventually';
import { goodJudgements } from '../support/inspectionHarness';
import { PROVIDER_ID } from '../support/pureDriver';

const stack = useApiStack();

async function create(providerId = PROVIDER_ID, openedOn?: string) {
  const res = await stack.api.call('POST', '/inspections', { role: 'manager', body: { type: 'sccif-rfc-full', providerId, ...(openedOn ? { at: openedOn } : {}) } });
  return res.body.inspectionId as string;
}

const decide = (id: string, role: 'manager' | 'inspector' | 'provider', body: unknown, headers?: Record<string, string>) =>
  stack.api.call('POST', `/inspections/${id}/decisions`, { role, body, ...(headers ? { headers } : {}) });

const daysAgo = (n: number) => addCalendarDays(londonDateOf(Date.now()), -n);

/** Opened and on site weeks ago, entered late: the draft is overdue today, the final report not yet. */
async function overdueDraft() {
  const id = await create(PROVIDER_ID, daysAgo(35));
  await decide(id, 'inspector', { event: 'INSPECTION_STARTED', at: daysAgo(33) });
  await decide(id, 'inspector', { event: 'FEEDBACK_GIVEN', at: daysAgo(31), judgements: goodJudgements });
  return id;
}

describe('decision inbox, deadlines and breaches across inspections', () => {
  it("lists each role's waiting decisions, overdue first, with the clock that makes each due", async () => {
    const late = await overdueDraft();
    await eventually(async () => ((await stack.api.call('GET', '/deadlines?overdue=true', { role: 'manager' })).body.items.some((d: { inspectionId: string; clock: string }) => d.inspectionId === late && d.clock === 'draftReport') ? true : undefined));
    const inbox = (await stack.api.call('GET', '/inbox', { role: 'inspector' })).body;
    const mine = inbox.items.filter((i: { inspectionId: string }) => i.inspectionId === late);
    expect(mine.find((i: { event: string }) => i.event === 'DRAFT_REPORT_SENT')).toMatchObject({
      overdue: true,
      answers: { clock: 'draftReport', rule: expect.stringContaining('18 working days'), source: expect.stringMatching(/^seed 002/) },
    });
    const dated = inbox.items.filter((i: { due: string | null }) => i.due !== null).map((i: { answers: { dueAt: string } }) => i.answers.dueAt);
    expect(dated).toEqual([...dated].sort());
    expect(inbox.items[0].overdue).toBe(true);

    const providerInbox = (await stack.api.call('GET', '/inbox', { role: 'provider' })).body.items;
    expect(providerInbox.every((i: { providerId: string; roles: string[] }) => i.providerId === PROVIDER_ID && i.roles.includes('provider'))).toBe(true);
    expect((await stack.api.call('GET', '/inbox?role=manager', { role: 'provider' })).status).toBe(403);

    const overdue = (await stack.api.call('GET', '/deadlines?overdue=true', { role: 'manager' })).body.items;
    expect(overdue.find((d: { inspectionId: string }) => d.inspectionId === late)).toMatchObject({ clock: 'draftReport', overdue: true });
    expect(overdue.every((d: { overdue: boolean }) => d.overdue)).toBe(true);
    const soon = (await stack.api.call('GET', '/deadlines?dueWithinDays=3650', { role: 'manager' })).body.items;
    expect(soon.some((d: { inspectionId: string; clock: string }) => d.inspectionId === late && d.clock === 'finalReport')).toBe(true);

    // Overdue is awaiting the record, not yet a breach; the draft dated today makes it one.
    const breachesOf = async () => (await stack.api.call('GET', '/breaches', { role: 'auditor' })).body.items.filter((b: { inspectionId: string }) => b.inspectionId === late);
    expect(await breachesOf()).toEqual([]);
    expect((await decide(late, 'inspector', { event: 'DRAFT_REPORT_SENT' })).status).toBe(200);
    const breach = await eventually(async () => (await breachesOf())[0]);
    expect(breach).toMatchObject({ clock: 'draftReport', resolvedOn: daysAgo(0), rule: expect.any(String), source: expect.stringMatching(/^seed 002/) });
  });

  it('applies a decision once however often it is retried with the same Idempotency-Key, even concurrently', async () => {
    const id = await create();
    const headers = { 'idempotency-key': `start-${id}` };
    const answers = await Promise.all(Array.from({ length: 5 }, () => decide(id, 'inspector', { event: 'INSPECTION_STARTED' }, headers)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    expect(new Set(answers.map((a) => a.body.revision)).size).toBe(1);
    const audit = await eventually(async () => {
      const res = await stack.api.call('GET', `/inspections/${id}/audit`, { role: 'auditor' });
      return res.body.entries.some((e: { kind: string }) => e.kind === 'transition') ? res.body : undefined;
    });
    expect(audit.entries.filter((e: { kind: string }) => e.kind === 'decision.accepted')).toHaveLength(1);
    // the same key with another request: refused, nothing done
    const reused = await decide(id, 'inspector', { event: 'INSPECTION_PAUSED', reason: 'x' }, headers);
    expect(reused).toMatchObject({ status: 422, body: { error: { code: 'idempotency_key_reused' } } });
    // a new key is a new decision, refused in the new state
    expect((await decide(id, 'inspector', { event: 'INSPECTION_STARTED' }, { 'idempotency-key': `again-${id}` })).status).toBe(409);
  });
});

describe('residential family centres registered once', () => {
  it('schedules the first full inspection on registration, and answers bring-forward and close with the new state', async () => {
    const providerId = `URN-${Date.now()}`;
    const registered = await stack.api.call('POST', '/centres', { role: 'manager', body: { providerId, registeredOn: '2026-01-05' } });
    expect(registered.status).toBe(201);
    expect(registered.body).toMatchObject({ providerId, inspectionsCompleted: 0, window: { opens: '2026-01-05', dueBy: '2027-01-05', source: expect.stringContaining('Scheduling') } });
    expect((await stack.api.call('POST', '/centres', { role: 'manager', body: { providerId, registeredOn: '2026-01-05' } })).status).toBe(200);
    const centre = await eventually(async () => {
      const res = await stack.api.call('GET', `/centres/${providerId}`, { role: 'inspector' });
      return res.body.currentInspectionId ? res.body : undefined;
    });
    const inspection = await stack.api.call('GET', `/inspections/${centre.currentInspectionId}`, { role: 'manager' });
    expect(inspection.body).toMatchObject({ type: 'sccif-rfc-full', providerId, status: 'scheduled', facts: { scheduledFor: '2027-01-05' } });
    const underWay = await stack.api.call('POST', `/centres/${providerId}/bring-forward`, { role: 'manager', body: { reason: 'concerns' } });
    expect(underWay).toMatchObject({ status: 409, body: { error: { code: 'not_allowed_now', message: expect.stringContaining('already under way') } } });
    const closed = await stack.api.call('POST', `/centres/${providerId}/close`, { role: 'manager', body: { reason: 'registration cancelled' } });
    expect(closed.body.closed).toBe('registration cancelled');
    expect((await stack.api.call('POST', `/centres/${providerId}/close`, { role: 'inspector', body: { reason: 'x' } })).status).toBe(403);
    expect((await stack.api.call('GET', `/centres/${providerId}`, { role: 'provider' })).status).toBe(404);
    expect((await stack.api.call('POST', '/centres', { role: 'manager', body: { providerId: 'URN-X', registeredOn: '2999-01-01' } })).status).toBe(400);
    expect((await stack.api.call('GET', '/centres/URN-never-registered', { role: 'manager' })).status).toBe(404);
  });
});

describe('timeline', () => {
  it("projects every future statutory date from the inspection's current state, also as iCalendar", async () => {
    const id = await create();
    await decide(id, 'inspector', { event: 'INSPECTION_STARTED' });
    const feedback = await decide(id, 'inspector', { event: 'FEEDBACK_GIVEN', judgements: goodJudgements });
    const res = await stack.api.call('GET', `/inspections/${id}/timeline`, { role: 'manager' });
    expect(res.status).toBe(200);
    const clocks = res.body.entries.map((e: { clock: string }) => e.clock);
    expect(clocks).toEqual(['nextDayContact', 'draftReport', 'commentWindow', 'finalReport', 'publication']);
    const draft = res.body.entries[1];
    expect(draft).toMatchObject({ due: feedback.body.deadlines.find((d: { clock: string }) => d.clock === 'draftReport').due, event: 'DRAFT_REPORT_SENT', source: expect.stringMatching(/^seed 002/) });
    expect(res.body.end.reason).toBe('done');

    const ics = await fetch(`${stack.api.base}/inspections/${id}/timeline.ics`, { headers: { authorization: `Bearer ${stack.api.tokens.manager}` } });
    expect(ics.headers.get('content-type')).toContain('text/calendar');
    const text = await ics.text();
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(clocks.length);
    expect(text).toContain(`DTSTART;VALUE=DATE:${draft.due.replace(/-/g, '')}`);
    const other = await create('other-provider');
    expect((await stack.api.call('GET', `/inspections/${other}/timeline`, { role: 'provider' })).status).toBe(404);
  });
});

describe('audit exports and operations', () => {
  it('exports the ledger as CSV, one quoted row per entry', async () => {
    const id = await create();
    await decide(id, 'provider', { event: 'DEFERRAL_REQUESTED', reason: 'says "urgent", with a comma' });
    const json = await eventually(async () => {
      const res = await stack.api.call('GET', `/inspections/${id}/audit`, { role: 'auditor' });
      return res.body.entries.length >= 3 ? res.body : undefined;
    });
    const res = await fetch(`${stack.api.base}/inspections/${id}/audit.csv`, { headers: { authorization: `Bearer ${stack.api.tokens.auditor}` } });
    expect(res.headers.get('content-type')).toContain('text/csv');
    const lines = (await res.text()).split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('inspectionId,seq,kind,at,actor,role,source,data,prevHash,hash,recordedAt');
    expect(lines).toHaveLength(json.entries.length + 1);
    expect(lines[2]).toContain('"decision.accepted"');
    expect(lines[2]).toContain('says \\""urgent\\"", with a comma'); // JSON-escaped, then CSV-quoted
  });

  it('serves /docs as an interactive page over /openapi.json, with its assets from the npm package', async () => {
    const page = await fetch(`${stack.api.base}/docs`);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('/docs/assets/swagger-ui-bundle.js');
    expect((await (await fetch(`${stack.api.base}/docs/init.js`)).text())).toContain("'/openapi.json'");
    const bundle = await fetch(`${stack.api.base}/docs/assets/swagger-ui-bundle.js`);
    expect(bundle.status).toBe(200);
    expect((await bundle.text()).length).toBeGreaterThan(100_000);
    // The page's looser policy (its own scripts and styles) stays on the page; the API's answers keep the strict one.
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect((await fetch(`${stack.api.base}/healthz`)).headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
  });

  it('counts requests for Prometheus, by route and status', async () => {
    await stack.api.call('GET', '/healthz');
    const text = await (await fetch(`${stack.api.base}/metrics`)).text();
    expect(text).toMatch(/http_requests_total\{method="GET",route="\/healthz",status="200"\} \d+/);
    expect(text).toContain('# TYPE http_request_duration_seconds histogram');
    expect(text).toMatch(/process_resident_memory_bytes \d+/);
  });

  it('puts the request id in every log line and error body', async () => {
    const res = await stack.api.call('GET', '/inspections/insp-00000000-0000-0000-0000-000000000000', { role: 'manager', headers: { 'x-request-id': 'trace-123' } });
    expect(res.body.error.requestId).toBe('trace-123');
    expect(stack.api.logs.find((l) => l.requestId === 'trace-123')).toMatchObject({ status: 404, route: '/inspections/:id', role: 'manager' });
  });
});

describe('GET /calendar', () => {
  it('says which years are published and which by rule, and gives a year\'s holidays with their source', async () => {
    const res = await stack.api.call('GET', '/calendar?year=2031');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ division: 'england-and-wales', published: { firstYear: 2010, lastYear: 2030 }, provisional: { firstYear: 2031, lastYear: 2199 }, year: 2031, basis: 'rule' });
    expect(res.body.holidays).toHaveLength(8);
    expect(res.body.holidays[0]).toEqual({ date: '2031-01-01', title: "New Year's Day", notes: null, basis: 'rule' });
    const published = await stack.api.call('GET', '/calendar?year=2022');
    expect(published.body.holidays.find((h: { date: string }) => h.date === '2022-09-19')).toMatchObject({ basis: 'published', notes: 'Extra bank holiday' });
    expect((await stack.api.call('GET', '/calendar?year=2200')).status).toBe(400);
  });
});
