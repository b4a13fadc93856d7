import type { NameSpec } from '../x509/name.js';
import type { PkiSpec } from './spec.js';

/**
 * The smallest useful hierarchy, built in about a second (no RSA CA keys): an EC P-256 root `root`
 * and one personal RSA-2048 signer `signer` under it — and, when named, an EC P-256 time-stamping
 * unit `tsa` under the same root, so a B-T/B-LT test needs one anchor and one set of servers.
 */
export function oneSignerSpec(names: { root: NameSpec; signer: NameSpec; tsa?: NameSpec }): PkiSpec {
  return {
    authorities: [{ id: 'root', subject: names.root, key: 'ec-p256' }],
    entities: [
      { id: 'signer', issuer: 'root', profile: 'personal', key: 'rsa-2048', subject: names.signer },
      ...(names.tsa
        ? [
            {
              id: 'tsa',
              issuer: 'root',
              profile: 'tsa' as const,
              key: 'ec-p256' as const,
              subject: names.tsa,
            },
          ]
        : []),
    ],
  };
}
