import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Queryable } from '../db';
import { listRecordLags } from '../readModel';

/**
 * Prometheus metrics (prom-client), one registry per API: requests by route and status, the process (memory, CPU,
 * event loop), and the state of the work, read from the read model at each scrape: targets overdue (awaiting the
 * record), breaches, and inspections whose record lags their workflow past the bound.
 */
export class ApiMetrics {
  readonly registry = new Registry();
  private readonly requests = new Counter({ name: 'http_requests_total', help: 'HTTP requests answered, by route and status.', labelNames: ['method', 'route', 'status'], registers: [this.registry] });
  private readonly durations = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time to answer, by route and status.',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  constructor(db: Queryable, lagBoundSeconds: number) {
    collectDefaultMetrics({ register: this.registry });
    new Gauge({
      name: 'inspections_overdue_targets',
      help: "Running targets past their due date with the step that answers them not yet recorded (not yet breaches).",
      registers: [this.registry],
      async collect() {
        const rows = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM inspection_deadlines WHERE due_at <= now() AND deadline->>'kind' = 'target'`);
        this.set(rows[0]?.n ?? 0);
      },
    });
    new Gauge({
      name: 'inspections_breaches',
      help: 'Breaches on record: targets answered after their due date, or confirmed missed.',
      registers: [this.registry],
      async collect() {
        const rows = await db.query<{ n: number }>('SELECT coalesce(sum(jsonb_array_length(breaches)), 0)::int AS n FROM inspections');
        this.set(rows[0]?.n ?? 0);
      },
    });
    new Gauge({
      name: 'inspections_record_lagging',
      help: `Inspections whose ledger has lagged their workflow for more than ${lagBoundSeconds} s (a write failing).`,
      registers: [this.registry],
      async collect() {
        this.set((await listRecordLags(db, lagBoundSeconds, 1)).total);
      },
    });
    new Gauge({
      name: 'inspections_record_lag_seconds',
      help: 'How long the most lagging record has waited for its write (0 when none lags).',
      registers: [this.registry],
      async collect() {
        const oldest = (await listRecordLags(db, 0, 1)).items[0];
        this.set(oldest ? (Date.now() - Date.parse(oldest.firstFailedAt)) / 1000 : 0);
      },
    });
  }

  observe(method: string, route: string, status: number, seconds: number): void {
    const labels = { method, route, status: String(status) };
    this.requests.inc(labels);
    this.durations.observe(labels, seconds);
  }

  render(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
