import { KysoError } from '../errors/kyso-error.js';
import { resolveTrustProfile, type TrustProfile, type TrustProfileDefinition } from './trust-profile.js';

type Loader = () => Promise<TrustProfileDefinition>;

// Built-in profiles load on demand, so a bundle that never names one does not carry its certificates.
const BUILT_IN: Readonly<Record<string, Loader>> = {
  'vn-gov': async () => (await import('./vn/profiles.js')).VN_GOV,
  'vn-public': async () => (await import('./vn/profiles.js')).VN_PUBLIC,
};

const registered = new Map<string, TrustProfile>();

/** The names `loadTrustProfile` accepts: the built-in ones, then those registered, sorted. */
export function trustProfileNames(): string[] {
  return [...Object.keys(BUILT_IN), ...[...registered.keys()].sort()];
}

/**
 * Adds a profile under its name, after checking its pins and that its anchors are roots. Built-in
 * names cannot be replaced, and a name is registered once (a process holds one meaning per name).
 */
export function registerTrustProfile(definition: TrustProfileDefinition): TrustProfile {
  if (Object.hasOwn(BUILT_IN, definition.name) || registered.has(definition.name))
    throw new KysoError('TRUST_PROFILE_INVALID', {
      params: { name: definition.name, detail: 'a profile with this name already exists' },
    });
  const profile = resolveTrustProfile(definition);
  registered.set(profile.trustProfile, profile);
  return profile;
}

/**
 * The anchors and known intermediates of a named profile, pins checked. Spread the result into the
 * options of `verifyPdf` (`{ ...await loadTrustProfile('vn-gov'), revocation: 'online' }`).
 */
export async function loadTrustProfile(
  name: string,
  options: { signal?: AbortSignal } = {},
): Promise<TrustProfile> {
  options.signal?.throwIfAborted();
  const own = registered.get(name);
  if (own) return own;
  const load = Object.hasOwn(BUILT_IN, name) ? BUILT_IN[name] : undefined;
  if (!load)
    throw new KysoError('UNKNOWN_TRUST_PROFILE', {
      params: { name, known: trustProfileNames().join(', ') },
    });
  return resolveTrustProfile(await load());
}
