import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { type Hash, MerkleTree, leafHash, verifyConsistency, verifyInclusion } from '../../ledger/merkle';

/**
 * The audit log's Merkle tree against RFC 9162 §2.1, checked by a second, independent reading of the RFC written here:
 * roots by the recursive definition of MTH, and proofs verified by rebuilding the roots from the recursive definitions
 * of PATH and SUBPROOF (the product verifies with the RFC's iterative algorithms).
 */
const sha = (...parts: Buffer[]) => createHash('sha256').update(Buffer.concat(parts)).digest();
const node = (l: Buffer, r: Buffer) => sha(Buffer.from([1]), l, r);
const largestPowerOfTwoBelow = (n: number) => 2 ** Math.floor(Math.log2(n - 1));

function mth(leaves: Buffer[]): Buffer {
  if (leaves.length === 0) return sha();
  if (leaves.length === 1) return leaves[0]!;
  const k = largestPowerOfTwoBelow(leaves.length);
  return node(mth(leaves.slice(0, k)), mth(leaves.slice(k)));
}

/** The root PATH(m, D[n]) leads to from the leaf, or null if the path does not fit the tree's shape. */
function rootFromPath(leaf: Buffer, m: number, n: number, path: Buffer[]): Buffer | null {
  if (n === 1) return path.length === 0 ? leaf : null;
  const sibling = path.at(-1);
  if (!sibling) return null;
  const k = largestPowerOfTwoBelow(n);
  const below = m < k ? rootFromPath(leaf, m, k, path.slice(0, -1)) : rootFromPath(leaf, m - k, n - k, path.slice(0, -1));
  return below && (m < k ? node(below, sibling) : node(sibling, below));
}

/** The two roots SUBPROOF(m, D[n], b) proves, given the old root, consuming `proof` from its end. */
function rootsFromSubproof(m: number, n: number, proof: Buffer[], complete: boolean, oldRoot: Buffer): [Buffer, Buffer] | null {
  if (m === n) {
    if (complete) return [oldRoot, oldRoot];
    const h = proof.pop();
    return h ? [h, h] : null;
  }
  const k = largestPowerOfTwoBelow(n);
  const sibling = proof.pop();
  if (!sibling) return null;
  if (m <= k) {
    const inner = rootsFromSubproof(m, k, proof, complete, oldRoot);
    return inner && [inner[0], node(inner[1], sibling)];
  }
  const inner = rootsFromSubproof(m - k, n - k, proof, false, oldRoot);
  return inner && [node(sibling, inner[0]), node(sibling, inner[1])];
}

function independentlyConsistent(m: number, n: number, proof: Buffer[], oldRoot: Buffer, newRoot: Buffer): boolean {
  if (m === n) return proof.length === 0 && oldRoot.equals(newRoot);
  const rest = [...proof];
  const roots = rootsFromSubproof(m, n, rest, true, oldRoot);
  return roots !== null && rest.length === 0 && roots[0].equals(oldRoot) && roots[1].equals(newRoot);
}

const leavesOf = (n: number, salt = '') => Array.from({ length: n }, (_, i) => leafHash(`${salt}entry-${i}`));
const flip = (h: Hash) => Buffer.from(h.map((b, i) => (i === 0 ? b ^ 1 : b)));

describe('the audit log Merkle tree (RFC 9162 §2.1)', () => {
  it('has the roots of the recursive definition, and the RFC test vector for the empty tree', () => {
    expect(new MerkleTree([]).root().toString('hex')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    for (let n = 1; n <= 40; n++) {
      const leaves = leavesOf(n);
      const tree = new MerkleTree(leaves);
      expect(tree.root().equals(mth(leaves))).toBe(true);
      for (let m = 0; m <= n; m++) expect(tree.root(m).equals(mth(leaves.slice(0, m)))).toBe(true);
    }
  });

  it('gives inclusion proofs both verifiers accept for every leaf of every size, and neither accepts a forged one', () => {
    for (let n = 1; n <= 40; n++) {
      const leaves = leavesOf(n);
      const tree = new MerkleTree(leaves);
      const root = tree.root();
      for (let m = 0; m < n; m++) {
        const proof = tree.inclusionProof(m);
        expect(verifyInclusion(leaves[m]!, m, n, proof, root)).toBe(true);
        expect(rootFromPath(leaves[m]!, m, n, proof)?.equals(root)).toBe(true);
        expect(verifyInclusion(flip(leaves[m]!), m, n, proof, root)).toBe(false);
        if (proof.length > 0) expect(verifyInclusion(leaves[m]!, m, n, [flip(proof[0]!), ...proof.slice(1)], root)).toBe(false);
        if (n > 1) expect(verifyInclusion(leaves[m]!, (m + 1) % n, n, proof, root)).toBe(false);
      }
    }
  });

  it('gives consistency proofs both verifiers accept between every pair of sizes, and neither accepts a changed history', () => {
    for (let n = 1; n <= 40; n++) {
      const leaves = leavesOf(n);
      const tree = new MerkleTree(leaves);
      for (let m = 1; m <= n; m++) {
        const proof = tree.consistencyProof(m);
        expect([m, n, verifyConsistency(m, n, proof, tree.root(m), tree.root())]).toEqual([m, n, true]);
        expect([m, n, independentlyConsistent(m, n, proof, tree.root(m), tree.root())]).toEqual([m, n, true]);
        // an old tree whose leaf was rewritten is not a prefix of this one
        const rewritten = new MerkleTree(leaves.map((l, i) => (i === m - 1 ? flip(l) : l)));
        expect(verifyConsistency(m, n, proof, rewritten.root(m), tree.root())).toBe(false);
        expect(independentlyConsistent(m, n, proof, rewritten.root(m), tree.root())).toBe(false);
      }
    }
  });

  it('refuses truncation and insertion: a shorter or spliced log is not consistent with the tree it replaced', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 60 }), fc.integer({ min: 0, max: 59 }), (n, cut) => {
        const leaves = leavesOf(n);
        const before = new MerkleTree(leaves);
        const at = cut % n;
        const truncated = new MerkleTree(leaves.slice(0, at));
        expect(() => truncated.consistencyProof(n)).toThrow(RangeError); // it cannot even be asked
        const spliced = new MerkleTree([...leaves.slice(0, at), leafHash('inserted'), ...leaves.slice(at)]);
        const proof = spliced.consistencyProof(n);
        expect(verifyConsistency(n, n + 1, proof, before.root(), spliced.root())).toBe(false);
        expect(independentlyConsistent(n, n + 1, proof, before.root(), spliced.root())).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});
