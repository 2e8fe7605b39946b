/** Configuration from the environment, in one place, with the defaults `npm start` uses. */
export interface Config {
  temporalAddress: string;
  temporalNamespace: string;
  taskQueue: string;
  databaseUrl: string | undefined;
  pgliteDataDir: string;
  port: number;
  /** Whether the Temporal server has the inspection search attributes registered (see workflows/searchAttributes.ts). */
  searchAttributes: boolean;
  /** How long an inspection's record may lag its workflow before /readyz and /metrics say so. */
  recordLagBoundSeconds: number;
  checkpoints: CheckpointSettings;
  auth: AuthSettings;
  /** A JSON file of values for readings (machines/readings.ts), by "<type>/<clock>"; unset: every reading as shown. */
  readingsFile: string | undefined;
}

/** Signed checkpoints of the audit log (ledger/auditLog.ts): where they are kept, and the key that signs them. */
export interface CheckpointSettings {
  /** A directory outside the database, written to only by appending files; unset: no checkpoints. */
  dir: string | undefined;
  /** An Ed25519 private key in PEM (PKCS#8), kept outside the database; the worker signs with it. */
  keyFile: string | undefined;
  /** The log's name, in every checkpoint and in the verifier key. */
  origin: string;
  intervalSeconds: number;
}

export interface AuthSettings {
  /** HS256 secret for bearer tokens; `npm start` generates one per run when unset. */
  secret: string | undefined;
  issuer: string;
  audience: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not "${env.PORT}"`);
  return {
    temporalAddress: env.TEMPORAL_ADDRESS ?? 'localhost:7233',
    temporalNamespace: env.TEMPORAL_NAMESPACE ?? 'default',
    taskQueue: env.TEMPORAL_TASK_QUEUE ?? 'inspections',
    databaseUrl: env.DATABASE_URL || undefined,
    pgliteDataDir: env.PGLITE_DATA_DIR ?? 'data/pglite',
    port,
    searchAttributes: env.TEMPORAL_SEARCH_ATTRIBUTES !== 'false',
    recordLagBoundSeconds: positive(env.RECORD_LAG_BOUND_SECONDS, 60, 'RECORD_LAG_BOUND_SECONDS'),
    checkpoints: {
      dir: env.CHECKPOINT_DIR || undefined,
      keyFile: env.CHECKPOINT_KEY_FILE || undefined,
      origin: env.CHECKPOINT_ORIGIN ?? 'durable-inspections.local/audit-log',
      intervalSeconds: positive(env.CHECKPOINT_INTERVAL_SECONDS, 60, 'CHECKPOINT_INTERVAL_SECONDS'),
    },
    readingsFile: env.READINGS_FILE || undefined,
    auth: {
      secret: env.AUTH_SECRET || undefined,
      issuer: env.AUTH_ISSUER ?? 'urn:inspections:issuer',
      audience: env.AUTH_AUDIENCE ?? 'urn:inspections:api',
    },
  };
}

function positive(raw: string | undefined, fallback: number, name: string): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number of seconds, not "${raw}"`);
  return value;
}
