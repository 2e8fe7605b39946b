import { canonicalJson, contentJson, entryHash, GENESIS_HASH } from '../../ledger';
import { createHash } from 'node:crypto';

describe('canonicalJson', () => {
  it('sorts keys at every depth, keeps array order, drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null }, u: undefined })).toBe(
      '{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}',
    );
    expect(canonicalJson([undefined, 'x'])).toBe('[null,"x"]');
    expect(canonicalJson(new Date('2024-01-01T00:00:00Z'))).toBe('"2024-01-01T00:00:00.000Z"');
    expect(canonicalJson('é\n"')).toBe(JSON.stringify('é\n"'));
  });

  it('refuses what JSON cannot carry faithfully', () => {
    expect(() => canonicalJson({ x: Number.POSITIVE_INFINITY })).toThrow(TypeError);
    expect(() => canonicalJson({ x: 1n })).toThrow(TypeError);
    expect(() => canonicalJson({ x: () => 1 })).toThrow(TypeError);
  });
});

describe('entry hash', () => {
  it('is sha256 hex of prev_hash followed by the canonical content', () => {
    const content = {
      inspectionId: 'i',
      seq: 1,
      kind: 'k',
      at: '2024-01-01T00:00:00.000Z',
      actor: 'a',
      role: 'r',
      data: { b: 1, a: 2 },
      source: null,
    };
    expect(contentJson(content)).toBe(
      '{"actor":"a","at":"2024-01-01T00:00:00.000Z","data":{"a":2,"b":1},"inspectionId":"i","kind":"k","role":"r","seq":1,"source":null}',
    );
    expect(entryHash(GENESIS_HASH, content)).toBe(
      createHash('sha256').update(GENESIS_HASH + contentJson(content)).digest('hex'),
    );
    expect(GENESIS_HASH).toBe('0'.repeat(64));
  });
});
