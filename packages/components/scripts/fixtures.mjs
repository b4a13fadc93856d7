// Fixture PDFs for the browser tests and Storybook, made fresh from testkit's throwaway PKI (never
// committed): a testkit TSA and OCSP responder run on the loopback while the files are signed, so the
// B-LT files carry their revocation data and verify offline in the browser ('embedded' revocation).
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Pkcs12Signer } from '@kyso/core';
import { signedBytes, signPdf } from '@kyso/pdf';
import { makeTestPdf } from '@kyso/testkit';
import { startTestPki } from '@kyso/testkit/node';

/** The approval chain of VN-PROFILE.md: three officials, then the organisation twice (number, seal). */
const CHAIN = ['lanh-dao-phong', 'lanh-dao-van-phong', 'lanh-dao-co-quan', 'to-chuc', 'to-chuc'];

/** Empty signature fields on page 1 (A4, points from the lower-left), one per step of the chain. */
const FIELDS = [
  { type: 'signature', name: 'LanhDaoPhong', rect: [60, 90, 220, 150] },
  { type: 'signature', name: 'LanhDaoVanPhong', rect: [230, 90, 390, 150] },
  { type: 'signature', name: 'LanhDaoCoQuan', rect: [400, 90, 560, 150] },
  { type: 'signature', name: 'SoVanBan', rect: [60, 740, 260, 770] },
  { type: 'signature', name: 'DauCoQuan', rect: [380, 160, 482, 262] },
];

/**
 * Makes every fixture: `{ name: bytes }`. About 10–20 s on a busy machine, most of it RSA key
 * generation for the PKI.
 * @returns {Promise<Record<string, Uint8Array>>}
 */
export async function makeFixtures() {
  const server = await startTestPki({ include: [...new Set(CHAIN), 'tsa'] });
  try {
    const { pki, urls } = server;
    const online = { mode: /** @type {const} */ ('online'), fetch: globalThis.fetch, timeoutMs: 10_000 };
    /** @param {Uint8Array} bytes @param {string} id @param {string} field @param {'B-B' | 'B-LT'} level */
    const sign = async (bytes, id, field, level) => {
      const identity = pki.get(id);
      const signer = await Pkcs12Signer.open(await identity.toPkcs12(), identity.password);
      const signed = await signPdf(bytes, {
        signer,
        field,
        level,
        reason: 'Phê duyệt',
        location: 'Thử Nghiệm',
        revocation: online,
        ...(level === 'B-LT' ? { tsa: { url: urls.tsa, fetch: globalThis.fetch } } : {}),
      });
      return signedBytes(signed);
    };

    const blank = await makeTestPdf({ pages: 3, title: 'Kyso fixture', fields: FIELDS });
    const valid = await sign(blank, CHAIN[0], FIELDS[0].name, 'B-LT');
    let three = valid;
    for (let i = 1; i < 3; i++) three = await sign(three, CHAIN[i], FIELDS[i].name, 'B-LT');
    let chain = three;
    for (let i = 3; i < CHAIN.length; i++) chain = await sign(chain, CHAIN[i], FIELDS[i].name, 'B-LT');
    // B-B with no revocation data: under 'embedded' revocation the status cannot be established
    const indeterminate = await sign(blank, CHAIN[0], FIELDS[0].name, 'B-B');

    // One byte of page content changed inside the signed range: the digest no longer matches.
    const tampered = valid.slice();
    const at = indexOf(tampered, 'Kyso fixture');
    if (at < 0) throw new Error('fixture: the page text to tamper with was not found');
    tampered[at] = 'k'.charCodeAt(0);

    // The viewer's geometry case: page 1 turned a quarter and cropped, page 2 upright.
    const rotated = await makeTestPdf({
      pages: 2,
      compress: false,
      title: 'Rotated',
      rotate: [90, 0],
      cropBox: [
        [50, 40, 545, 800],
        [0, 0, 595.28, 841.89],
      ],
      fields: [
        { type: 'signature', name: 'Turned', page: 0, rect: [300, 500, 420, 540] },
        { type: 'text', name: 'Marked', page: 0, rect: [300, 500, 420, 540], value: 'XXXXXXXX' },
        { type: 'signature', name: 'Upright', page: 1, rect: [72, 600, 272, 660] },
      ],
    });

    const enc = new TextEncoder();
    return {
      'unsigned.pdf': blank,
      'valid.pdf': valid,
      'three.pdf': three,
      'chain.pdf': chain,
      'indeterminate.pdf': indeterminate,
      'tampered.pdf': tampered,
      'rotated.pdf': rotated,
      'not-a-pdf.pdf': enc.encode('This is not a PDF file.\n'),
      'root.pem': enc.encode(pki.get('root').certificatePem),
    };
  } finally {
    await server.close();
  }
}

/** @param {Uint8Array} bytes @param {string} text */
function indexOf(bytes, text) {
  const needle = new TextEncoder().encode(text);
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** Writes the fixtures into `dir` (gitignored) for Storybook's static files. */
export async function writeFixtures(dir) {
  const files = await makeFixtures();
  await mkdir(dir, { recursive: true });
  for (const [name, bytes] of Object.entries(files)) await writeFile(join(dir, name), bytes);
  return Object.keys(files);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dir = resolve(process.argv[2] ?? '.fixtures');
  const started = performance.now();
  const names = await writeFixtures(dir);
  console.log(
    `fixtures: ${names.length} files in ${dir} (${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );
}
