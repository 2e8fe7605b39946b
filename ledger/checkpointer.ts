import fs from 'node:fs';
import { generateKeyPairSync } from 'node:crypto';
import path from 'node:path';
import type { CheckpointSettings } from '../config/env';
import type { Database } from '../db';
import { CheckpointDirectory, checkpointAuditLog } from './auditLog';
import { type SigningKey, signingKey, verifierKey } from './checkpoint';

/**
 * Signs a checkpoint of the audit log every so often (when it has grown), from a worker process. Several workers may
 * run it: appending to the log is serialised by the database, and a checkpoint is a new file each time.
 */
export function startCheckpointer(db: Database, settings: CheckpointSettings, log: (message: string) => void = console.log): { stop(): Promise<void>; vkey: string } | null {
  if (!settings.dir || !settings.keyFile) return null;
  const key = signingKey(settings.origin, fs.readFileSync(settings.keyFile, 'utf8'));
  const store = new CheckpointDirectory(settings.dir);
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = checkpointAuditLog(db, store, key).then(
      ({ size, written }) => written && log(`checkpoint: audit log of ${size} entries signed (${path.basename(written)})`),
      (error: unknown) => log(`checkpoint: failed, will try again: ${error instanceof Error ? error.message : String(error)}`),
    );
  };
  tick();
  const timer = setInterval(tick, settings.intervalSeconds * 1000);
  return {
    vkey: verifierKey(key),
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

/** A new Ed25519 key in PEM, written once (never overwritten), for `npm start`'s own log. */
export function ensureCheckpointKey(file: string): void {
  if (fs.existsSync(file)) return;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const { privateKey } = generateKeyPairSync('ed25519');
  fs.writeFileSync(file, privateKey.export({ format: 'pem', type: 'pkcs8' }), { flag: 'wx', mode: 0o600 });
}

export type { SigningKey };
