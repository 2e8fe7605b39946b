import { type KeyObject, createHash, createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';

/**
 * Signed checkpoints of the audit log: its size, root hash and time, in the C2SP tlog-checkpoint format, signed as a
 * C2SP signed note with Ed25519 by a key held outside the database. Whoever keeps a checkpoint can later prove the
 * log still holds, unchanged, everything it held then (a consistency proof) and that an entry is in it (an inclusion
 * proof), whatever happened to the database meanwhile.
 *
 *     <origin>\n<size>\n<base64 root>\ntime <ISO instant>\n\n— <key name> <base64(key ID || signature)>\n
 */
export interface Checkpoint {
  origin: string;
  size: number;
  root: Buffer;
  time: string;
  /** The whole signed note, as written and served. */
  note: string;
}

export interface SigningKey {
  name: string;
  privateKey: KeyObject;
  publicKey: Buffer;
}

const ED25519 = 0x01;

function keyId(name: string, publicKey: Buffer): Buffer {
  return createHash('sha256').update(Buffer.concat([Buffer.from(`${name}\n`), Buffer.from([ED25519]), publicKey])).digest().subarray(0, 4);
}

function rawPublicKey(key: KeyObject): Buffer {
  return Buffer.from(createPublicKey(key).export({ format: 'jwk' }).x!, 'base64url');
}

/** A signing key from an Ed25519 private key in PEM (PKCS#8); the key name is the log's origin. */
export function signingKey(name: string, pem: string): SigningKey {
  if (!name || /[\s+]/u.test(name)) throw new Error(`checkpoint key name "${name}" must be non-empty, with no spaces or +`);
  const privateKey = createPrivateKey(pem);
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`the checkpoint key must be Ed25519, not ${privateKey.asymmetricKeyType}`);
  return { name, privateKey, publicKey: rawPublicKey(privateKey) };
}

/** The verifier key a checkpoint reader is given out of band: `<name>+<hex key ID>+<base64(0x01 || public key)>`. */
export function verifierKey(key: Pick<SigningKey, 'name' | 'publicKey'>): string {
  return `${key.name}+${keyId(key.name, key.publicKey).toString('hex')}+${Buffer.concat([Buffer.from([ED25519]), key.publicKey]).toString('base64')}`;
}

export function signCheckpoint(key: SigningKey, size: number, root: Buffer, time: string): Checkpoint {
  const text = `${key.name}\n${size}\n${root.toString('base64')}\ntime ${time}\n`;
  const signature = sign(null, Buffer.from(text), key.privateKey);
  const note = `${text}\n— ${key.name} ${Buffer.concat([keyId(key.name, key.publicKey), signature]).toString('base64')}\n`;
  return { origin: key.name, size, root, time, note };
}

/** Reads a signed checkpoint and checks its signature by the verifier key; throws saying what is wrong. */
export function openCheckpoint(note: string, vkey: string): Checkpoint {
  // The key is base64, which may itself hold '+': only the first two separate the parts.
  const [, name, idHex, keyB64] = /^([^+\s]+)\+([0-9a-f]{8})\+(\S+)$/.exec(vkey.trim()) ?? [];
  const keyBytes = Buffer.from(keyB64 ?? '', 'base64');
  if (!name || !idHex || keyBytes.length !== 33 || keyBytes[0] !== ED25519) throw new Error('not an Ed25519 verifier key (<name>+<key ID>+<key>)');
  const publicKey = keyBytes.subarray(1);
  if (keyId(name, publicKey).toString('hex') !== idHex) throw new Error('the verifier key ID does not match its key');
  const split = note.lastIndexOf('\n\n');
  if (split < 0) throw new Error('not a signed note: no blank line before the signatures');
  const text = note.slice(0, split + 1);
  const signatures = note.slice(split + 2).split('\n').filter((l) => l !== '');
  const mine = signatures.map((l) => /^— (\S+) (\S+)$/u.exec(l)).find((m) => m?.[1] === name && Buffer.from(m[2]!, 'base64').subarray(0, 4).toString('hex') === idHex);
  if (!mine) throw new Error(`the checkpoint is not signed by ${name}`);
  const raw = Buffer.from(mine[2]!, 'base64');
  const spki = Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), publicKey]);
  if (!verify(null, Buffer.from(text), { key: spki, format: 'der', type: 'spki' }, raw.subarray(4))) throw new Error(`the checkpoint's signature by ${name} does not verify`);
  const lines = text.slice(0, -1).split('\n');
  const [origin, sizeLine, rootLine, timeLine] = lines;
  if (origin !== name) throw new Error(`the checkpoint is for ${origin}, not ${name}`);
  const size = Number(sizeLine);
  const root = Buffer.from(rootLine ?? '', 'base64');
  if (!/^\d+$/.test(sizeLine ?? '') || root.length !== 32 || !timeLine?.startsWith('time ')) throw new Error('not a checkpoint: origin, size, root hash and time expected');
  return { origin, size, root, time: timeLine.slice(5), note };
}
