import { hmac } from '@noble/hashes/hmac.js';
import { sha1 } from '@noble/hashes/legacy.js';
import { sha256 } from '@noble/hashes/sha2.js';
import * as asn1js from 'asn1js';
import { toArrayBuffer } from '../encoding/bytes.js';
import { OID } from '../x509/oids.js';
import { bmpPassword, pkcs12Kdf } from './kdf.js';

export interface Pkcs12Options {
  password: string;
  /** PBKDF2 and MAC iterations (2048, OpenSSL's default). */
  iterations?: number;
  /** friendlyName of the key and its certificate. */
  friendlyName?: string;
  crypto: Crypto;
}

const octets = (bytes: Uint8Array) => new asn1js.OctetString({ valueHex: toArrayBuffer(bytes) });
const explicit0 = (value: asn1js.BaseBlock) =>
  new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 0 }, value: [value] });
const attribute = (type: string, value: asn1js.BaseBlock) =>
  new asn1js.Sequence({
    value: [new asn1js.ObjectIdentifier({ value: type }), new asn1js.Set({ value: [value] })],
  });

/** PBES2 with PBKDF2-HMAC-SHA256 and AES-256-CBC (RFC 8018), as OpenSSL 3 writes by default. */
async function pbes2Encrypt(
  password: string,
  plaintext: Uint8Array,
  iterations: number,
  crypto: Crypto,
): Promise<{ algorithm: asn1js.Sequence; ciphertext: Uint8Array }> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(16));
  const base = await crypto.subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, [
    'deriveKey',
  ]);
  const key = await crypto.subtle.deriveKey(
    { name: 'PBKDF2', salt, iterations, hash: 'SHA-256' },
    base,
    { name: 'AES-CBC', length: 256 },
    false,
    ['encrypt'],
  );
  const ciphertext = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-CBC', iv }, key, plaintext.slice()),
  );
  const algorithm = new asn1js.Sequence({
    value: [
      new asn1js.ObjectIdentifier({ value: OID.pbes2 }),
      new asn1js.Sequence({
        value: [
          new asn1js.Sequence({
            value: [
              new asn1js.ObjectIdentifier({ value: OID.pbkdf2 }),
              new asn1js.Sequence({
                value: [
                  octets(salt),
                  new asn1js.Integer({ value: iterations }),
                  new asn1js.Sequence({
                    value: [new asn1js.ObjectIdentifier({ value: OID.hmacWithSHA256 }), new asn1js.Null()],
                  }),
                ],
              }),
            ],
          }),
          new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: OID.aes256Cbc }), octets(iv)] }),
        ],
      }),
    ],
  });
  return { algorithm, ciphertext };
}

function der(block: asn1js.BaseBlock): Uint8Array {
  return new Uint8Array(block.toBER(false));
}

/**
 * A PKCS#12 file (RFC 7292) holding one private key and its certificate chain, leaf first:
 * certificates in a PBES2-encrypted SafeContents, the key in a pkcs8ShroudedKeyBag, an HMAC-SHA256
 * integrity MAC; localKeyId (SHA-1 of the leaf) ties key and certificate together, as OpenSSL does.
 */
export async function buildPkcs12(
  pkcs8: Uint8Array,
  chain: readonly Uint8Array[],
  options: Pkcs12Options,
): Promise<Uint8Array> {
  const { password, crypto } = options;
  const iterations = options.iterations ?? 2048;
  const leaf = chain[0];
  if (!leaf) throw new TypeError('A PKCS#12 file needs at least the leaf certificate');
  const localKeyId = attribute(OID.localKeyId, octets(sha1(leaf)));
  const leafAttributes = [localKeyId];
  if (options.friendlyName)
    leafAttributes.push(attribute(OID.friendlyName, new asn1js.BmpString({ value: options.friendlyName })));

  const certBags = chain.map(
    (cert, index) =>
      new asn1js.Sequence({
        value: [
          new asn1js.ObjectIdentifier({ value: OID.certBag }),
          explicit0(
            new asn1js.Sequence({
              value: [new asn1js.ObjectIdentifier({ value: OID.x509Certificate }), explicit0(octets(cert))],
            }),
          ),
          ...(index === 0 ? [new asn1js.Set({ value: leafAttributes })] : []),
        ],
      }),
  );
  const certs = await pbes2Encrypt(
    password,
    der(new asn1js.Sequence({ value: certBags })),
    iterations,
    crypto,
  );
  const encryptedCerts = new asn1js.Sequence({
    value: [
      new asn1js.ObjectIdentifier({ value: OID.encryptedData }),
      explicit0(
        new asn1js.Sequence({
          value: [
            new asn1js.Integer({ value: 0 }),
            new asn1js.Sequence({
              value: [
                new asn1js.ObjectIdentifier({ value: OID.data }),
                certs.algorithm,
                new asn1js.Primitive({
                  idBlock: { tagClass: 3, tagNumber: 0 },
                  valueHex: toArrayBuffer(certs.ciphertext),
                }),
              ],
            }),
          ],
        }),
      ),
    ],
  });

  const key = await pbes2Encrypt(password, pkcs8, iterations, crypto);
  const keyBag = new asn1js.Sequence({
    value: [
      new asn1js.ObjectIdentifier({ value: OID.pkcs8ShroudedKeyBag }),
      explicit0(new asn1js.Sequence({ value: [key.algorithm, octets(key.ciphertext)] })),
      new asn1js.Set({ value: leafAttributes }),
    ],
  });
  const keyContents = new asn1js.Sequence({
    value: [
      new asn1js.ObjectIdentifier({ value: OID.data }),
      explicit0(octets(der(new asn1js.Sequence({ value: [keyBag] })))),
    ],
  });

  const authSafe = der(new asn1js.Sequence({ value: [encryptedCerts, keyContents] }));
  const macSalt = crypto.getRandomValues(new Uint8Array(16));
  const macKey = pkcs12Kdf(bmpPassword(password), macSalt, iterations, 3, 32);
  const mac = hmac(sha256, macKey, authSafe);

  const pfx = new asn1js.Sequence({
    value: [
      new asn1js.Integer({ value: 3 }),
      new asn1js.Sequence({
        value: [new asn1js.ObjectIdentifier({ value: OID.data }), explicit0(octets(authSafe))],
      }),
      new asn1js.Sequence({
        value: [
          new asn1js.Sequence({
            value: [
              new asn1js.Sequence({
                value: [new asn1js.ObjectIdentifier({ value: OID.sha256 }), new asn1js.Null()],
              }),
              octets(mac),
            ],
          }),
          octets(macSalt),
          new asn1js.Integer({ value: iterations }),
        ],
      }),
    ],
  });
  return der(pfx);
}
