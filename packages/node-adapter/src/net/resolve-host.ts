import { lookup } from 'node:dns/promises';
import { isIP, type LookupFunction } from 'node:net';

/** A host name's addresses (the system resolver by default; tests and split-horizon setups inject one). */
export type HostResolver = (hostname: string) => Promise<readonly string[]>;

export const systemResolver: HostResolver = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map((a) => a.address);

/**
 * A `lookup` for node:http(s) that answers with addresses already resolved and checked, and never asks
 * DNS again: the connection goes to an address the policy saw, so a name that resolves to a public
 * address for the check and to 127.0.0.1 for the connection (DNS rebinding) gets nowhere.
 */
export function pinnedLookup(addresses: readonly string[]): LookupFunction {
  const entries = addresses.map((address) => ({ address, family: isIP(address) }));
  return (_hostname, options, callback) => {
    const family = options.family;
    const wanted = entries.filter((e) => !family || family === e.family || family === `IPv${e.family}`);
    const usable = wanted.length > 0 ? wanted : entries;
    if (options.all) callback(null, usable);
    else callback(null, usable[0]!.address, usable[0]!.family);
  };
}
