import type * as pkijs from 'pkijs';
import {
  authorityInfoAccess,
  authorityKeyIdentifier,
  basicConstraints,
  certificatePolicies,
  crlDistributionPoints,
  extKeyUsage,
  type KeyUsageName,
  keyUsage,
  ocspNoCheck,
  subjectKeyIdentifier,
} from '../x509/extensions.js';
import { OID } from '../x509/oids.js';
import type { AuthoritySpec, EntitySpec } from './spec.js';

/** Where a certificate's AIA and CRL distribution point lead (testkit's servers). */
export interface IssuerUrls {
  ocsp?: string;
  caIssuers?: string;
  crl?: string;
}

interface KeyIds {
  subject: Uint8Array;
  /** Absent for a self-signed certificate. */
  authority?: Uint8Array;
}

function issuerLinks(urls: IssuerUrls, withOcsp: boolean): pkijs.Extension[] {
  const out: pkijs.Extension[] = [];
  const ocsp = withOcsp ? urls.ocsp : undefined;
  if (ocsp || urls.caIssuers) {
    out.push(
      authorityInfoAccess({
        ...(ocsp ? { ocsp } : {}),
        ...(urls.caIssuers ? { caIssuers: urls.caIssuers } : {}),
      }),
    );
  }
  if (urls.crl) out.push(crlDistributionPoints(urls.crl));
  return out;
}

export function authorityExtensions(spec: AuthoritySpec, ids: KeyIds, urls: IssuerUrls): pkijs.Extension[] {
  const out = [
    basicConstraints(true, spec.pathLength),
    keyUsage(['keyCertSign', 'cRLSign']),
    subjectKeyIdentifier(ids.subject),
  ];
  if (ids.authority) {
    out.push(
      authorityKeyIdentifier(ids.authority),
      ...issuerLinks(urls, true),
      certificatePolicies([OID.testCertificatePolicy]),
    );
  }
  return out;
}

const SIGNING_USAGE: readonly KeyUsageName[] = ['digitalSignature', 'nonRepudiation'];

export function entityExtensions(spec: EntitySpec, ids: KeyIds, urls: IssuerUrls): pkijs.Extension[] {
  const out = [basicConstraints(false), subjectKeyIdentifier(ids.subject)];
  if (ids.authority) out.push(authorityKeyIdentifier(ids.authority));
  switch (spec.profile) {
    case 'personal':
    case 'organization':
      out.push(
        keyUsage(spec.keyUsage ?? SIGNING_USAGE),
        extKeyUsage(
          spec.extKeyUsage ?? [OID.kpEmailProtection, OID.kpClientAuth, OID.kpDocumentSigning],
          false,
        ),
        ...issuerLinks(urls, true),
      );
      break;
    case 'ocsp':
      // RFC 6960 §4.2.2.2: a delegated responder; ocsp-nocheck, so its own status is not asked.
      out.push(
        keyUsage(spec.keyUsage ?? ['digitalSignature']),
        extKeyUsage(spec.extKeyUsage ?? [OID.kpOcspSigning], false),
        ocspNoCheck(),
        ...issuerLinks(urls, false),
      );
      break;
    case 'tsa':
      // RFC 3161 §2.3: id-kp-timeStamping, alone and critical.
      out.push(
        keyUsage(spec.keyUsage ?? SIGNING_USAGE),
        extKeyUsage(spec.extKeyUsage ?? [OID.kpTimeStamping], true),
        ...issuerLinks(urls, true),
      );
      break;
  }
  out.push(certificatePolicies([OID.testCertificatePolicy]));
  return out;
}
