import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fromPem, isKysoError, toHex } from '@kyso/core';
import { openssl, tempDir } from '@kyso/testkit/node';
import { sha1 } from '@noble/hashes/legacy.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aesCbcDecryptPdf, aesCbcDecryptStrict } from '../src/encryption/aes.js';
import { readCryptFilters } from '../src/encryption/crypt-filters.js';
import { PdfDecryptor } from '../src/encryption/decryptor.js';
import { objectKey } from '../src/encryption/object-key.js';
import type { PdfRecipient } from '../src/encryption/options.js';
import { legacyPasswordBytes, unicodePasswordBytes } from '../src/encryption/password.js';
import { publicKeyFileKey } from '../src/encryption/public-key-handler.js';
import { rc4 } from '../src/encryption/rc4.js';
import { recipientSeed } from '../src/encryption/recipient-key.js';
import { rsaDecryptOaep, rsaDecryptPkcs1 } from '../src/encryption/rsa-decrypt.js';
import { readRsaPrivateKey } from '../src/encryption/rsa-private-key.js';
import { name, PdfDict, type PdfObject, PdfStream, PdfString } from '../src/index.js';

const text = (s: string) => new TextEncoder().encode(s);
const resolve = async (o: PdfObject | undefined): Promise<PdfObject> => o ?? null;

describe('ciphers and passwords', () => {
  it('RC4 gives the published test vectors, and is its own inverse', () => {
    expect(toHex(rc4(text('Key'), text('Plaintext'))).toUpperCase()).toBe('BBF316E8D940AF0AD3');
    expect(toHex(rc4(text('Wiki'), text('pedia'))).toUpperCase()).toBe('1021BF0420');
    expect(toHex(rc4(text('Secret'), text('Attack at dawn'))).toUpperCase()).toBe(
      '45A01F645FC35B383552544B9BF5',
    );
    const data = text('a longer message, to go round the state more than once '.repeat(20));
    expect(rc4(text('k'), rc4(text('k'), data))).toEqual(data);
  });

  it('AES: PDF strings decrypt leniently, envelopes strictly', async () => {
    const key = new Uint8Array(16).fill(7);
    const iv = new Uint8Array(16).fill(9);
    const { cbc } = await import('@noble/ciphers/aes.js');
    const sealed = cbc(key, iv).encrypt(text('Nguyễn Văn A'));
    const pdf = new Uint8Array([...iv, ...sealed]);
    expect(new TextDecoder().decode(aesCbcDecryptPdf(key, pdf))).toBe('Nguyễn Văn A');
    // too short to hold an IV and a block: nothing, not an exception
    expect(aesCbcDecryptPdf(key, pdf.subarray(0, 20))).toHaveLength(0);
    expect(aesCbcDecryptStrict(key, iv, sealed)).toEqual(text('Nguyễn Văn A'));
    expect(aesCbcDecryptStrict(new Uint8Array(16), iv, sealed)).toBeUndefined();
  });

  it('passwords: PDFDocEncoding up to 32 bytes for R2–R4, UTF-8 (NFKC) up to 127 bytes for R5/R6', () => {
    expect(legacyPasswordBytes('ab€•')).toEqual(Uint8Array.of(0x61, 0x62, 0xa0, 0x80));
    expect(legacyPasswordBytes('ệ')).toEqual(Uint8Array.of(0x3f));
    expect(legacyPasswordBytes('x'.repeat(40))).toHaveLength(32);
    // a decomposed "ệ" is composed before hashing, as SASLprep would
    expect(unicodePasswordBytes('e\u0323\u0302')).toEqual(text('ệ'));
    expect(unicodePasswordBytes('ệ'.repeat(50))).toHaveLength(127);
  });

  it('algorithm 1: MD5 of key, object number and generation ("sAlT" for AES), cut to n + 5 bytes', () => {
    const key = Uint8Array.of(1, 2, 3, 4, 5);
    expect(objectKey(key, 7, 0, false)).toHaveLength(10);
    expect(objectKey(new Uint8Array(16), 7, 0, false)).toHaveLength(16);
    expect(objectKey(key, 7, 0, true)).not.toEqual(objectKey(key, 7, 0, false));
    expect(objectKey(key, 7, 1, false)).not.toEqual(objectKey(key, 7, 0, false));
  });
});

