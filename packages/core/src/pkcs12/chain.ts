import { equalBytes } from '../bytes/bytes.js';
import type { Certificate } from '../x509/certificate.js';
import { sameName } from '../x509/name.js';

/**
 * The certificates ordered leaf first: the leaf, its issuer, that one's issuer… found by name (and
 * key identifier, so that a look-alike CA with the same name is not taken), then every other
 * certificate in file order. Duplicates are dropped.
 */
export function orderChain(leaf: Certificate, others: readonly Certificate[]): Certificate[] {
  const rest: Certificate[] = [];
  for (const c of others) {
    if (!equalBytes(c.der, leaf.der) && !rest.some((r) => equalBytes(r.der, c.der))) rest.push(c);
  }
  const chain = [leaf];
  for (let at = leaf; !at.selfIssued; ) {
    const aki = at.authorityKeyId;
    const issuer = rest.find(
      (c) => sameName(c.subject, at.issuer) && (!aki || !c.subjectKeyId || equalBytes(aki, c.subjectKeyId)),
    );
    if (!issuer) break;
    chain.push(issuer);
    rest.splice(rest.indexOf(issuer), 1);
    at = issuer;
  }
  return [...chain, ...rest];
}
