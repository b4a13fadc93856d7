import { KysoError } from '@kyso/core';
import { type Cidr, embeddedIpv4, formatIp, type IpBytes, inCidr, parseCidr, parseIp } from './ip-address.js';

/** Which addresses the service may connect to on a client's behalf (the revocation fetcher). */
export interface NetworkPolicyOptions {
  /**
   * Loopback, private (RFC 1918), link-local, shared (CGNAT, RFC 6598) and unique-local (fc00::/7)
   * addresses become reachable: for OCSP and CRL servers on an internal network, and tests. The
   * unspecified address, multicast, broadcast and other reserved ranges stay refused.
   */
  allowPrivateNetworks?: boolean;
  /** CIDR blocks (or single addresses) reachable whatever range they fall in, e.g. `['127.0.0.1/32']`. */
  allowNetworks?: readonly string[];
}

interface Range {
  cidr: Cidr;
  what: string;
  /** Lifted by allowPrivateNetworks; the others only by an explicit allowNetworks entry. */
  internal: boolean;
}

function ranges(list: [string, string, boolean][]): Range[] {
  return list.map(([text, what, internal]) => ({ cidr: parseCidr(text)!, what, internal }));
}

/** Special-purpose ranges (RFC 6890 and its updates) no fetch of a client's choosing should reach. */
const REFUSED: readonly Range[] = ranges([
  ['0.0.0.0/8', 'the unspecified network', false],
  ['10.0.0.0/8', 'a private network', true],
  ['100.64.0.0/10', 'the shared (CGNAT) network', true],
  ['127.0.0.0/8', 'loopback', true],
  ['169.254.0.0/16', 'link-local', true],
  ['172.16.0.0/12', 'a private network', true],
  ['192.0.0.0/24', 'IETF protocol assignments', false],
  ['192.0.2.0/24', 'documentation', false],
  ['192.88.99.0/24', 'the 6to4 relay', false],
  ['192.168.0.0/16', 'a private network', true],
  ['198.18.0.0/15', 'benchmarking', false],
  ['198.51.100.0/24', 'documentation', false],
  ['203.0.113.0/24', 'documentation', false],
  ['224.0.0.0/4', 'multicast', false],
  // 240/4 holds the limited broadcast address, 255.255.255.255
  ['240.0.0.0/4', 'reserved or broadcast', false],
  ['::/128', 'the unspecified address', false],
  ['::1/128', 'loopback', true],
  ['100::/64', 'discard-only', false],
  ['2001:db8::/32', 'documentation', false],
  ['fc00::/7', 'a unique-local network', true],
  ['fe80::/10', 'link-local', true],
  ['fec0::/10', 'site-local', true],
  ['ff00::/8', 'multicast', false],
]);

export interface NetworkPolicy {
  /** Why the service may not connect to `address`, or undefined when it may. */
  refusal(address: string): string | undefined;
}

export function networkPolicy(options: NetworkPolicyOptions = {}): NetworkPolicy {
  const allowed = (options.allowNetworks ?? []).map((text) => {
    const cidr = parseCidr(text);
    if (!cidr)
      throw new KysoError('USAGE', { params: { detail: `allowNetworks: "${text}" is not a CIDR block` } });
    return cidr;
  });
  /** The refused range `bytes` falls in, if any. */
  const refusedRange = (bytes: IpBytes): Range | undefined => {
    if (allowed.some((cidr) => inCidr(bytes, cidr))) return undefined;
    const range = REFUSED.find((r) => inCidr(bytes, r.cidr));
    return range && !(range.internal && options.allowPrivateNetworks) ? range : undefined;
  };
  const says = (range: Range) => `${range.what} (${range.cidr.text})`;
  return {
    refusal(address) {
      const bytes = parseIp(address);
      if (!bytes) return `${address} is not an IP address`;
      const inner = embeddedIpv4(bytes);
      // an address that carries an IPv4 one is judged as that one too: ::ffff:127.0.0.1 is loopback
      if (inner) {
        const range = refusedRange(inner);
        if (range) return `${address} is ${formatIp(inner)}, ${says(range)}`;
        // mapped and compatible forms are that IPv4 address; NAT64 and 6to4 are checked as IPv6 too
        if (bytes.subarray(0, 10).every((b) => b === 0)) return undefined;
      }
      const range = refusedRange(bytes);
      return range ? `${address} is ${says(range)}` : undefined;
    },
  };
}
