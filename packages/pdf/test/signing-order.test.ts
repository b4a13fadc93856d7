import { isKysoError, Pkcs12Signer } from '@kyso/core';
import { createTestPki, makeTestPdf, type TestPki } from '@kyso/testkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { bytesSource, checkSigningOrder, signedBytes, signPdf } from '../src/index.js';

let pki: TestPki;
const off = { mode: 'off' as const };

async function sign(bytes: Uint8Array, id: string, allowOrganizationFirst = false) {
  const identity = pki.get(id);
  const signer = await Pkcs12Signer.open(await identity.toPkcs12(), identity.password);
  return signedBytes(
    await signPdf(bytes, { signer, revocation: off, signingOrder: { allowOrganizationFirst } }),
  );
}

const organization = () => pki.get('to-chuc').certificate;

async function refusal(bytes: Uint8Array, options: Parameters<typeof checkSigningOrder>[2] = {}) {
  try {
    await checkSigningOrder(bytesSource(bytes), organization(), options);
  } catch (error) {
    if (isKysoError(error)) return error.code;
    throw error;
  }
  return undefined;
}

let draft: Uint8Array;
let personal: Uint8Array;
beforeAll(async () => {
  pki = await createTestPki({ include: ['lanh-dao-phong', 'to-chuc', 'look-alike-root'] });
  draft = await makeTestPdf({ title: 'Quyet dinh so 12' });
  personal = await sign(draft, 'lanh-dao-phong');
});

describe('an organisation signs only after a person (ORGANIZATION_BEFORE_PERSONAL)', () => {
  it('is enforced by signPdf itself: no bytes come out', async () => {
    const error = await sign(draft, 'to-chuc').catch((e: unknown) => e);
    expect(isKysoError(error) && error.code).toBe('ORGANIZATION_BEFORE_PERSONAL');
    expect(await sign(personal, 'to-chuc')).toBeInstanceOf(Uint8Array);
  });

  it('refuses an unsigned document, unless organisation-first is allowed (digitised copies)', async () => {
    expect(await refusal(draft)).toBe('ORGANIZATION_BEFORE_PERSONAL');
    expect(await refusal(draft, { allowOrganizationFirst: true })).toBeUndefined();
  });

  it('accepts a document with an intact personal signature', async () => {
    expect(await refusal(personal)).toBeUndefined();
  });

  it('does not count an organisation signature as a personal one', async () => {
    const orgOnly = await sign(draft, 'to-chuc', true);
    expect(await refusal(orgOnly)).toBe('ORGANIZATION_BEFORE_PERSONAL');
  });

  it('does not count a personal signature whose signed bytes changed', async () => {
    const broken = personal.slice();
    // one byte of the binary comment on line 2: the file still parses, the signed digest changes
    broken[10]! ^= 0x01;
    expect(await refusal(broken)).toBe('ORGANIZATION_BEFORE_PERSONAL');
  });

  it('with anchors, counts only a personal signature whose path reaches one of them', async () => {
    expect(await refusal(personal, { anchors: [pki.get('root').certificate] })).toBeUndefined();
    expect(await refusal(personal, { anchors: [pki.get('look-alike-root').certificate] })).toBe(
      'ORGANIZATION_BEFORE_PERSONAL',
    );
  });

  it('lets a personal signer through without reading the document', async () => {
    const notAPdf = new TextEncoder().encode('not a pdf');
    await expect(
      checkSigningOrder(bytesSource(notAPdf), pki.get('lanh-dao-phong').certificate),
    ).resolves.toBeUndefined();
  });

  it('follows a configured rule', async () => {
    // Under a rule where only MNS makes an organisation, the MST certificate signs as a person.
    expect(
      await refusal(draft, { certificateKind: { organization: ['MNS'], personal: ['CCCD'] } }),
    ).toBeUndefined();
  });
});
