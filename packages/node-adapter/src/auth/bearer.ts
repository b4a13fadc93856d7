import { createHash, timingSafeEqual } from 'node:crypto';
import type { AuthorizeHook, Principal } from './principal.js';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/**
 * A ready authorize hook for the simplest deployments (kyso serve, tests, service accounts): a fixed
 * table of bearer tokens, each naming its principal. Tokens are compared through their SHA-256 in
 * constant time, so neither their length nor their content leaks through timing.
 */
export function bearerTokens(tokens: Readonly<Record<string, Principal | string>>): AuthorizeHook {
  const table = Object.entries(tokens).map(([token, who]) => ({
    digest: sha256(token),
    principal: typeof who === 'string' ? { id: who } : who,
  }));
  return (request) => {
    const header = request.headers.get('authorization') ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) return { deny: 'unauthenticated', reason: 'a bearer token is required' };
    const given = sha256(match[1]!);
    let found: Principal | undefined;
    // every entry is compared, so the time taken does not say which one matched
    for (const entry of table) if (timingSafeEqual(entry.digest, given)) found ??= entry.principal;
    return found ?? { deny: 'unauthenticated', reason: 'the bearer token is not valid' };
  };
}
