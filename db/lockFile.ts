import fs from 'node:fs';
import os from 'node:os';

/**
 * PGlite runs PostgreSQL inside this process, on files it alone must own: a second process (or a
 * second PGlite instance in this one) opening the same directory would corrupt it. PostgreSQL's own
 * postmaster.pid does not protect a WASM build, so we keep an exclusive lock file beside the directory.
 */
export class DatabaseLockedError extends Error {
  override readonly name = 'DatabaseLockedError';
  constructor(
    readonly lockPath: string,
    readonly holderPid: number | null,
  ) {
    super(
      `PGlite data directory is in use: lock file ${lockPath} is held by process ${holderPid ?? 'unknown'}. ` +
        'A PGlite directory can be opened by one process at a time; stop the other process, or use a real ' +
        'PostgreSQL (DATABASE_URL) to share a database. If no such process exists, delete the lock file.',
    );
  }
}

export interface HeldLock {
  release(): void;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(lockPath: string): { pid: number; host: string } | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(lockPath, 'utf8')) as { pid?: unknown; host?: unknown };
    if (typeof parsed.pid === 'number' && typeof parsed.host === 'string') return { pid: parsed.pid, host: parsed.host };
  } catch {
    // unreadable or half-written: treated as unknown holder below
  }
  return null;
}

const heldInThisProcess = new Set<string>();
let exitHookInstalled = false;

// Best effort: a process that exits without close() leaves no lock behind.
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const p of heldInThisProcess) {
      try {
        fs.unlinkSync(p);
      } catch {
        // ignore
      }
    }
  });
}

export function acquireLock(lockPath: string): HeldLock {
  const body = JSON.stringify({ pid: process.pid, host: os.hostname(), since: new Date().toISOString() });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(lockPath, 'wx');
      fs.writeSync(fd, body);
      fs.closeSync(fd);
      heldInThisProcess.add(lockPath);
      installExitHook();
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          heldInThisProcess.delete(lockPath);
          try {
            fs.unlinkSync(lockPath);
          } catch {
            // already gone: nothing to release
          }
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = readHolder(lockPath);
      // A stale lock (holder on this host has died) is taken over once; anything else is refused.
      const stale =
        holder !== null &&
        holder.host === os.hostname() &&
        !heldInThisProcess.has(lockPath) &&
        (holder.pid === process.pid ? false : !isAlive(holder.pid));
      if (!stale || attempt > 0) throw new DatabaseLockedError(lockPath, holder?.pid ?? null);
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new DatabaseLockedError(lockPath, null);
}

