import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { isKysoError } from '@kyso/core';
import { makeTestPdf } from '@kyso/testkit';
import { type PkiServer, startTestPki, tempDir } from '@kyso/testkit/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  addDocumentTimestamp,
  addValidationData,
  extendLevel,
  listSignatures,
  PdfDocument,
  readAll,
  signPdf,
} from '../src/index.js';
import { writeSignedFile } from '../src/node/index.js';
import { dssOf, expectPdfsigValid, online, save, signerOf, tsaOf } from './ltv-support.js';

// Test PKIs generate RSA keys (a 4096-bit root): slow under a loaded machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

let server: PkiServer;
let dir: { path: string; remove: () => Promise<void> };
/** A B-T file made while every service was up. */
let bt: Uint8Array;
let btPath: string;

beforeAll(async () => {
  server = await startTestPki({ include: ['lanh-dao-phong', 'revoked', 'tsa'] });
  dir = await tempDir('kyso-ltv-fail-');
  const signed = await signPdf(await makeTestPdf(), {
    signer: await signerOf(server, 'lanh-dao-phong'),
    level: 'B-T',
    tsa: tsaOf(server),
    revocation: online(),
  });
  bt = await readAll(signed.result);
  btPath = await save(dir.path, 'b-t.pdf', bt);
});
afterAll(async () => {
  await server?.close();
  await dir?.remove();
});
beforeEach(() => {
  server.outage.ocsp = 'none';
  server.outage.crl = 'none';
  server.outage.ca = 'none';
});

/** What the CLI does: write only what an LTV step returns. */
async function extendToFile(output: string, run: () => Promise<{ appended: Uint8Array }>): Promise<unknown> {
  try {
    const { appended } = await run();
    await writeSignedFile(btPath, appended, output);
    return undefined;
  } catch (error) {
    return error;
  }
}

describe('revocation that cannot be established', () => {
  it('is REVOCATION_UNAVAILABLE naming the certificates, with no output, when OCSP and CRL servers are down', async () => {
    server.outage.ocsp = 'unavailable';
    server.outage.crl = 'unavailable';
    const output = join(dir.path, 'down.pdf');
    const error = await extendToFile(output, () => extendLevel(bt, 'B-LT', { revocation: online() }));
    expect(isKysoError(error, 'REVOCATION_UNAVAILABLE')).toBe(true);
    const message = (error as Error).message;
    expect(message).toContain('Nguyễn Thị Hồng Hạnh');
    expect(message).toContain('HTTP 503');
    expect(existsSync(output)).toBe(false);
  });

  it('makes signPdf at B-LT fail after signing, returning nothing, when the pre-signing check was switched off', async () => {
    server.outage.ocsp = 'unavailable';
    server.outage.crl = 'unavailable';
    const error = await signPdf(await makeTestPdf(), {
      signer: await signerOf(server, 'lanh-dao-phong'),
      level: 'B-LT',
      tsa: tsaOf(server),
      revocation: { ...online(), mode: 'off' },
    }).catch((e: unknown) => e);
    expect(isKysoError(error, 'REVOCATION_UNAVAILABLE')).toBe(true);
  });

  it('is written anyway with allowIncomplete: the certificates go in, and the report lists what has no status', async () => {
    server.outage.ocsp = 'unavailable';
    server.outage.crl = 'unavailable';
    const r = await addValidationData(bt, { revocation: online(), allowIncomplete: true });
    expect(r.report.incomplete.map((s) => s.role).sort()).toEqual(['ca', 'signer', 'timestamp']);
    const { dss } = await dssOf(r.result);
    expect(dss.ocspResponses).toHaveLength(0);
    expect(dss.crls).toHaveLength(0);
    // signer, CA, root, TSA
    expect(dss.certificates).toHaveLength(4);
    await expectPdfsigValid(await save(dir.path, 'incomplete.pdf', r.result), 1);
  });

  it('falls back to the CRLs of the distribution points when only OCSP is down', async () => {
    server.outage.ocsp = 'unavailable';
    const r = await addValidationData(bt, { revocation: online() });
    expect(r.report.incomplete).toEqual([]);
    const { dss } = await dssOf(r.result);
    expect(dss.ocspResponses).toHaveLength(0);
    expect(dss.crls).toHaveLength(2);
    expect(r.report.certificates.filter((c) => c.status === 'good').map((c) => c.source)).toEqual([
      'crl',
      'crl',
      'crl',
    ]);
  });

  it('is refused as USAGE when revocation is off: validation data is revocation data', async () => {
    const error = await addValidationData(bt, { revocation: { mode: 'off' } }).catch((e: unknown) => e);
    expect(isKysoError(error, 'USAGE')).toBe(true);
  });

  it('stops with ABORTED when the caller cancels', async () => {
    const error = await addValidationData(bt, { revocation: online(), signal: AbortSignal.abort() }).catch(
      (e: unknown) => e,
    );
    expect(isKysoError(error, 'ABORTED')).toBe(true);
  });
});

describe('a revoked signer', () => {
  it('gets its revocation evidence written and reported as revoked, not refused', async () => {
    const signed = await signPdf(await makeTestPdf(), {
      signer: await signerOf(server, 'revoked'),
      level: 'B-B',
      revocation: { mode: 'off' },
    });
    const r = await addValidationData(signed.result, { revocation: online() });
    expect(r.report.certificates.find((c) => c.role === 'signer')).toMatchObject({
      status: 'revoked',
      source: 'ocsp',
    });
    expect(r.report.incomplete).toEqual([]);
    expect((await dssOf(r.result)).dss.ocspResponses.length).toBeGreaterThan(0);
  });
});

describe('document time-stamps', () => {
  it('refuse a token larger than the reserved capacity with SIGNATURE_TOO_LARGE and no output', async () => {
    const before = server.requests.tsa;
    const output = join(dir.path, 'too-small.pdf');
    const error = await extendToFile(output, () =>
      addDocumentTimestamp(bt, { tsa: tsaOf(server), capacity: 512 }),
    );
    expect(isKysoError(error, 'SIGNATURE_TOO_LARGE')).toBe(true);
    expect(existsSync(output)).toBe(false);
    // the TSA was asked: the token was real, only too large
    expect(server.requests.tsa).toBe(before + 1);

    const viaSign = await signPdf(await makeTestPdf(), {
      signer: await signerOf(server, 'lanh-dao-phong'),
      level: 'B-LTA',
      tsa: tsaOf(server),
      revocation: online(),
      documentTimestamp: { capacity: 512 },
    }).catch((e: unknown) => e);
    expect(isKysoError(viaSign, 'SIGNATURE_TOO_LARGE')).toBe(true);
  });

  it('fit the default capacity and are written as /DocTimeStamp in a new invisible field', async () => {
    const r = await addDocumentTimestamp(bt, { tsa: tsaOf(server) });
    const list = await listSignatures(await PdfDocument.open(r.result));
    const stamp = list.find((s) => s.type === 'DocTimeStamp')!;
    expect(stamp.field.name).toBe(r.fieldName);
    expect(stamp.field.widgets[0]?.dict.get('Rect')).toEqual([0, 0, 0, 0]);
    expect(r.tstInfo.hash).toBe('SHA-256');
  });

  it('B-LTA without a TSA is USAGE, before any request', async () => {
    const before = { ...server.requests };
    const error = await extendLevel(bt, 'B-LTA', { revocation: online() }).catch((e: unknown) => e);
    expect(isKysoError(error, 'USAGE')).toBe(true);
    expect(server.requests).toEqual(before);
  });
});
