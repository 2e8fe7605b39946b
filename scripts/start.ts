import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import { createAuthenticator } from '../api/auth';
import { listen } from '../api/listen';
import { loadConfig } from '../config/env';
import { databaseOptionsFromEnv, openDatabase } from '../db';
import { startDevServerProcess } from '../devServer/devServerProcess';
import { ROLES } from '../machines/kit';
import { ensureCheckpointKey, startCheckpointer } from '../ledger/checkpointer';
import { createInspectionWorker } from '../worker/createWorker';

/**
 * `npm start`: everything on one machine. The real Temporal dev server (persisting to data/temporal.sqlite),
 * PGlite (data/pglite), one worker and the API, in one process group. Ctrl-C stops them all; starting again
 * picks up every inspection where it was, timers included. With TEMPORAL_ADDRESS set, no dev server is
 * started and that cluster is used instead; with DATABASE_URL, that PostgreSQL.
 */
async function main() {
  // The audit log's checkpoints, signed with a key made on first start and kept beside (not in) the database.
  process.env.CHECKPOINT_DIR ??= 'data/checkpoints';
  process.env.CHECKPOINT_KEY_FILE ??= 'data/checkpoint-key.pem';
  ensureCheckpointKey(process.env.CHECKPOINT_KEY_FILE);
  const config = loadConfig();
  Runtime.install({ logger: new DefaultLogger((process.env.LOG_LEVEL as 'WARN' | undefined) ?? 'WARN') });
  mkdirSync('data', { recursive: true });
  const devServer = process.env.TEMPORAL_ADDRESS
    ? undefined
    : await startDevServerProcess({
        dbFile: 'data/temporal.sqlite',
        port: Number(process.env.TEMPORAL_PORT ?? 7233),
        uiPort: Number(process.env.TEMPORAL_UI_PORT ?? 8233),
        logFile: 'data/temporal-dev-server.log',
      });
  const address = devServer?.address ?? config.temporalAddress;
  const db = await openDatabase(databaseOptionsFromEnv());
  const connection = await NativeConnection.connect({ address });
  const worker = await createInspectionWorker({ connection, namespace: config.temporalNamespace, taskQueue: config.taskQueue, db });
  const workerDone = worker.run();
  const checkpointer = startCheckpointer(db, config.checkpoints, () => undefined);
  const secret = config.auth.secret ?? randomBytes(32).toString('base64url');
  const auth = createAuthenticator({ ...config.auth, secret });
  const api = await listen(config, address, db, auth);

  const tokens = Object.fromEntries(
    await Promise.all(
      ROLES.map(async (role) => [role, await auth.issue({ id: `demo-${role}`, role, ...(role === 'provider' ? { providerId: 'URN-1000001' } : {}) })]),
    ),
  ) as Record<(typeof ROLES)[number], string>;
  printBanner(api.url, devServer?.uiPort ? `http://localhost:${devServer.uiPort}` : undefined, address, db.engine, tokens, !config.auth.secret, checkpointer?.vkey);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nstopping: API, worker, Temporal dev server ...');
    await api.close();
    try {
      worker.shutdown();
    } catch {
      // already shutting down: the SDK reacts to SIGINT itself
    }
    await workerDone;
    await checkpointer?.stop();
    await connection.close();
    await db.close();
    await devServer?.stop();
    console.log('stopped; data kept in data/');
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function printBanner(apiUrl: string, uiUrl: string | undefined, address: string, engine: string, tokens: Record<string, string>, generated: boolean, vkey: string | undefined) {
  const lines = [
    '',
    'Inspections are running.',
    `  API:          ${apiUrl}  (interactive docs: ${apiUrl}/docs; type catalogue: ${apiUrl}/types)`,
    `  Web page:     ${apiUrl}/ui/  (managers' inbox, inspections, catalogue; sign in with a token below)`,
    `  Temporal UI:  ${uiUrl ?? '(external cluster)'}   Temporal: ${address}`,
    `  Database:     ${engine}`,
    '',
    `Demo bearer tokens (valid 12 hours${generated ? '; signed with a key generated for this run' : ''}):`,
    ...Object.entries(tokens).map(([role, token]) => `  export ${role.toUpperCase()}_TOKEN=${token}`),
    '',
    'Try:',
    `  curl -s -X POST ${apiUrl}/inspections -H "Authorization: Bearer $MANAGER_TOKEN" -H 'Content-Type: application/json' \\`,
    `       -d '{"type":"sccif-rfc-full","providerId":"URN-1000001"}'`,
    `  curl -s ${apiUrl}/inspections -H "Authorization: Bearer $MANAGER_TOKEN"`,
    `  curl -s -X POST ${apiUrl}/inspections/<id>/decisions -H "Authorization: Bearer $INSPECTOR_TOKEN" -H 'Content-Type: application/json' \\`,
    `       -d '{"event":"INSPECTION_STARTED"}'`,
    `  curl -s ${apiUrl}/inspections/<id>/audit -H "Authorization: Bearer $AUDITOR_TOKEN"`,
    `  curl -s ${apiUrl}/inbox -H "Authorization: Bearer $INSPECTOR_TOKEN"`,
    `  INSPECTIONS_TOKEN=$MANAGER_TOKEN npx inspections show <id>     # the command line (docs/CLI.md)`,
    ...(vkey
      ? [
          '',
          'The audit log is checkpointed into data/checkpoints, signed; check an inspection against them with:',
          `  export INSPECTIONS_CHECKPOINT_KEY=${vkey}`,
          '  INSPECTIONS_TOKEN=$AUDITOR_TOKEN npx inspections audit verify <id> --save kept-checkpoint.txt',
        ]
      : []),
    '',
    'Ctrl-C stops everything; data stays in data/.',
  ];
  console.log(lines.join('\n'));
}

main().catch((error) => {
  console.error(`start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
