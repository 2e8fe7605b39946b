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
  auth: AuthSettings;
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
    auth: {
      secret: env.AUTH_SECRET || undefined,
      issuer: env.AUTH_ISSUER ?? 'urn:inspections:issuer',
      audience: env.AUTH_AUDIENCE ?? 'urn:inspections:api',
    },
  };
}
