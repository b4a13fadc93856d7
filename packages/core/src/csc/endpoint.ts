import { KysoError } from '../errors/kyso-error.js';

/** The two CSC API generations: 1.0.x (`/csc/v1`) and 2.0.0.x (`/csc/v2`). */
export type CscVersion = 'v1' | 'v2';

/** A service root, and the version its URL pins when it already ends in `/csc/v1` or `/csc/v2`. */
export interface CscEndpoint {
  root: string;
  pinned?: CscVersion;
}

const VERSIONED = /\/csc\/(v[12])$/i;

/**
 * The base URL rule: `https://host/prefix` is a service root, to which `/csc/{v1|v2}/{method}` is
 * appended; `https://host/prefix/csc/v2` (trailing slashes ignored) names the root and pins the version.
 * Query strings and fragments are refused: the spec's methods are paths below the root.
 */
export function parseCscBaseUrl(baseUrl: string): CscEndpoint {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch (error) {
    throw new KysoError('INVALID_INPUT', { params: { detail: `CSC base URL: ${baseUrl}` }, cause: error });
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.search || url.hash)
    throw new KysoError('INVALID_INPUT', {
      params: { detail: `CSC base URL must be http(s) without query or fragment: ${baseUrl}` },
    });
  const trimmed = `${url.origin}${url.pathname}`.replace(/\/+$/, '');
  const match = VERSIONED.exec(trimmed);
  if (!match) return { root: trimmed };
  return { root: trimmed.slice(0, match.index), pinned: match[1]!.toLowerCase() as CscVersion };
}

/** `{root}/csc/{version}/{method}`, e.g. `…/csc/v2/credentials/info`. */
export function cscMethodUrl(root: string, version: CscVersion, method: string): string {
  return `${root}/csc/${version}/${method}`;
}
