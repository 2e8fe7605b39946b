import { loadConfig } from '../config/env';
import { databaseOptionsFromEnv, openDatabase } from '../db';
import { createAuthenticator } from './auth';
import { listen } from './listen';

/** `npm run api`: the API alone, against an existing Temporal cluster and PostgreSQL (see README). */
async function main() {
  const config = loadConfig();
  const secret = config.auth.secret;
  if (!secret || secret.length < 32) throw new Error('AUTH_SECRET must be set to a secret of at least 32 characters');
  const db = await openDatabase(databaseOptionsFromEnv());
  const api = await listen(config, config.temporalAddress, db, createAuthenticator({ ...config.auth, secret }));
  console.log(`api: listening on ${api.url}; Temporal ${config.temporalAddress} (${config.temporalNamespace}); database: ${db.engine}`);
  const stop = async () => {
    await api.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error) => {
  console.error(`api: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
