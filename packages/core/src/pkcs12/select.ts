import { equalBytes } from '../bytes/bytes.js';
import { KysoError } from '../errors/kyso-error.js';
import { type Certificate, parseCertificate } from '../x509/certificate.js';
import type { BagAttributes } from './attributes.js';
import { orderChain } from './chain.js';
import { invalidPkcs12 } from './errors.js';
import { matchesPublicKey, type PrivateKeyInfo } from './private-key-info.js';
import type { Pkcs12Bags } from './safe-contents.js';

/** A signing identity from a PKCS#12 file: a private key, its certificate and the chain. */
export interface Pkcs12Contents {
  /** PKCS#8 PrivateKeyInfo DER (unencrypted: keep it in memory only as long as needed). */
  privateKeyPkcs8: Uint8Array;
  /** The key's certificate, DER. */
  certificate: Uint8Array;
  /** DER certificates leaf first: the certificate, its issuers as found, then any others. */
  chain: Uint8Array[];
  /** The friendlyName of the key (or of its certificate), as Windows shows it. */
  friendlyName?: string;
  /** The localKeyId that ties key and certificate together, when the file has one. */
  localKeyId?: Uint8Array;
}

interface Candidate {
  cert: Certificate;
  attributes: BagAttributes;
}

const sameId = (a: BagAttributes, b: BagAttributes) =>
  a.localKeyId !== undefined && b.localKeyId !== undefined && equalBytes(a.localKeyId, b.localKeyId);

/**
 * The certificates of `key`: those with its public key; by localKeyId alone only for key types kyso
 * cannot compare. A renewed certificate may share a key with the old one: the one the file ties to
 * the key by localKeyId wins, then the most recent.
 */
function certificatesOf(key: PrivateKeyInfo, attributes: BagAttributes, certs: Candidate[]): Candidate[] {
  const matches = certs.filter((c) => {
    const m = matchesPublicKey(key, c.cert.publicKey);
    return m === undefined ? sameId(attributes, c.attributes) : m;
  });
  return matches.sort(
    (a, b) =>
      Number(sameId(attributes, b.attributes)) - Number(sameId(attributes, a.attributes)) ||
      b.cert.notBefore.getTime() - a.cert.notBefore.getTime(),
  );
}

/** Picks the first private key that has a certificate in the file, and builds its chain. */
export function selectIdentity(bags: Pkcs12Bags): Pkcs12Contents {
  if (bags.keys.length === 0) throw new KysoError('NO_PRIVATE_KEY');
  const certs: Candidate[] = bags.certificates.map((c) => ({
    cert: parseCertificate(c.der),
    attributes: c.attributes,
  }));
  for (const { key, attributes } of bags.keys) {
    const [best] = certificatesOf(key, attributes, certs);
    if (!best) continue;
    const chain = orderChain(
      best.cert,
      certs.map((c) => c.cert),
    ).map((c) => c.der);
    const friendlyName = attributes.friendlyName ?? best.attributes.friendlyName;
    const localKeyId = attributes.localKeyId ?? best.attributes.localKeyId;
    return {
      privateKeyPkcs8: key.der.slice(),
      certificate: best.cert.der,
      chain,
      ...(friendlyName !== undefined ? { friendlyName } : {}),
      ...(localKeyId !== undefined ? { localKeyId: localKeyId.slice() } : {}),
    };
  }
  throw invalidPkcs12(
    certs.length === 0
      ? 'the file holds a private key but no certificate'
      : 'no certificate in the file belongs to its private key',
  );
}
