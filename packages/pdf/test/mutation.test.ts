import { isKysoError, Pkcs12Signer } from '@kyso/core';
import { createTestPki, makeTestPdf } from '@kyso/testkit';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { signedBytes, signPdf, verifyPdf } from '../src/index.js';

/**
 * Robustness (issue 5): thousands of mutated signed PDFs, seeded so a failure replays. Every one must
 * end in a report or a KysoError within a time bound — never a crash, never a hang — and no signature
 * whose signed bytes were changed may be reported valid.
 */
const RUNS = Number(process.env.KYSO_MUTATION_RUNS ?? 10_000);
const TIME_BOUND_MS = 5_000;

let original: Uint8Array;
let anchors: Uint8Array[];
let markers: number[];

beforeAll(async () => {
  const pki = await createTestPki({ include: ['signer-p256', 'lanh-dao-phong'] });
  let bytes = await makeTestPdf({
    fields: [{ type: 'text', name: 'so', rect: [72, 700, 272, 720], value: '12' }],
  });
  for (const id of ['signer-p256', 'lanh-dao-phong']) {
    const signer = await Pkcs12Signer.open(await pki.get(id).toPkcs12(), 'kyso-test');
    bytes = await signedBytes(await signPdf(bytes, { signer, revocation: { mode: 'off' } }));
  }
  original = bytes;
  anchors = [pki.get('root').certificate];
  // structure-heavy places, so mutations hit the parser and the checks, not just page content
  const text = new TextDecoder('latin1').decode(bytes);
  markers = [
    ...text.matchAll(
      /\/ByteRange|\/Contents|xref|trailer|startxref|%%EOF|obj|\/Root|\/AcroForm|\/Fields|\/V /g,
    ),
  ].map((m) => m.index);
  const base = await verifyPdf(original, { anchors, revocation: 'off' });
  expect(base.signatures.map((s) => s.status)).toEqual(['valid', 'valid']);
});

type Mutation =
  | { kind: 'set'; at: number; value: number }
  | { kind: 'fill'; at: number; length: number; value: number }
  | { kind: 'truncate'; length: number }
  | { kind: 'insert'; at: number; bytes: number[] }
  | { kind: 'delete'; at: number; length: number };

function mutationArb(size: number): fc.Arbitrary<Mutation[]> {
  const position = fc.oneof(
    { weight: 1, arbitrary: fc.integer({ min: 0, max: size - 1 }) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.constantFrom(...markers), fc.integer({ min: -8, max: 40 }))
        .map(([m, d]) => Math.min(size - 1, Math.max(0, m + d))),
    },
  );
  const byte = fc.oneof(
    fc.integer({ min: 0, max: 255 }),
    fc.constantFrom(...[...'0123456789 /<>[]()R\n%'].map((c) => c.charCodeAt(0))),
  );
  const one: fc.Arbitrary<Mutation> = fc.oneof(
    { weight: 6, arbitrary: fc.record({ kind: fc.constant('set' as const), at: position, value: byte }) },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('fill' as const),
        at: position,
        length: fc.integer({ min: 1, max: 64 }),
        value: byte,
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('truncate' as const),
        length: fc.integer({ min: 0, max: size }),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('insert' as const),
        at: position,
        bytes: fc.array(byte, { minLength: 1, maxLength: 16 }),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('delete' as const),
        at: position,
        length: fc.integer({ min: 1, max: 32 }),
      }),
    },
  );
  return fc.array(one, { minLength: 1, maxLength: 3 });
}

/** Applies mutations; returns the new bytes and, when every change was in place, the changed offsets. */
function apply(
  bytes: Uint8Array,
  mutations: Mutation[],
): { bytes: Uint8Array; changed: Set<number> | undefined } {
  let out = bytes.slice();
  let inPlace = true;
  for (const m of mutations) {
    if (m.kind === 'set') out[m.at] = m.value;
    else if (m.kind === 'fill') out.fill(m.value, m.at, Math.min(out.length, m.at + m.length));
    else {
      inPlace = false;
      if (m.kind === 'truncate') out = out.slice(0, m.length);
      else if (m.kind === 'insert')
        out = new Uint8Array([...out.subarray(0, m.at), ...m.bytes, ...out.subarray(m.at)]);
      else out = new Uint8Array([...out.subarray(0, m.at), ...out.subarray(m.at + m.length)]);
    }
  }
  if (!inPlace) return { bytes: out, changed: undefined };
  const changed = new Set<number>();
  for (let i = 0; i < out.length; i++) if (out[i] !== bytes[i]) changed.add(i);
  return { bytes: out, changed };
}

function covers(byteRange: number[], offset: number): boolean {
  for (let i = 0; i + 1 < byteRange.length; i += 2)
    if (offset >= byteRange[i]! && offset < byteRange[i]! + byteRange[i + 1]!) return true;
  return false;
}

describe('mutated signed PDFs', () => {
  it(`${RUNS} mutations: a report or a KysoError within ${TIME_BOUND_MS} ms, and no changed signed byte reported valid`, {
    timeout: 30 * 60_000,
  }, async () => {
    let slowest = 0;
    let reports = 0;
    let errors = 0;
    await fc.assert(
      fc.asyncProperty(mutationArb(original.length), async (mutations) => {
        const { bytes, changed } = apply(original, mutations);
        const started = performance.now();
        let timer: ReturnType<typeof setTimeout> | undefined;
        const timeout = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('time bound exceeded')), TIME_BOUND_MS);
        });
        try {
          const report = await Promise.race([verifyPdf(bytes, { anchors, revocation: 'off' }), timeout]);
          reports++;
          if (changed && changed.size > 0) {
            for (const s of report.signatures) {
              if (s.status !== 'valid') continue;
              for (const offset of changed) {
                if (covers(s.byteRange, offset))
                  throw new Error(`signature ${s.field} reported valid with byte ${offset} changed`);
              }
            }
          }
        } catch (error) {
          if (!isKysoError(error)) throw error;
          errors++;
        } finally {
          clearTimeout(timer);
          slowest = Math.max(slowest, performance.now() - started);
        }
      }),
      { numRuns: RUNS, seed: 20261128, endOnFailure: true },
    );
    console.info(`mutation run: ${reports} reports, ${errors} KysoErrors, slowest ${slowest.toFixed(0)} ms`);
    expect(reports + errors).toBe(RUNS);
  });
});
