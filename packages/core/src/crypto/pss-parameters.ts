import { der } from '../asn1/index.js';
import { OID } from '../oids.js';
import { DIGEST_LENGTH, digestOid, type HashAlg } from './digest.js';

/**
 * RSASSA-PSS-params (RFC 8017 A.2.3) as kyso signs with them: the hash, MGF1 with the same hash and a
 * salt as long as the hash (RFC 8702 practice, what CMS verifiers expect); trailerField left at its
 * default. Hash identifiers carry NULL parameters, as OpenSSL writes them.
 *
 * RSASSA-PSS-params ::= SEQUENCE {
 *   hashAlgorithm [0] HashAlgorithm, maskGenAlgorithm [1] MaskGenAlgorithm, saltLength [2] INTEGER }
 */
export function encodePssParameters(hash: HashAlg): Uint8Array {
  const hashId = der.seq(der.oid(digestOid(hash)), der.nul());
  return der.seq(
    der.explicit(0, hashId),
    der.explicit(1, der.seq(der.oid(OID.mgf1), hashId)),
    der.explicit(2, der.int(DIGEST_LENGTH[hash])),
  );
}
