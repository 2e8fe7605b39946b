import { CalendarRangeError, calendarSummary, calendarYear, isIsoDate, londonDateOf } from '../calendar';
import { type AssumedStep, type TimelineEntry, clockFrom, timelineAfterInspectionEnd } from '../engine/timeline';
import { followUpVisit } from '../machines/sccif-rfc/complianceNotice';
import { timelineToIcs } from '../engine/ics';
import { INSPECTION_TYPES, UnknownInspectionTypeError, versionInForce } from '../machines/registry';
import { catalogue } from '../api/catalogue';
import { readFileSync, writeFileSync } from 'node:fs';
import { type AuditProof } from '../ledger/auditLog';
import { type ServedEntry, checkAgainstCheckpoints } from '../ledger/outsideCheck';
import { businessMoment } from '../machines/kit';
import { type CommandSpec, type ParsedArgs, UsageError, parseArgs } from './args';
import type { CalendarBatchState } from '../workflows/calendarMessages';
import { clip, json, table } from './format';
import { ApiCallError, type Connection, DEFAULT_API_URL, callApi } from './http';

/** What the command line touches outside itself; a test may pass its own. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  env: Record<string, string | undefined>;
  /** The standard error stream when it is a terminal (progress is drawn there), else undefined. */
  progress?: NodeJS.WritableStream;
  now(): number;
}

const processIo = (): Io => ({
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  env: process.env,
  ...(process.stderr.isTTY ? { progress: process.stderr } : {}),
  now: () => Date.now(),
});

interface Command {
  summary: string;
  usage: string;
  details: string;
  spec: CommandSpec;
  run(args: ParsedArgs, ctx: Context): Promise<void>;
}

interface Context {
  io: Io;
  asJson: boolean;
  connection(): Connection;
}