describe('the decryptor leaves alone what the standard leaves in the clear', () => {
  const fileKey = Uint8Array.of(9, 8, 7, 6, 5);
  const filters = readCryptFilters(new PdfDict([['V', 2]]), new Map());
  const decryptor = new PdfDecryptor(fileKey, filters, false, 3);
  const sealed = (plain: string, num: number) => rc4(objectKey(fileKey, num, 0, false), text(plain));

  it('decrypts strings but not a signature dictionary’s /Contents', () => {
    const sig = new PdfDict([
      ['Type', name('Sig')],
      ['Contents', new PdfString(Uint8Array.of(0x30, 0x82, 0x01))],
      ['M', new PdfString(sealed('D:20250101000000Z', 12))],
    ]);
    const field = new PdfDict([
      ['T', new PdfString(sealed('ky', 12))],
      ['V', sig],
      ['Kids', [new PdfString(sealed('in an array', 12))]],
    ]);
    decryptor.objectStrings(field, 12, 0);
    expect((sig.get('Contents') as PdfString).bytes).toEqual(Uint8Array.of(0x30, 0x82, 0x01));
    expect(new TextDecoder().decode((sig.get('M') as PdfString).bytes)).toBe('D:20250101000000Z');
    expect(new TextDecoder().decode((field.get('T') as PdfString).bytes)).toBe('ky');
    expect(new TextDecoder().decode(((field.get('Kids') as PdfObject[])[0] as PdfString).bytes)).toBe(
      'in an array',
    );
  });

  it('never touches the /Encrypt object or cross-reference streams', () => {
    const o = new PdfDict([['O', new PdfString(Uint8Array.of(1, 2, 3))]]);
    decryptor.objectStrings(o, 3, 0);
    expect((o.get('O') as PdfString).bytes).toEqual(Uint8Array.of(1, 2, 3));
    const xref = new PdfStream(new PdfDict([['Type', name('XRef')]]), new Uint8Array(0));
    expect(decryptor.streamData(xref, Uint8Array.of(1, 2), 20, 0).data).toEqual(Uint8Array.of(1, 2));
  });

  it('leaves XMP in the clear when /EncryptMetadata is false, and decrypts it otherwise', () => {
    const xmp = new PdfStream(new PdfDict([['Type', name('Metadata')]]), new Uint8Array(0));
    expect(decryptor.streamData(xmp, text('<x:xmpmeta/>'), 30, 0).data).toEqual(text('<x:xmpmeta/>'));
    const encrypting = new PdfDecryptor(fileKey, filters, true, 3);
    expect(encrypting.streamData(xmp, sealed('<x:xmpmeta/>', 30), 30, 0).data).toEqual(text('<x:xmpmeta/>'));
  });

  it('honours a stream’s own /Crypt filter and drops it from the decode chain', () => {
    const v4 = new PdfDict([
      ['V', 4],
      ['StmF', name('StdCF')],
      ['StrF', name('StdCF')],
    ]);
    const withCf = new PdfDecryptor(
      fileKey,
      readCryptFilters(v4, new Map([['StdCF', new PdfDict([['CFM', name('V2')]])]])),
      true,
      undefined,
    );
    const dict = new PdfDict([
      ['Filter', [name('Crypt'), name('FlateDecode')]],
      ['DecodeParms', [new PdfDict([['Name', name('Identity')]]), null]],
    ]);
    const out = withCf.streamData(new PdfStream(dict, new Uint8Array(0)), text('clear'), 40, 0);
    expect(out.data).toEqual(text('clear'));
    expect(out.dict.get('Filter')).toEqual([name('FlateDecode')]);
    expect(out.dict.get('DecodeParms')).toEqual([null]);
    // without its own filter, the stream default (RC4) applies
    const plain = withCf.streamData(
      new PdfStream(new PdfDict(), new Uint8Array(0)),
      sealed('data', 41),
      41,
      0,
    );
    expect(plain.data).toEqual(text('data'));
  });

  it('an unknown crypt filter method is ENCRYPTED_PDF', () => {
    const v4 = new PdfDict([
      ['V', 4],
      ['StmF', name('X')],
    ]);
    let error: unknown;
    try {
      readCryptFilters(v4, new Map([['X', new PdfDict([['CFM', name('None')]])]]));
    } catch (e) {
      error = e;
    }
    expect(isKysoError(error, 'ENCRYPTED_PDF')).toBe(true);
  });
});

