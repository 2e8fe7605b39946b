import { createHash } from 'node:crypto';

/**
 * The Merkle tree of RFC 9162 §2.1 (as in RFC 6962) over the audit log's leaves: its root, inclusion proofs and
 * consistency proofs, and their verification. Hashes are 32-byte buffers; a leaf's hash is SHA-256(0x00 || data),
 * an interior node's SHA-256(0x01 || left || right).
 */
export type Hash = Buffer;

const sha256 = (...parts: Buffer[]) => createHash('sha256').update(Buffer.concat(parts)).digest();
const LEAF = Buffer.from([0]);
const NODE = Buffer.from([1]);

export const leafHash = (data: Buffer | string): Hash => sha256(LEAF, Buffer.from(data));
export const nodeHash = (left: Hash, right: Hash): Hash => sha256(NODE, left, right);
export const EMPTY_ROOT: Hash = sha256();

/** The largest power of two smaller than n (n > 1). */
function split(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** A tree over given leaf hashes, remembering each subtree root it works out, so many proofs cost one pass. */
export class MerkleTree {
  private readonly memo = new Map<string, Hash>();

  constructor(private readonly leaves: readonly Hash[]) {}

  get size(): number {
    return this.leaves.length;
  }

  /** MTH(D[0:n]), the root of the first n leaves (default all). */
  root(n = this.leaves.length): Hash {
    if (n < 0 || n > this.leaves.length) throw new RangeError(`no tree of size ${n} in ${this.leaves.length} leaves`);
    return n === 0 ? EMPTY_ROOT : this.subtree(0, n);
  }

  /** PATH(m, D[0:n]): the audit path of leaf m in the tree of the first n leaves. */
  inclusionProof(m: number, n = this.leaves.length): Hash[] {
    if (m < 0 || m >= n || n > this.leaves.length) throw new RangeError(`leaf ${m} is not in a tree of size ${n}`);
    return this.path(m, 0, n);
  }

  /** PROOF(m, D[0:n]): that the tree of the first m leaves is a prefix of the tree of the first n. */
  consistencyProof(m: number, n = this.leaves.length): Hash[] {
    if (m < 0 || m > n || n > this.leaves.length) throw new RangeError(`no consistency proof from ${m} to ${n}`);
    if (m === 0 || m === n) return [];
    return this.subproof(m, 0, n, true);
  }

  private subtree(start: number, end: number): Hash {
    if (end - start === 1) return this.leaves[start]!;
    const key = `${start}:${end}`;
    let hash = this.memo.get(key);
    if (!hash) {
      const k = split(end - start);
      hash = nodeHash(this.subtree(start, start + k), this.subtree(start + k, end));
      this.memo.set(key, hash);
    }
    return hash;
  }

  private path(m: number, start: number, end: number): Hash[] {
    const n = end - start;
    if (n === 1) return [];
    const k = split(n);
    return m < k ? [...this.path(m, start, start + k), this.subtree(start + k, end)] : [...this.path(m - k, start + k, end), this.subtree(start, start + k)];
  }

  private subproof(m: number, start: number, end: number, complete: boolean): Hash[] {
    const n = end - start;
    if (m === n) return complete ? [] : [this.subtree(start, end)];
    const k = split(n);
    return m <= k
      ? [...this.subproof(m, start, start + k, complete), this.subtree(start + k, end)]
      : [...this.subproof(m - k, start + k, end, false), this.subtree(start, start + k)];
  }
}

/** RFC 9162 §2.1.3.2: whether `proof` shows the leaf at `index` in a tree of `size` with this root. */
export function verifyInclusion(leaf: Hash, index: number, size: number, proof: readonly Hash[], root: Hash): boolean {
  if (index < 0 || index >= size) return false;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && r.equals(root);
}

/** RFC 9162 §2.1.4.2: whether `proof` shows the tree of size1 (root1) is a prefix of the tree of size2 (root2). */
export function verifyConsistency(size1: number, size2: number, proof: readonly Hash[], root1: Hash, root2: Hash): boolean {
  if (size1 > size2) return false;
  if (size1 === size2) return proof.length === 0 && root1.equals(root2);
  if (size1 === 0) return proof.length === 0;
  let path = [...proof];
  if (isPowerOfTwo(size1)) path = [root1, ...path];
  if (path.length === 0) return false;
  let fn = size1 - 1;
  let sn = size2 - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr = path[0]!;
  let sr = path[0]!;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && fr.equals(root1) && sr.equals(root2);
}

function isPowerOfTwo(n: number): boolean {
  return n > 0 && (n & (n - 1)) === 0;
}
