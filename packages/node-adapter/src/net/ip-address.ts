import { isIPv4, isIPv6 } from 'node:net';

/** An address as its bytes (4 or 16), so ranges are compared bit by bit rather than as text. */
export type IpBytes = Uint8Array;

function parseIpv4(text: string): IpBytes | undefined {
  if (!isIPv4(text)) return undefined;
  return Uint8Array.from(text.split('.').map(Number));
}

function parseIpv6(text: string): IpBytes | undefined {
  // a zone (fe80::1%eth0) names an interface, not part of the address
  const bare = text.replace(/%.*$/, '');
  if (!isIPv6(bare)) return undefined;
  let head = bare;
  // a trailing dotted quad (::ffff:127.0.0.1) is the last two groups written in IPv4 style
  const dotted = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(bare);
  if (dotted) {
    const v4 = parseIpv4(dotted[2]!);
    if (!v4) return undefined;
    head = `${dotted[1]}${((v4[0]! << 8) | v4[1]!).toString(16)}:${((v4[2]! << 8) | v4[3]!).toString(16)}`;
  }
  const [left = '', right] = head.split('::') as [string, string | undefined];
  const groups = (part: string) => (part === '' ? [] : part.split(':').map((g) => Number.parseInt(g, 16)));
  const l = groups(left);
  const r = right === undefined ? [] : groups(right);
  const fill = right === undefined ? 0 : 8 - l.length - r.length;
  const all = [...l, ...new Array<number>(fill).fill(0), ...r];
  if (all.length !== 8 || all.some((g) => !(g >= 0 && g <= 0xffff))) return undefined;
  const out = new Uint8Array(16);
  all.forEach((g, i) => {
    out[i * 2] = g >> 8;
    out[i * 2 + 1] = g & 0xff;
  });
  return out;
}

/** The bytes of an IPv4 or IPv6 literal (brackets allowed, as URL hostnames have them); undefined otherwise. */
export function parseIp(text: string): IpBytes | undefined {
  const bare = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  return parseIpv4(bare) ?? parseIpv6(bare);
}

/** For messages: dotted IPv4, or IPv6 as eight uncompressed groups. */
export function formatIp(bytes: IpBytes): string {
  if (bytes.length === 4) return bytes.join('.');
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(((bytes[i]! << 8) | bytes[i + 1]!).toString(16));
  return groups.join(':');
}

/** A CIDR block ("10.0.0.0/8", "fc00::/7", or a bare address: one host). */
export interface Cidr {
  network: IpBytes;
  prefix: number;
  text: string;
}

export function parseCidr(text: string): Cidr | undefined {
  const [address = '', bits] = text.trim().split('/') as [string, string | undefined];
  const network = parseIp(address);
  if (!network) return undefined;
  const max = network.length * 8;
  const prefix = bits === undefined ? max : /^\d{1,3}$/.test(bits) ? Number(bits) : Number.NaN;
  if (!(prefix >= 0 && prefix <= max)) return undefined;
  return { network, prefix, text: text.trim() };
}

export function inCidr(address: IpBytes, cidr: Cidr): boolean {
  if (address.length !== cidr.network.length) return false;
  const whole = cidr.prefix >> 3;
  for (let i = 0; i < whole; i++) if (address[i] !== cidr.network[i]) return false;
  const rest = cidr.prefix & 7;
  if (rest === 0) return true;
  const mask = (0xff << (8 - rest)) & 0xff;
  return (address[whole]! & mask) === (cidr.network[whole]! & mask);
}

function startsWith(bytes: IpBytes, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/**
 * The IPv4 address an IPv6 address carries and reaches, when it is one of the forms that do:
 * IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d), NAT64 (64:ff9b::/96) and 6to4
 * (2002:aabb:ccdd::/48). A filter that only looked at the IPv6 ranges would let these through to
 * loopback or a private network.
 */
export function embeddedIpv4(bytes: IpBytes): IpBytes | undefined {
  if (bytes.length !== 16) return undefined;
  const zeros10 = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
  if (startsWith(bytes, [...zeros10, 0xff, 0xff])) return bytes.slice(12);
  // ::/96 apart from :: and ::1, which are IPv6's own unspecified and loopback
  if (startsWith(bytes, [...zeros10, 0, 0]) && (bytes[12]! | bytes[13]! | bytes[14]!) !== 0)
    return bytes.slice(12);
  if (startsWith(bytes, [0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0])) return bytes.slice(12);
  if (startsWith(bytes, [0x20, 0x02])) return bytes.slice(2, 6);
  return undefined;
}