describe('public-key recipients (CMS EnvelopedData made by openssl cms)', () => {
  let dir: { path: string; remove: () => Promise<void> };
  let me: PdfRecipient;
  let other: PdfRecipient;
  const content = Uint8Array.from({ length: 24 }, (_, i) => i * 7 + 1);

  async function identity(tag: string): Promise<PdfRecipient> {
    const key = join(dir.path, `${tag}.key.pem`);
    const cert = join(dir.path, `${tag}.cert.pem`);
    const r = await openssl(
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert].concat([
        '-subj',
        `/CN=${tag}`,
        '-days',
        '2',
      ]),
    );
    expect(r.code, r.stderr).toBe(0);
    const der = await openssl(['pkcs8', '-topk8', '-nocrypt', '-in', key, '-outform', 'DER']);
    expect(der.code, der.stderr).toBe(0);
    return {
      certificate: fromPem(await readFile(cert, 'utf8'), 'CERTIFICATE')[0]!,
      privateKeyPkcs8: der.output,
    };
  }

  async function envelope(args: string[]): Promise<Uint8Array> {
    const r = await openssl(['cms', '-encrypt', '-binary', '-outform', 'DER', ...args], { input: content });
    expect(r.code, r.stderr).toBe(0);
    return r.output;
  }

  beforeAll(async () => {
    dir = await tempDir('kyso-recipients-');
    me = await identity('me');
    other = await identity('other');
  });

  afterAll(async () => {
    await dir?.remove();
  });

  const certPath = () => join(dir.path, 'me.cert.pem');

  it('RSA PKCS#1 v1.5 and OAEP decrypt what openssl encrypts', async () => {
    const key = readRsaPrivateKey(me.privateKeyPkcs8);
    const pub = join(dir.path, 'me.pub.pem');
    expect((await openssl(['x509', '-in', certPath(), '-pubkey', '-noout', '-out', pub])).code).toBe(0);
    const pkcs1 = await openssl(['pkeyutl', '-encrypt', '-pubin', '-inkey', pub], { input: content });
    expect(rsaDecryptPkcs1(key, pkcs1.output)).toEqual(content);
    const oaep = await openssl(
      ['pkeyutl', '-encrypt', '-pubin', '-inkey', pub, '-pkeyopt', 'rsa_padding_mode:oaep'].concat([
        '-pkeyopt',
        'rsa_oaep_md:sha256',
      ]),
      { input: content },
    );
    expect(rsaDecryptOaep(key, oaep.output, 'SHA-256', 'SHA-256')).toEqual(content);
    expect(rsaDecryptOaep(key, oaep.output, 'SHA-1', 'SHA-1')).toBeUndefined();
    // the other key does not decrypt it
    expect(rsaDecryptPkcs1(readRsaPrivateKey(other.privateKeyPkcs8), pkcs1.output)).toBeUndefined();
  });

  it('opens envelopes by issuer and serial or by key identifier, with PKCS#1 or OAEP, AES-128/256', async () => {
    const cases = [
      ['-aes256', certPath()],
      ['-aes128', '-keyid', certPath()],
      ['-aes256', '-recip', certPath(), '-keyopt', 'rsa_padding_mode:oaep', '-keyopt', 'rsa_oaep_md:sha256'],
    ];
    for (const args of cases) {
      const env = await envelope(args);
      expect(recipientSeed([env], me), args.join(' ')).toEqual(content.subarray(0, 20));
      expect(recipientSeed([env], other), args.join(' ')).toBeUndefined();
    }
  });

  it('refuses triple-DES envelopes as unsupported (ENCRYPTED_PDF), not as a wrong key', async () => {
    const env = await envelope(['-des3', certPath()]);
    let error: unknown;
    try {
      recipientSeed([env], me);
    } catch (e) {
      error = e;
    }
    expect(isKysoError(error, 'ENCRYPTED_PDF')).toBe(true);
  });

  it('derives the file key from the seed and every recipient (§7.6.5.2)', async () => {
    const env = await envelope(['-aes256', certPath()]);
    const otherEnv = await envelope(['-aes256', join(dir.path, 'other.cert.pem')]);
    const seed = content.subarray(0, 20);
    const recipients = [new PdfString(otherEnv), new PdfString(env)];

    // adbe.pkcs7.s5, AES-256: SHA-256 over seed and recipients, the whole digest
    const cf = new PdfDict([
      ['CFM', name('AESV3')],
      ['Recipients', recipients],
    ]);
    const s5 = new PdfDict([
      ['Filter', name('Adobe.PubSec')],
      ['SubFilter', name('adbe.pkcs7.s5')],
      ['V', 5],
      ['StmF', name('DefaultCryptFilter')],
      ['StrF', name('DefaultCryptFilter')],
    ]);
    const f5 = readCryptFilters(s5, new Map([['DefaultCryptFilter', cf]]));
    const key5 = await publicKeyFileKey(s5, f5, true, resolve, me);
    expect(key5).toEqual(sha256(new Uint8Array([...seed, ...otherEnv, ...env])));
    const clearMeta = await publicKeyFileKey(s5, f5, false, resolve, me);
    expect(clearMeta).toEqual(sha256(new Uint8Array([...seed, ...otherEnv, ...env, 0xff, 0xff, 0xff, 0xff])));

    // adbe.pkcs7.s4, RC4 128: SHA-1 over the same, cut to /Length
    const s4 = new PdfDict([
      ['Filter', name('Adobe.PubSec')],
      ['SubFilter', name('adbe.pkcs7.s4')],
      ['V', 2],
      ['Length', 128],
      ['Recipients', recipients],
    ]);
    const key4 = await publicKeyFileKey(s4, readCryptFilters(s4, new Map()), true, resolve, me);
    expect(key4).toEqual(sha1(new Uint8Array([...seed, ...otherEnv, ...env])).subarray(0, 16));

    // not a recipient, or none given
    const onlyMe = new PdfDict([
      ['CFM', name('AESV3')],
      ['Recipients', [new PdfString(env)]],
    ]);
    const fMe = readCryptFilters(s5, new Map([['DefaultCryptFilter', onlyMe]]));
    expect(await publicKeyFileKey(s5, fMe, true, resolve, me)).toEqual(
      sha256(new Uint8Array([...seed, ...env])),
    );
    for (const who of [other, undefined]) {
      let error: unknown;
      try {
        await publicKeyFileKey(s5, fMe, true, resolve, who);
      } catch (e) {
        error = e;
      }
      expect(isKysoError(error, 'NOT_A_RECIPIENT')).toBe(true);
    }
  });
});
