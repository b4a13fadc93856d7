/** Who is calling, as the host application's authorize hook establishes it. */
export interface Principal {
  /** Stable and unique: SADs are bound to it and the audit log names it. */
  readonly id: string;
  /** Anything else the host wants its access rule to see (roles, department…). */
  readonly claims?: Readonly<Record<string, unknown>>;
}

/**
 * A refusal from the authorize hook: `unauthenticated` (401, no or bad credentials: the client should
 * log in again) or `forbidden` (403, known but not allowed to use the service).
 */
export interface Denial {
  readonly deny: 'unauthenticated' | 'forbidden';
  /** Said to the client and logged; never put a secret here. */
  readonly reason?: string;
}

/**
 * The host's authentication: its session cookie, a bearer token, mTLS in front… The hook sees the
 * request before its body is read. Throwing counts as a 500, not as a denial: return a Denial.
 */
export type AuthorizeHook = (
  request: Request,
  options: { signal: AbortSignal },
) => Principal | Denial | Promise<Principal | Denial>;

/** Whether a principal may use a credential; asked for every credential-bearing request. */
export type AccessRule = (principal: Principal, credentialId: string) => boolean | Promise<boolean>;

export function isDenial(value: Principal | Denial): value is Denial {
  return 'deny' in value;
}
