import { certificateSha256, Pkcs12Signer } from '@kyso/core';
import { signedBytes, signPdf } from '@kyso/pdf';
import { makeTestPdf } from '@kyso/testkit';
import { type PkiServer, startTestPki } from '@kyso/testkit/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSignedStep } from '../src/app/step-check.js';
import type { AppError } from '../src/domain/errors.js';

let server: PkiServer;
let draft: Uint8Array;
const sha = (id: string) => certificateSha256(server.pki.get(id).certificate);

async function sign(bytes: Uint8Array, id: string) {
  const identity = server.pki.get(id);
  const signer = await Pkcs12Signer.open(await identity.toPkcs12(), identity.password);
  return signedBytes(await signPdf(bytes, { signer, revocation: { mode: 'off' } }));
}

const check = (previous: Uint8Array, signed: Uint8Array, id: string) =>
  checkSignedStep({
    previous,
    signed,
    signers: [sha(id)],
    who: id,
    anchors: [server.pki.get('root').certificate],
    lang: 'vi',
  });

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: AppError) => e.code ?? String(e),
  );

beforeAll(async () => {
  server = await startTestPki({ include: ['lanh-dao-phong', 'lanh-dao-van-phong'] });
  draft = await makeTestPdf({ title: 'Ke hoach 2025' });
});
afterAll(() => server.close());

describe('the server checks each signed step itself', () => {
  it('accepts an appended signature by the expected official, with OCSP online', async () => {
    const signed = await sign(draft, 'lanh-dao-phong');
    const report = await check(draft, signed, 'lanh-dao-phong');
    expect(report.status).toBe('valid');
    expect(report.signatures).toHaveLength(1);
    // the next step keeps the first signature valid
    const second = await sign(signed, 'lanh-dao-van-phong');
    expect((await check(signed, second, 'lanh-dao-van-phong')).signatures.map((s) => s.status)).toEqual([
      'valid',
      'valid',
    ]);
  });

  it('refuses a signature by someone else', async () => {
    const signed = await sign(draft, 'lanh-dao-van-phong');
    expect(await codeOf(check(draft, signed, 'lanh-dao-phong'))).toBe('SIGNATURE_MISSING');
  });

  it('refuses a file that does not start with the previous version', async () => {
    const signed = await sign(draft, 'lanh-dao-phong');
    const rewritten = signed.slice();
    rewritten[20]! ^= 1;
    expect(await codeOf(check(draft, rewritten, 'lanh-dao-phong'))).toBe('FILE_CHANGED');
    expect(await codeOf(check(draft, draft, 'lanh-dao-phong'))).toBe('FILE_CHANGED');
  });

  it('refuses a new signature that does not verify', async () => {
    const signed = await sign(draft, 'lanh-dao-phong');
    const broken = signed.slice();
    // a byte of the signature value near the end of /Contents' used part
    const text = new TextDecoder('latin1').decode(broken);
    // the RSA signature value is the last thing in the CMS, just before the zero padding
    const open = text.indexOf('<', text.lastIndexOf('/Contents'));
    const used = text.slice(open + 1, text.indexOf('>', open)).replace(/0+$/, '').length;
    const at = open + 1 + used - 20;
    expect(at).toBeGreaterThan(draft.length);
    broken[at]! = broken[at] === 0x41 ? 0x42 : 0x41;
    expect(await codeOf(check(draft, broken, 'lanh-dao-phong'))).toBe('CHAIN_BROKEN');
  });
});
