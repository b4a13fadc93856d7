import type { NameSpec } from '../x509/name.js';
import type { PkiSpec } from './spec.js';

/**
 * The smallest useful hierarchy, built in about a second (no RSA CA keys): an EC P-256 root `root`
 * and one personal RSA-2048 signer `signer` under it. For tests and benches that need a key fast.
 */
export function oneSignerSpec(names: { root: NameSpec; signer: NameSpec }): PkiSpec {
  return {
    authorities: [{ id: 'root', subject: names.root, key: 'ec-p256' }],
    entities: [{ id: 'signer', issuer: 'root', profile: 'personal', key: 'rsa-2048', subject: names.signer }],
  };
}
