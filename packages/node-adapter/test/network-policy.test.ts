import { describe, expect, it } from 'vitest';
import { embeddedIpv4, formatIp, parseCidr, parseIp } from '../src/net/ip-address.js';
import { networkPolicy } from '../src/net/network-policy.js';
import { pinnedLookup } from '../src/net/resolve-host.js';
import { urlAllowlist } from '../src/revocation-fetcher/url-allowlist.js';

describe('IP addresses', () => {
  it('parses IPv4, IPv6 (compressed, bracketed, dotted tail, zoned) and refuses the rest', () => {
    expect(formatIp(parseIp('192.168.1.20')!)).toBe('192.168.1.20');
    expect(formatIp(parseIp('[::1]')!)).toBe('0:0:0:0:0:0:0:1');
    expect(formatIp(parseIp('::ffff:127.0.0.1')!)).toBe('0:0:0:0:0:ffff:7f00:1');
    expect(formatIp(parseIp('fe80::1%eth0')!)).toBe('fe80:0:0:0:0:0:0:1');
    expect(formatIp(parseIp('2001:db8::8:800:200c:417a')!)).toBe('2001:db8:0:0:8:800:200c:417a');
    for (const bad of ['example.com', '1.2.3', '256.1.1.1', ':::1', '1::2::3', ''])
      expect(parseIp(bad)).toBeUndefined();
  });

  it('finds the IPv4 address that mapped, compatible, NAT64 and 6to4 addresses reach', () => {
    const v4 = (text: string) => {
      const inner = embeddedIpv4(parseIp(text)!);
      return inner && formatIp(inner);
    };
    expect(v4('::ffff:10.0.0.1')).toBe('10.0.0.1');
    expect(v4('::ffff:a00:1')).toBe('10.0.0.1');
    expect(v4('::127.0.0.1')).toBe('127.0.0.1');
    expect(v4('64:ff9b::c0a8:101')).toBe('192.168.1.1');
    expect(v4('2002:a9fe:a9fe::1')).toBe('169.254.169.254');
    expect(v4('::1')).toBeUndefined();
    expect(v4('2606:4700::1111')).toBeUndefined();
  });

  it('parses CIDR blocks, a bare address being one host', () => {
    expect(parseCidr('10.0.0.0/8')?.prefix).toBe(8);
    expect(parseCidr('127.0.0.1')?.prefix).toBe(32);
    expect(parseCidr('fc00::/7')?.prefix).toBe(7);
    for (const bad of ['10.0.0.0/33', '10.0.0.0/x', 'example/8', '::/129'])
      expect(parseCidr(bad)).toBeUndefined();
  });
});

describe('the network policy', () => {
  const strict = networkPolicy();
  it('refuses loopback, private, link-local, CGNAT, unique-local, unspecified, multicast and broadcast', () => {
    for (const address of [
      '127.0.0.1',
      '127.8.9.10',
      '10.1.2.3',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.0.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '224.0.0.1',
      '255.255.255.255',
      '::',
      '::1',
      'fd00::1',
      'fe80::1',
      'ff02::1',
      '::ffff:127.0.0.1',
      '::ffff:192.168.0.1',
      '64:ff9b::a00:1',
      '2002:7f00:1::1',
    ])
      expect(strict.refusal(address), address).toBeDefined();
    expect(strict.refusal('::ffff:127.0.0.1')).toMatch(/loopback/);
  });

  it('lets public addresses through', () => {
    for (const address of [
      '93.184.216.34',
      '172.32.0.1',
      '100.128.0.1',
      '2606:4700:4700::1111',
      '::ffff:8.8.8.8',
    ])
      expect(strict.refusal(address), address).toBeUndefined();
  });

  it('lifts internal ranges on request, never the unspecified, multicast or broadcast ones', () => {
    const internal = networkPolicy({ allowPrivateNetworks: true });
    for (const address of [
      '127.0.0.1',
      '10.0.0.1',
      '192.168.1.1',
      '169.254.1.1',
      '100.64.0.1',
      '::1',
      'fd00::1',
    ])
      expect(internal.refusal(address), address).toBeUndefined();
    for (const address of ['0.0.0.0', '::', '224.0.0.1', '255.255.255.255', 'ff02::1'])
      expect(internal.refusal(address), address).toBeDefined();
  });

  it('allows exactly the CIDR blocks listed', () => {
    const one = networkPolicy({ allowNetworks: ['127.0.0.1/32', '10.20.0.0/16'] });
    expect(one.refusal('127.0.0.1')).toBeUndefined();
    expect(one.refusal('::ffff:127.0.0.1')).toBeUndefined();
    expect(one.refusal('10.20.5.5')).toBeUndefined();
    expect(one.refusal('127.0.0.2')).toMatch(/loopback/);
    expect(one.refusal('10.21.0.1')).toMatch(/private/);
    expect(() => networkPolicy({ allowNetworks: ['nonsense'] })).toThrow(/CIDR/);
  });
});

describe('pinned lookups', () => {
  it('answer with the checked addresses, one or all, by family', async () => {
    const lookup = pinnedLookup(['127.0.0.1', '::1']);
    const one = await new Promise<unknown[]>((resolve) =>
      lookup('anything.test', { family: 6 }, (_e, address, family) => resolve([address, family])),
    );
    expect(one).toEqual(['::1', 6]);
    const all = await new Promise<unknown>((resolve) =>
      lookup('anything.test', { all: true }, (_e, addresses) => resolve(addresses)),
    );
    expect(all).toEqual([
      { address: '127.0.0.1', family: 4 },
      { address: '::1', family: 6 },
    ]);
  });
});

describe('the URL allowlist', () => {
  it('matches exact URLs and prefixes ending in /, in normal form', () => {
    const allowed = urlAllowlist([
      'http://CA.example:80/crl/',
      'https://ocsp.example/q',
      'http://origin.example',
    ]);
    expect(allowed('http://ca.example/crl/ca1.crl')).toBe(true);
    expect(allowed(new URL('http://ca.example/crl/x/../ca2.crl').href)).toBe(true);
    expect(allowed(new URL('http://ca.example/crl/../secret').href)).toBe(false);
    expect(allowed('https://ocsp.example/q')).toBe(true);
    expect(allowed('https://ocsp.example/q2')).toBe(false);
    expect(allowed('http://origin.example/anything')).toBe(true);
    expect(allowed('http://origin.example.evil/')).toBe(false);
    expect(() => urlAllowlist(['ftp://ca.example/'])).toThrow();
  });
});
