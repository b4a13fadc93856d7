import { KysoError } from '@kyso/core';
import type { AuditEvent, AuditSink } from '../audit/audit-event.js';
import type { OtpPolicy } from '../auth/otp.js';
import type { AccessRule, AuthorizeHook, Principal } from '../auth/principal.js';
import type { SigningCredential } from '../backends/credential.js';
import { withHttp } from '../http/error-response.js';
import { ConcurrencyGate } from '../limits/concurrency.js';
import type { RateLimit } from '../limits/rate-limit.js';
import { type RevocationFetcher, resolveRevocationFetcher } from '../revocation-fetcher/fetcher.js';
import { MemoryStore } from '../store/memory-store.js';
import type { StateStore } from '../store/state-store.js';
import { resolveTsaProxy, type TsaProxy } from '../tsa-proxy/proxy.js';
import type { SigningServiceOptions } from './options.js';
import { positive } from './positive.js';

/** The service's configuration, resolved once, and what its routes share. */
export interface ServiceCore {
  base: string;
  version: string | undefined;
  credentials: ReadonlyMap<string, SigningCredential>;
  authorize: AuthorizeHook | undefined;
  access: AccessRule | undefined;
  otp: OtpPolicy | undefined;
  store: StateStore;
  /** The store was made here, so the service closes it. */
  ownsStore: boolean;
  audit: AuditSink | undefined;
  onError: (error: KysoError, context: { requestId: string }) => void;
  gate: ConcurrencyGate;
  rate: RateLimit | undefined;
  sadTtlMs: number;
  scal: '1' | '2';
  multisign: number;
  jsonBytes: number;
  pdfBytes: number;
  info: NonNullable<SigningServiceOptions['info']>;
  pdf: NonNullable<SigningServiceOptions['pdf']>;
  /** Absent: no /tsa routes. */
  tsaProxy: TsaProxy | undefined;
  /** Absent: no /revocation route. */
  revocationFetcher: RevocationFetcher | undefined;
}

/** One request as the routes see it, once authenticated. */
export interface RequestContext {
  requestId: string;
  request: Request;
  signal: AbortSignal;
  principal: Principal;
  /** What the audit line will say besides the outcome; routes fill it as they learn. */
  note: Partial<AuditEvent>;
}

function normalizeBase(base: string | undefined): string {
  const trimmed = (base ?? '').replace(/\/+$/, '');
  return trimmed === '' || trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

export function resolveCore(options: SigningServiceOptions): ServiceCore {
  const credentials = new Map<string, SigningCredential>();
  for (const credential of options.credentials ?? []) {
    if (!/^[\w.:@-]{1,255}$/.test(credential.id))
      throw new KysoError('USAGE', {
        params: { detail: `credential id "${credential.id}" is not URL-safe` },
      });
    if (credentials.has(credential.id))
      throw new KysoError('USAGE', { params: { detail: `two credentials named ${credential.id}` } });
    credentials.set(credential.id, credential);
  }
  const multisign = positive(options.sad?.multisign, 100, 'sad.multisign');
  return {
    base: normalizeBase(options.basePath),
    version: options.version,
    credentials,
    authorize: options.authorize,
    access: options.access,
    otp: options.otp,
    store: options.store ?? new MemoryStore(),
    ownsStore: !options.store,
    audit: options.audit,
    onError:
      options.onError ??
      ((error, { requestId }) => {
        const cause = error.cause instanceof Error ? ` (${error.cause.stack ?? error.cause.message})` : '';
        process.stderr.write(`kyso node-adapter ${requestId}: ${error.message}${cause}\n`);
      }),
    gate: new ConcurrencyGate(options.limits?.concurrency ?? { active: 8, queued: 64 }),
    rate: options.limits?.rate,
    sadTtlMs: positive(options.sad?.ttlSeconds, 300, 'sad.ttlSeconds') * 1000,
    scal: options.sad?.scal ?? '1',
    multisign: Math.floor(multisign),
    jsonBytes: positive(options.limits?.jsonBytes, 64 * 1024, 'limits.jsonBytes'),
    pdfBytes: positive(options.limits?.pdfBytes, 100 * 1024 * 1024, 'limits.pdfBytes'),
    info: options.info ?? {},
    pdf: options.pdf ?? {},
    tsaProxy: options.tsaProxy ? resolveTsaProxy(options.tsaProxy) : undefined,
    revocationFetcher: options.revocationFetcher
      ? resolveRevocationFetcher(options.revocationFetcher)
      : undefined,
  };
}

/**
 * The credential a request names, if it exists (KEY_NOT_FOUND) and the principal may use it
 * (CREDENTIAL_NOT_AUTHORIZED, 403).
 */
export async function useCredential(
  core: ServiceCore,
  ctx: RequestContext,
  id: string,
): Promise<SigningCredential> {
  ctx.note.credential = id;
  const credential = core.credentials.get(id);
  if (!credential) throw new KysoError('KEY_NOT_FOUND', { params: { detail: `no credential ${id}` } });
  if (!(await mayUse(core, ctx.principal, id)))
    throw withHttp(
      new KysoError('CREDENTIAL_NOT_AUTHORIZED', {
        params: { detail: `${ctx.principal.id} may not use credential ${id}` },
      }),
      { status: 403, error: 'access_denied' },
    );
  return credential;
}

export async function mayUse(core: ServiceCore, principal: Principal, id: string): Promise<boolean> {
  return core.access ? (await core.access(principal, id)) === true : false;
}

export function otpApplies(core: ServiceCore, credentialId: string): boolean {
  return !!core.otp && (core.otp.appliesTo?.(credentialId) ?? true);
}