/** Exit codes: 0 done, 1 the API refused or could not be reached, 2 the command was called wrongly. */
export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? rest[0] : undefined;
    if (topic && COMMANDS[topic]) io.out(commandHelp(topic));
    else io.out(overallHelp());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version') {
    io.out('inspections 0.1.0\n');
    return 0;
  }
  // Two-word commands (`audit verify`) are named by both words.
  const [commandName, commandArgs] = rest[0] && COMMANDS[`${name} ${rest[0]}`] ? [`${name} ${rest[0]}`, rest.slice(1)] : [name, rest];
  const command = Object.prototype.hasOwnProperty.call(COMMANDS, commandName) ? COMMANDS[commandName] : undefined;
  try {
    if (!command) throw new UsageError(`unknown command "${name}"; commands: ${Object.keys(COMMANDS).join(', ')}`);
    const args = parseArgs(commandName, commandArgs, command.spec);
    if (args.options.help) {
      io.out(commandHelp(commandName));
      return 0;
    }
    const ctx: Context = {
      io,
      asJson: args.options.json === true,
      connection: () => ({
        baseUrl: validUrl((args.options.api as string | undefined) ?? io.env.INSPECTIONS_API_URL ?? DEFAULT_API_URL),
        token: (args.options.token as string | undefined) ?? io.env.INSPECTIONS_TOKEN,
        ...(io.progress ? { progress: io.progress } : {}),
      }),
    };
    await command.run(args, ctx);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      const help = error.command ? `inspections ${error.command} --help` : 'inspections --help';
      io.err(`inspections: ${error.message}\nRun '${help}' for usage.\n`);
      return 2;
    }
    if (error instanceof ApiCallError || error instanceof CheckFailed || error instanceof CalendarRangeError) {
      io.err(`inspections: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

const COMMANDS: Record<string, Command> = {
  types: {
    summary: 'List the inspection types, framework versions and machine revisions, with their clocks and decisions (offline)',
    usage: 'inspections types [--json]',
    details:
      'Reads the catalogue from the machines themselves; no server needed. VERSION is the framework version (the law, in force from its date); REV the machine revision of it (our code), * on the one new inspections start on. CLOCKS counts its clocks, READINGS those whose length or unit the seed does not give and we chose (--json: basis "reading", why in reading; an operator may set another value with READINGS_FILE on the API).',
    spec: { options: {}, positionals: [] },
    async run(_args, { io, asJson }) {
      const types = catalogue();
      if (asJson) return io.out(json(types));
      io.out(
        table(
          ['TYPE', 'VERSION', 'REV', 'IN FORCE FROM', 'CLOCKS', 'READINGS', 'DECISIONS', 'TITLE'],
          types.map((t) => [t.type, t.version, `${t.machineRevision}${t.latestRevision ? '*' : ''}`, t.inForceFrom, t.clocks.length, t.clocks.filter((c) => c.basis === 'reading').length, t.decisions.length, t.title]),
        ),
      );
    },
  },

  calendar: {
    summary: 'The working-day calendar: the years published and the years by rule (provisional), and a year\'s bank holidays (offline, or --server)',
    usage: 'inspections calendar [--year YYYY] [--server] [--json]',
    details:
      'Reads the calendar the product ships; no server needed. With --server, the calendar in force on the server (GET /calendar): its version, with the days proclaimed or withdrawn since the product shipped. A year after the published list has its holidays from the statutory rules, marked provisional: a proclamation may add or move a day.',
    spec: { options: { year: 'string', server: 'boolean' }, positionals: [] },
    async run({ options }, ctx) {
      const raw = (options.year as string | undefined) ?? londonDateOf(Date.now()).slice(0, 4);
      if (!/^\d{4}$/.test(raw)) throw new UsageError(`--year ${JSON.stringify(raw)} is not a year: expected YYYY`, 'calendar');
      const shown: CalendarShown =
        options.server === true ? ((await callApi(ctx.connection(), 'GET', `/calendar?year=${raw}`)) as CalendarShown) : { ...calendarSummary(), ...calendarYear(Number(raw)) };
      if (ctx.asJson) return ctx.io.out(json(shown));
      ctx.io.out(
        `England and Wales working-day calendar, version ${shown.version}${shown.version === shown.shippedVersion ? '' : ` (the shipped list ${shown.shippedVersion} and the changes published since)`}\n` +
          `Published: ${shown.published.firstYear}-${shown.published.lastYear}. By rule (provisional): ${shown.provisional.firstYear}-${shown.provisional.lastYear}.\n\n` +
          `${shown.year} (${shown.basis === 'rule' ? 'PROVISIONAL: by the statutory rules, not yet published' : 'published'})\n` +
          table(['DATE', 'HOLIDAY', 'NOTES'], shown.holidays.map((h) => [h.date, h.title, h.basis === 'proclaimed' ? `Proclaimed: ${h.source ?? ''}` : (h.notes ?? '')])),
      );
    },
  },

  'calendar changes': {
    summary: 'The calendar version in force on the server and the changes published since the shipped list (GET /calendar)',
    usage: 'inspections calendar changes [--json]',
    details: 'Each change: its number, the version it made, the day added or withdrawn, its source, who published it and when, and the batch that delivered it.',
    spec: { options: {}, positionals: [] },
    async run(_args, ctx) {
      const body = (await callApi(ctx.connection(), 'GET', '/calendar')) as { version: string; shippedVersion: string; changes: PublishedChange[] };
      if (ctx.asJson) return ctx.io.out(json({ version: body.version, shippedVersion: body.shippedVersion, changes: body.changes }));
      const rows = body.changes.map((c) => [c.version, c.change.action, c.change.date, c.change.title ?? '', clip(c.change.source, 60), c.publishedBy, c.publishedAt.slice(0, 16), c.batchId ?? '']);
      ctx.io.out(`Calendar version ${body.version} (shipped list ${body.shippedVersion}, ${body.changes.length} change(s) published since)\n${rows.length ? `${table(['VERSION', 'ACTION', 'DATE', 'TITLE', 'SOURCE', 'BY', 'AT', 'BATCH'], rows)}\n` : ''}`);
    },
  },

  'calendar add-holiday': calendarChangeCommand('add'),
  'calendar withdraw-holiday': calendarChangeCommand('withdraw'),

  timeline: {
    summary: 'The statutory dates that follow an inspection (offline), or of a running one (--id)',
    usage: [
      'inspections timeline --type <type> --end <YYYY-MM-DD> [--compliance-date <YYYY-MM-DD>] [--json | --ics]',
      'inspections timeline --compliance-date <YYYY-MM-DD> [--json | --ics]',
      'inspections timeline --id <inspectionId> [--json | --ics] [--api <url>] [--token <jwt>]',
    ].join('\n       '),
    details: [
      'With --type and --end, computed here from the type\'s machine and the England and Wales working-day',
      'calendar, assuming each step is taken on its due date; no server needed. --compliance-date adds the',
      'latest day of the monitoring visit after a compliance notice (5 working days, seed 002). With --id,',
      'the server projects a running inspection from its current state (GET /inspections/:id/timeline).',
      '--json prints [{ clock, due, rule, source }]; --ics prints an iCalendar feed of all-day events.',
    ].join('\n'),
    spec: { options: { type: 'string', end: 'string', 'compliance-date': 'string', id: 'string', ics: 'boolean' }, positionals: [] },
    async run({ options }, ctx) {
      const { io } = ctx;
      const type = options.type as string | undefined;
      const end = options.end as string | undefined;
      const complianceDate = options['compliance-date'] as string | undefined;
      const id = options.id as string | undefined;
      if (options.ics && ctx.asJson) throw new UsageError('choose one of --json and --ics', 'timeline');
      if (id !== undefined) {
        if (type !== undefined || end !== undefined || complianceDate !== undefined) {
          throw new UsageError('--id asks the server about one inspection; it takes no --type, --end or --compliance-date', 'timeline');
        }
        const body = await callApi(ctx.connection(), 'GET', `/inspections/${encodeURIComponent(id)}/timeline`);
        const entries = entriesOf(body);
        if (options.ics) return io.out(timelineToIcs(entries ?? [], { inspectionId: id, stamp: io.now(), calendarName: `Inspection ${id}` }));
        if (ctx.asJson || !entries) return io.out(json(body));
        return io.out(timelineText(entries, (body as { assumedSteps?: AssumedStep[] }).assumedSteps));
      }
      if (type === undefined && end !== undefined) throw new UsageError('--end needs --type', 'timeline');
      if (type !== undefined && end === undefined) throw new UsageError('--type needs --end <YYYY-MM-DD>, the day the inspection ended', 'timeline');
      if (type === undefined && complianceDate === undefined) {
        throw new UsageError('give --type and --end, --compliance-date, or --id', 'timeline');
      }
      const entries: TimelineEntry[] = [];
      const assumed: AssumedStep[] = [];
      if (type !== undefined && end !== undefined) {
        requireDate('--end', end, 'timeline');
        const definition = knownType(type, end, 'timeline');
        const projected = timelineAfterInspectionEnd(definition, end);
        entries.push(...projected.entries);
        assumed.push(...(projected.assumedSteps ?? []));
      }
      if (complianceDate !== undefined) {
        requireDate('--compliance-date', complianceDate, 'timeline');
        entries.push(clockFrom(followUpVisit, complianceDate));
      }
      const ordered = entries.map((e, i) => [e, i] as const).sort(([a, i], [b, j]) => a.due.localeCompare(b.due) || i - j).map(([e]) => e);
      if (options.ics) {
        const inspectionId = `preview-${type ?? 'compliance'}-${end ?? complianceDate}`;
        return io.out(timelineToIcs(ordered, { inspectionId, stamp: io.now(), calendarName: type ? `${type} ending ${end}` : 'Compliance follow-up' }));
      }
      if (ctx.asJson) return io.out(json(ordered.map(({ clock, due, rule, source }) => ({ clock, due, rule, source }))));
      io.out(timelineText(ordered, assumed));
    },
  },

  start: {
    summary: 'Start an inspection (POST /inspections; manager)',
    usage: 'inspections start --type <type> --provider <providerId> [--at <YYYY-MM-DD>] [--<field> <value> ...] [--json]',
    details: [
      "--at is the day the inspection was opened, for one entered after it began (default today): its steps may be",
      "dated from then on, and it runs under the version in force that day. Further --<field> <value> pairs are the",
      "type's start input (see `inspections types --json`), e.g. --scheduledFor 2030-01-10.",
    ].join('\n'),
    spec: { options: { type: 'string', provider: 'string', at: 'string' }, positionals: [], fields: true },
    async run({ options, fields }, ctx) {
      const type = options.type as string | undefined;
      const providerId = options.provider as string | undefined;
      const at = options.at as string | undefined;
      if (!type) throw new UsageError('missing --type <type>', 'start');
      if (!providerId) throw new UsageError('missing --provider <providerId>', 'start');
      if (at !== undefined) requireDate('--at', at, 'start');
      const definition = knownType(type, at ?? londonDateOf(ctx.io.now()), 'start');
      const shape = definition.inputSchema.shape as Record<string, { safeParse(v: unknown): { success: boolean } }>;
      const input: Record<string, unknown> = {};
      for (const [name, raw] of Object.entries(fields)) {
        const field = shape[name];
        if (!field) {
          const allowed = Object.keys(shape);
          throw new UsageError(`unknown flag --${name}; ${type} takes ${allowed.length ? allowed.map((f) => `--${f}`).join(', ') : 'no input fields'}`, 'start');
        }
        input[name] = field.safeParse(raw).success ? raw : parseJsonish(raw);
      }
      const view = await callApi(ctx.connection(), 'POST', '/inspections', { type, providerId, ...input, ...(at !== undefined ? { at } : {}) });
      if (ctx.asJson) return ctx.io.out(json(view));
      ctx.io.out(`Started ${(view as View).inspectionId}\n\n${viewText(view as View)}`);
    },
  },

  show: {
    summary: 'Show an inspection: status, deadlines, what may be decided (GET /inspections/:id)',
    usage: 'inspections show <inspectionId> [--json]',
    details: '',
    spec: { options: {}, positionals: ['inspectionId'] },
    async run({ positionals }, ctx) {
      const view = await callApi(ctx.connection(), 'GET', `/inspections/${encodeURIComponent(positionals.inspectionId!)}`);
      ctx.io.out(ctx.asJson ? json(view) : viewText(view as View));
    },
  },

  decide: {
    summary: 'Send a decision (POST /inspections/:id/decisions)',
    usage: "inspections decide <inspectionId> <EVENT> [--at <YYYY-MM-DD[THH:MM]>] [--data '<json object>'] [--json]",
    details: [
      '--at is when the step happened (default: now, set by the server), with a London time where it matters',
      '(a service level in clock hours); a step entered late takes its place by this date. --data holds the',
      "event's fields, e.g. --data '{\"judgements\": {...}}'. Who decides is the token's role.",
    ].join('\n'),
    spec: { options: { at: 'string', data: 'string' }, positionals: ['inspectionId', 'event'] },
    async run({ positionals, options }, ctx) {
      const event = positionals.event!;
      if (!/^[A-Z][A-Z0-9_]{0,63}$/.test(event)) throw new UsageError(`"${event}" is not an event name; events look like DRAFT_REPORT_SENT`, 'decide');
      const data = jsonObject(options.data as string | undefined, 'decide');
      const at = options.at as string | undefined;
      if (at !== undefined) requireMoment('--at', at, 'decide');
      const body = { ...data, event, ...(at !== undefined ? { at } : {}) };
      const view = await callApi(ctx.connection(), 'POST', `/inspections/${encodeURIComponent(positionals.inspectionId!)}/decisions`, body);
      if (ctx.asJson) return ctx.io.out(json(view));
      ctx.io.out(`Accepted ${event}\n\n${viewText(view as View)}`);
    },
  },

  correct: {
    summary: 'Correct a recorded step: amend its date or fields, or withdraw it (POST /inspections/:id/corrections)',
    usage: [
      "inspections correct <inspectionId> --step <N> --reason <text> [--at <YYYY-MM-DD[THH:MM]>] [--data '<json object>'] [--json]",
      'inspections correct <inspectionId> --step <N> --reason <text> --withdraw [--json]',
    ].join('\n       '),
    details: [
      'N is the seq of the step\'s decision.accepted entry (see `inspections audit <id>`). --at corrects when it',
      'happened, --data replaces fields of its payload; --withdraw removes a step recorded in error. Everything',
      'derived follows; the audit trail keeps the original and the correction. A manager, unless the type says otherwise.',
    ].join('\n'),
    spec: { options: { step: 'string', reason: 'string', at: 'string', data: 'string', withdraw: 'boolean' }, positionals: ['inspectionId'] },
    async run({ positionals, options }, ctx) {
      const step = Number(options.step);
      if (!Number.isInteger(step) || step < 1) throw new UsageError('missing or bad --step <N>: the seq of the step\'s decision.accepted entry', 'correct');
      const reason = options.reason as string | undefined;
      if (!reason?.trim()) throw new UsageError('missing --reason <text>: a correction says why', 'correct');
      const at = options.at as string | undefined;
      if (at !== undefined) requireMoment('--at', at, 'correct');
      const fields = options.data === undefined ? undefined : jsonObject(options.data as string, 'correct');
      const withdraw = options.withdraw === true;
      if (withdraw && (at !== undefined || fields !== undefined)) throw new UsageError('--withdraw takes no --at or --data', 'correct');
      if (!withdraw && at === undefined && fields === undefined) throw new UsageError('say what to correct: --at, --data, or --withdraw', 'correct');
      const body = { step, action: withdraw ? 'withdraw' : 'amend', reason, ...(at !== undefined ? { at } : {}), ...(fields ? { fields } : {}) };
      const view = await callApi(ctx.connection(), 'POST', `/inspections/${encodeURIComponent(positionals.inspectionId!)}/corrections`, body);
      if (ctx.asJson) return ctx.io.out(json(view));
      ctx.io.out(`${withdraw ? 'Withdrew' : 'Amended'} step ${step}\n\n${viewText(view as View)}`);
    },
  },

  'confirm-missed': {
    summary: 'Confirm that an overdue target was missed (POST /inspections/:id/missed-deadlines; manager)',
    usage: 'inspections confirm-missed <inspectionId> --clock <clock> --reason <text> [--json]',
    details: 'An overdue target awaits the step that answers it; a manager who knows it was missed makes it a breach now.',
    spec: { options: { clock: 'string', reason: 'string' }, positionals: ['inspectionId'] },
    async run({ positionals, options }, ctx) {
      const clock = options.clock as string | undefined;
      const reason = options.reason as string | undefined;
      if (!clock) throw new UsageError('missing --clock <clock>, e.g. --clock draftReport', 'confirm-missed');
      if (!reason?.trim()) throw new UsageError('missing --reason <text>', 'confirm-missed');
      const view = await callApi(ctx.connection(), 'POST', `/inspections/${encodeURIComponent(positionals.inspectionId!)}/missed-deadlines`, { clock, reason });
      if (ctx.asJson) return ctx.io.out(json(view));
      ctx.io.out(`Confirmed ${clock} missed\n\n${viewText(view as View)}`);
    },
  },

  migrate: {
    summary: 'Move running inspections to another machine revision of their framework version (POST /migrations; manager)',
    usage: 'inspections migrate --type <type> --version <N> --from <revision> --to <revision> (--ids <id,id,...> | --all) --reason <text> [--apply] [--json]',
    details: [
      'Without --apply, a dry run (at most 200 inspections): for each, where it would stand and every deadline that',
      'would move (old due -> new due), or why it cannot move; nothing changes. With --apply, a migration batch: each',
      'that can move is migrated, audited in its ledger with who, why and the difference; the command waits for the',
      'batch, prints its outcome and exits 1 if any was refused. --all takes every running inspection the read model',
      'lists on --from. A batch keeps going if the command is interrupted: GET /migrations/<batchId> shows it.',
    ].join('\n'),
    spec: { options: { type: 'string', version: 'string', from: 'string', to: 'string', ids: 'string', all: 'boolean', reason: 'string', apply: 'boolean' }, positionals: [] },
    async run({ options }, ctx) {
      const number = (flag: string) => {
        const value = Number(options[flag]);
        if (options[flag] === undefined || !Number.isInteger(value) || value < 0) throw new UsageError(`missing or bad --${flag} <N>`, 'migrate');
        return value;
      };
      const type = options.type as string | undefined;
      if (!type) throw new UsageError('missing --type <type>', 'migrate');
      const reason = options.reason as string | undefined;
      if (!reason?.trim()) throw new UsageError('missing --reason <text>: a migration says why', 'migrate');
      const ids = (options.ids as string | undefined)?.split(',').map((id) => id.trim()).filter(Boolean);
      if ((ids === undefined) === (options.all !== true)) throw new UsageError('name the inspections (--ids a,b,...) or all of them (--all), not both', 'migrate');
      const body = {
        type, version: number('version'), fromRevision: number('from'), toRevision: number('to'), reason, dryRun: options.apply !== true,
        ...(ids ? { inspectionIds: ids } : { all: true }),
      };
      if (body.dryRun) {
        const result = (await callApi(ctx.connection(), 'POST', '/migrations', body)) as MigrationDryRun;
        return ctx.io.out(ctx.asJson ? json(result) : dryRunText(result));
      }
      const started = (await callApi(ctx.connection(), 'POST', '/migrations', body)) as MigrationBatch;
      let batch = started;
      while (batch.status === 'running' || batch.status === 'stopping') {
        await new Promise((resolve) => setTimeout(resolve, 500));
        batch = (await callApi(ctx.connection(), 'GET', `/migrations/${batch.batchId}`)) as MigrationBatch;
      }
      ctx.io.out(ctx.asJson ? json(batch) : batchText(batch));
      if (batch.refused > 0 || batch.status === 'stopped') throw new CheckFailed(`${batch.refused} of ${batch.total} refused${batch.status === 'stopped' ? `, ${batch.remaining} left when it was stopped` : ''}`);
    },
  },

  inbox: {
    summary: 'The decisions waiting for your role, soonest due first (GET /inbox)',
    usage: 'inspections inbox [--role <role>] [--json]',
    details: 'Lists the decisions open to the token\'s role (or --role) across all running inspections, with the clock each answers.',
    spec: { options: { role: 'string' }, positionals: [] },
    async run({ options }, ctx) {
      const role = options.role as string | undefined;
      const body = (await callApi(ctx.connection(), 'GET', `/inbox${role ? `?role=${encodeURIComponent(role)}` : ''}`)) as { items?: InboxItem[] };
      if (ctx.asJson) return ctx.io.out(json(body));
      const items = body.items ?? [];
      if (items.length === 0) return ctx.io.out('Nothing waiting.\n');
      ctx.io.out(
        table(
          ['DUE', '', 'INSPECTION', 'TYPE', 'EVENT', 'ROLES', 'WHY'],
          items.map((i) => [i.due ?? '-', i.overdue ? 'OVERDUE' : '', i.inspectionId, i.type, i.event, i.roles, clip(i.why ?? i.answers?.label ?? i.label, 60)]),
        ),
      );
    },
  },

  history: {
    summary: "The Temporal history of an inspection's workflow, every payload decoded (GET /inspections/:id/history)",
    usage: 'inspections history <inspectionId> [--json]',
    details: 'The technical trace beside the audit trail: each event with its time, type and what it carried. Managers and auditors only.',
    spec: { options: {}, positionals: ['inspectionId'] },
    async run({ positionals }, ctx) {
      const body = (await callApi(ctx.connection(), 'GET', `/inspections/${encodeURIComponent(positionals.inspectionId!)}/history`)) as { events: Record<string, unknown>[] };
      if (ctx.asJson) return ctx.io.out(json(body));
      const rows = body.events.map((e) => {
        const attributes = Object.entries(e).find(([k]) => k.endsWith('EventAttributes'))?.[1];
        return [String(e.eventId), String(e.eventTime ?? ''), String(e.eventType ?? '').replace(/^EVENT_TYPE_/, ''), clip(carried(attributes), 110)];
      });
      ctx.io.out(`History of ${positionals.inspectionId} (${rows.length} events)\n\n${table(['ID', 'TIME', 'EVENT', 'WHAT IT CARRIED'], rows)}`);
    },
  },

  'audit verify': {
    summary: "Prove an inspection's audit trail against the signed checkpoints of the audit log, trusting only the verifier key",
    usage: 'inspections audit verify <inspectionId> [--checkpoint <file>] [--save <file>] [--key <verifier key>] [--json]',
    details: [
      "Checks, without trusting the server or its database: that the server's latest checkpoint is signed by the key",
      '(--key, or INSPECTIONS_CHECKPOINT_KEY); that the log still holds, unchanged, everything the checkpoint you kept',
      '(--checkpoint) held: nothing truncated, inserted or rewritten since; that every entry chains to the one before;',
      'and that every entry the signed log holds is in the ledger, unchanged. --save keeps the latest checkpoint, once',
      'verified, for next time. Exit 0 when all holds, 1 naming what does not.',
    ].join('\n'),
    spec: { options: { checkpoint: 'string', save: 'string', key: 'string' }, positionals: ['inspectionId'] },
    async run({ positionals, options }, ctx) {
      const id = positionals.inspectionId!;
      const vkey = (options.key as string | undefined) ?? ctx.io.env.INSPECTIONS_CHECKPOINT_KEY;
      if (!vkey) throw new UsageError('missing --key <verifier key> (or INSPECTIONS_CHECKPOINT_KEY): the key the checkpoints are signed with', 'audit verify');
      let held: string | undefined;
      if (options.checkpoint !== undefined) {
        try {
          held = readFileSync(options.checkpoint as string, 'utf8');
        } catch (error) {
          throw new UsageError(`--checkpoint: cannot read ${String(options.checkpoint)}: ${(error as Error).message}`, 'audit verify');
        }
      }
      const heldSize = held === undefined ? undefined : /^[^\n]*\n(\d+)\n/.exec(held)?.[1];
      const audit = (await callApi(ctx.connection(), 'GET', `/inspections/${encodeURIComponent(id)}/audit`)) as { entries: ServedEntry[] };
      const proof = (await callApi(ctx.connection(), 'GET', `/inspections/${encodeURIComponent(id)}/audit/proof${heldSize ? `?from=${heldSize}` : ''}`)) as AuditProof;
      const result = checkAgainstCheckpoints({ inspectionId: id, entries: audit.entries, proof, vkey, ...(held !== undefined ? { held } : {}) });
      if (result.ok && options.save !== undefined) writeFileSync(options.save as string, proof.checkpoint);
      if (ctx.asJson) ctx.io.out(json(result));
      else {
        const lines = [
          `Audit trail of ${id} against the signed log${result.checkpoint ? ` (checkpoint of ${result.checkpoint.size} entries, ${result.checkpoint.time})` : ''}:`,
          `  ${result.proved} entries proved in the signed log; ${result.pending} stored since its last checkpoint (chained, not yet signed)`,
          ...(result.held ? [`  consistent with the checkpoint you kept (${result.held.size} entries, ${result.held.time}): ${result.problems.some((p) => /kept|truncated/.test(p)) ? 'NO' : 'yes'}`] : []),
          ...result.problems.map((p) => `  PROBLEM: ${p}`),
          result.ok ? 'Verified.' : 'NOT verified.',
        ];
        ctx.io.out(`${lines.join('\n')}\n`);
      }
      if (!result.ok) throw new CheckFailed(`the audit trail of ${id} does not verify: ${result.problems.join('; ')}`);
    },
  },

  audit: {
    summary: "An inspection's audit trail, with its hash-chain check (GET /inspections/:id/audit)",
    usage: 'inspections audit <inspectionId> [--json]',
    details: 'Managers, inspectors and auditors only.',
    spec: { options: {}, positionals: ['inspectionId'] },
    async run({ positionals }, ctx) {
      const body = (await callApi(ctx.connection(), 'GET', `/inspections/${encodeURIComponent(positionals.inspectionId!)}/audit`)) as {
        inspectionId: string;
        verification?: { ok?: boolean; entries?: number; [k: string]: unknown };
        entries?: { seq: number; at: string; kind: string; actor: string; role: string; data: unknown }[];
      };
      if (ctx.asJson) return ctx.io.out(json(body));
      const v = body.verification;
      const chain = v ? (v.ok === false ? `BROKEN: ${JSON.stringify(v)}` : `hash chain verified${v.entries !== undefined ? ` (${v.entries} entries)` : ''}`) : 'not verified';
      ctx.io.out(
        `Audit trail of ${body.inspectionId}: ${chain}\n\n` +
          table(
            ['SEQ', 'AT', 'KIND', 'ACTOR', 'DETAILS'],
            (body.entries ?? []).map((e) => [e.seq, e.at, e.kind, `${e.actor} (${e.role})`, clip(JSON.stringify(e.data), 90)]),
          ),
      );
    },
  },
};

/** What a history event carried, in a line: the activity, workflow or Update it names, and its decoded values. */
function carried(attributes: unknown): string {
  const names: string[] = [];
  const values: unknown[] = [];
  const walk = (v: unknown, key = '') => {
    if (Array.isArray(v)) return v.forEach((x) => walk(x));
    if (v === null || typeof v !== 'object') return;
    for (const [k, child] of Object.entries(v)) {
      if (k === 'decoded' && Array.isArray(child)) values.push(...child);
      else if (k === 'name' && typeof child === 'string' && ['activityType', 'workflowType', 'input'].includes(key)) names.push(child);
      else if (k === 'startToFireTimeout' || k === 'message') names.push(`${k} ${String(child)}`);
      else walk(child, k);
    }
  };
  walk(attributes);
  return [...names, ...values.map((x) => JSON.stringify(x))].join(' ');
}

interface MigrationDryRun {
  refused: number;
  results: {
    inspectionId: string;
    ok: boolean;
    preview?: { stage: { before: string; after: string }; deadlines: { clock: string; before: string | null; after: string | null }[] };
    error?: { code: string; message: string };
  }[];
}

interface MigrationBatch {
  batchId: string;
  status: 'running' | 'stopping' | 'stopped' | 'completed';
  total: number;
  migrated: number;
  alreadyMigrated: number;
  refused: number;
  remaining: number;
  refusals: { inspectionId: string; message: string }[];
  stoppedBecause: string | null;
}

function dryRunText(result: MigrationDryRun): string {
  const rows = result.results.map((r) => {
    const moves = r.preview?.deadlines.map((d) => `${d.clock} ${d.before ?? '-'} -> ${d.after ?? '-'}`).join('; ') || 'no deadline moves';
    const stage = r.preview ? `${r.preview.stage.before} -> ${r.preview.stage.after}` : '';
    return [r.inspectionId, r.ok ? 'would move' : 'REFUSED', stage, r.ok ? moves : (r.error?.message ?? '')];
  });
  const summary = `Dry run: ${result.results.length - result.refused} would move, ${result.refused} refused; nothing changed (--apply to migrate).`;
  return `${table(['INSPECTION', 'RESULT', 'STAGE', 'DEADLINES / WHY'], rows)}\n${summary}\n`;
}

function batchText(batch: MigrationBatch): string {
  const refusals = batch.refusals.length ? `${table(['REFUSED', 'WHY'], batch.refusals.map((r) => [r.inspectionId, r.message]))}\n` : '';
  const stopped = batch.status === 'stopped' ? ` Stopped (${batch.stoppedBecause}) with ${batch.remaining} left.` : '';
  return `${refusals}Migration ${batch.batchId}: ${batch.migrated} migrated, ${batch.alreadyMigrated} already on the revision, ${batch.refused} refused, of ${batch.total}.${stopped}\n`;
}

interface CalendarShown {
  version: string;
  shippedVersion: string;
  published: { firstYear: number; lastYear: number };
  provisional: { firstYear: number; lastYear: number };
  year: number;
  basis: 'published' | 'rule';
  holidays: { date: string; title: string; notes: string | null; basis: string; source?: string }[];
}

interface PublishedChange {
  version: string;
  change: { action: 'add' | 'withdraw'; date: string; title?: string; source: string };
  publishedAt: string;
  publishedBy: string;
  batchId: string | null;
}

interface CalendarDryRun {
  from: string;
  to: string;
  inspectionsRead: number;
  moves: { inspectionId: string; deadlines: { clock: string; before: string; after: string }[] }[];
  refusals: { inspectionId: string; message: string }[];
}


/** `calendar add-holiday` and `calendar withdraw-holiday`: a dry run by default, published with --apply. */
function calendarChangeCommand(action: 'add' | 'withdraw'): Command {
  const name = `calendar ${action}-holiday`;
  return {
    summary: action === 'add' ? 'Add a proclaimed bank holiday: the deadlines it moves, then (--apply) publish it (POST /calendar/changes; manager)' : 'Withdraw a bank holiday: the deadlines it moves, then (--apply) publish it (POST /calendar/changes; manager)',
    usage: `inspections ${name} <YYYY-MM-DD>${action === 'add' ? ' --title <name>' : ''} --source <proclamation or notice> [--dry-run | --apply] [--json]`,
    details: [
      'Without --apply (or with --dry-run), a dry run: every running inspection whose deadlines move (old due -> new due,',
      'per clock), and any that would refuse; nothing changes. With --apply, the change is published as the next',
      'calendar version and a batch moves every running inspection and centre cycle to it: each inspection\'s ledger',
      'gets a calendar.changed entry with the change and its source, and a deadline.set per moved clock. A deadline',
      'already run out is not re-opened. The command waits for the batch, prints its outcome and exits 1 if any was',
      'refused. New inspections take the new version.',
    ].join('\n'),
    spec: { options: { title: 'string', source: 'string', 'dry-run': 'boolean', apply: 'boolean' }, positionals: ['date'] },
    async run({ options, positionals }, ctx) {
      const date = positionals.date!;
      if (!isIsoDate(date)) throw new UsageError(`${JSON.stringify(date)} is not a date: expected YYYY-MM-DD`, name);
      const source = options.source as string | undefined;
      if (!source?.trim()) throw new UsageError('missing --source <text>: the proclamation or notice the change comes from', name);
      const title = options.title as string | undefined;
      if (action === 'add' && !title?.trim()) throw new UsageError('missing --title <name>: the holiday\'s name', name);
      if (options.apply === true && options['dry-run'] === true) throw new UsageError('--dry-run or --apply, not both', name);
      const body = { action, date, source, ...(action === 'add' ? { title } : {}), dryRun: options.apply !== true };
      if (body.dryRun) {
        const result = (await callApi(ctx.connection(), 'POST', '/calendar/changes', body)) as CalendarDryRun;
        return ctx.io.out(ctx.asJson ? json(result) : calendarDryRunText(result));
      }
      const started = (await callApi(ctx.connection(), 'POST', '/calendar/changes', body)) as { batch: CalendarBatchState; centresNotListed?: string };
      let batch = started.batch;
      while (batch.status === 'running') {
        await new Promise((resolve) => setTimeout(resolve, 500));
        batch = (await callApi(ctx.connection(), 'GET', `/calendar/batches/${batch.batchId}`)) as CalendarBatchState;
      }
      ctx.io.out(ctx.asJson ? json({ ...started, batch }) : `${calendarBatchText(batch)}${started.centresNotListed ? `Note: ${started.centresNotListed}\n` : ''}`);
      if (batch.refused > 0) throw new CheckFailed(`${batch.refused} of ${batch.total} refused the calendar change`);
    },
  };
}

function calendarDryRunText(result: CalendarDryRun): string {
  const rows = result.moves.flatMap((m) => m.deadlines.map((d) => [m.inspectionId, d.clock, d.before, d.after]));
  const refusals = result.refusals.length ? `${table(['REFUSES', 'WHY'], result.refusals.map((r) => [r.inspectionId, r.message]))}\n` : '';
  const summary = `Dry run of calendar ${result.from} -> ${result.to}: ${result.moves.length} of ${result.inspectionsRead} inspections with deadlines on or after the day would move (${rows.length} deadlines), ${result.refusals.length} would refuse; nothing changed (--apply to publish).`;
  return `${rows.length ? `${table(['INSPECTION', 'CLOCK', 'DUE NOW', 'DUE AFTER'], rows)}\n` : ''}${refusals}${summary}\n`;
}

function calendarBatchText(batch: CalendarBatchState): string {
  const refusals = batch.refusals.length ? `${table(['REFUSED', 'WHY'], batch.refusals.map((r) => [r.workflowId, r.message]))}\n` : '';
  return `${refusals}Calendar ${batch.version} published (batch ${batch.batchId}): ${batch.moved} moved (${batch.deadlinesMoved} deadlines), ${batch.unchanged} with no deadline moving, ${batch.alreadyMoved} already on it, ${batch.ended} ended, ${batch.refused} refused, of ${batch.total}.\n`;
}

/** A check that ran and found a problem (exit 1, like a refusal from the API). */
class CheckFailed extends Error {}

interface View {
  inspectionId: string;
  type: string;
  version: number;
  machineRevision: number;
  title: string;
  providerId: string | null;
  status: string;
  stage: string;
  done: boolean;
  grade: string | null;
  deadlines?: { clock: string; label: string; due: string; kind: string; overdue: boolean }[];
  breaches?: { clock: string; due: string; resolvedOn: string | null }[];
  allowedDecisions?: { event: string; label: string; roles: string[] }[];
}

interface InboxItem {
  inspectionId: string;
  type: string;
  event: string;
  label: string;
  roles: string[];
  due: string | null;
  overdue: boolean;
  why?: string;
  answers?: { label: string } | null;
}

function viewText(view: View): string {
  const lines = [
    `${view.inspectionId}  ${view.title} (${view.type} v${view.version} revision ${view.machineRevision})`,
    `provider ${view.providerId ?? '-'}   status ${view.status}${view.done ? ' (done)' : ''}   grade ${view.grade ?? '-'}`,
    '',
  ];
  const deadlines = view.deadlines ?? [];
  lines.push(deadlines.length ? `Deadlines\n${table(['DUE', 'KIND', '', 'CLOCK', 'LABEL'], deadlines.map((d) => [d.due, d.kind, d.overdue ? 'OVERDUE' : '', d.clock, d.label]))}` : 'No clock running.\n');
  const breaches = view.breaches ?? [];
  if (breaches.length) lines.push(`Breaches\n${table(['CLOCK', 'DUE', 'ANSWERED ON'], breaches.map((b) => [b.clock, b.due, b.resolvedOn ?? 'not yet (confirmed missed)']))}`);
  const decisions = view.allowedDecisions ?? [];
  lines.push(decisions.length ? `Decisions open now\n${table(['EVENT', 'ROLES', 'LABEL'], decisions.map((d) => [d.event, d.roles, d.label]))}` : 'No decision open.\n');
  return lines.join('\n');
}

function timelineText(entries: readonly Partial<TimelineEntry>[], assumed: readonly AssumedStep[] = []): string {
  const dates = entries.length === 0
    ? 'No statutory date ahead.\n'
    : entries
        .map((e) => {
          const flag = `${e.overdue ? '  OVERDUE' : ''}${e.provisional ? '  PROVISIONAL (bank holidays of that year by rule, not yet published)' : ''}`;
          return `${e.due}  ${(e.kind ?? '').padEnd(9)} ${e.label ?? e.clock}${flag}\n            ${e.rule ?? ''}\n            ${e.source ?? ''}\n`;
        })
        .join('');
  if (assumed.length === 0) return dates;
  const steps = assumed.map((a) => `${a.on}  ${a.label}\n            ${a.source}\n`).join('');
  return `${dates}\nAssumed steps (${assumed[0]!.assumption}):\n${steps}`;
}

/** The entries in whatever shape the server's timeline route answers: a list, or an object holding one. */
function entriesOf(body: unknown): TimelineEntry[] | undefined {
  if (Array.isArray(body)) return body as TimelineEntry[];
  const b = body as Record<string, unknown> | undefined;
  const list = b?.entries ?? b?.timeline ?? b?.items;
  if (Array.isArray(list)) return list as TimelineEntry[];
  if (list && typeof list === 'object' && Array.isArray((list as Record<string, unknown>).entries)) return (list as { entries: TimelineEntry[] }).entries;
  return undefined;
}

function knownType(type: string, onDate: string, command: string) {
  try {
    return versionInForce(type, onDate);
  } catch (error) {
    if (error instanceof UnknownInspectionTypeError) throw new UsageError(error.message, command);
    throw error;
  }
}

function requireDate(flag: string, value: string, command: string): void {
  if (!isIsoDate(value)) throw new UsageError(`${flag} ${JSON.stringify(value)} is not a date: expected a real date as YYYY-MM-DD`, command);
}

/** A date, or a date and London time (`YYYY-MM-DDTHH:MM`): when a step happened. */
function requireMoment(flag: string, value: string, command: string): void {
  if (!businessMoment.safeParse(value).success) throw new UsageError(`${flag} ${JSON.stringify(value)} is not a date: expected YYYY-MM-DD or YYYY-MM-DDTHH:MM`, command);
}

/** --data: a JSON object, or a usage error saying what is wrong with it. */
function jsonObject(raw: string | undefined, command: string): Record<string, unknown> {
  if (raw === undefined) return {};
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (error) {
    throw new UsageError(`--data is not valid JSON: ${(error as Error).message}`, command);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new UsageError('--data must be a JSON object', command);
  return data as Record<string, unknown>;
}

function validUrl(value: string): string {
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not http(s)');
    return value;
  } catch {
    throw new UsageError(`the API address ${JSON.stringify(value)} is not an http(s) URL (--api or INSPECTIONS_API_URL)`);
  }
}

/** `true`, `3` or `{"a":1}` as JSON; anything else stays a string. */
function parseJsonish(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

function overallHelp(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
  return [
    'inspections: the command line of the durable inspections service',
    '',
    'Usage: inspections <command> [options]',
    '',
    'Commands:',
    ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`),
    '',
    'Every command takes:',
    '  --json           machine-readable output on stdout',
    '  --help, -h       usage of the command',
    'Server commands also take:',
    `  --api <url>      the API's address (else INSPECTIONS_API_URL, else ${DEFAULT_API_URL})`,
    '  --token <jwt>    a bearer token (else INSPECTIONS_TOKEN)',
    '',
    'Exit codes: 0 done; 1 the API refused or could not be reached; 2 the command was called wrongly.',
    "Run 'inspections <command> --help' for a command's options.",
    '',
  ].join('\n');
}

function commandHelp(name: string): string {
  const c = COMMANDS[name]!;
  return [`Usage: ${c.usage}`, '', c.summary + '.', ...(c.details ? ['', c.details] : []), ''].join('\n');
}
