/**
 * @kyso/node-adapter: the signing service over HTTP. The Cloud Signature Consortium API v2 (the
 * subset a signing client needs) and whole-document signing, in front of PKCS#11 tokens and HSMs,
 * PKCS#12 files or remote CSC services, as one Fetch-API handler with node:http and Express adapters.
 */

// audit
export type { AuditAction, AuditEvent, AuditSink } from './audit/audit-event.js';
export { auditLine, jsonLinesAudit } from './audit/json-lines.js';
// authentication
export { bearerTokens } from './auth/bearer.js';
export type { OtpCheck, OtpPolicy } from './auth/otp.js';
export {
  type AccessRule,
  type AuthorizeHook,
  type Denial,
  isDenial,
  type Principal,
} from './auth/principal.js';
// backends
export type { AuthFactors, SigningCredential } from './backends/credential.js';
export { type CscCredentialOptions, cscCredential } from './backends/csc-credential.js';
export { type Pkcs11CredentialOptions, pkcs11Credential } from './backends/pkcs11-credential.js';
export { type Pkcs12CredentialOptions, pkcs12Credential } from './backends/pkcs12-credential.js';
export { type SignerCredentialOptions, signerCredential } from './backends/signer-credential.js';
// the local bridge (a token on the official's own machine, for the browser)
export { createBridge } from './bridge/bridge.js';
export type { BridgeOptions, BridgeServiceOptions, PairingCode, PairingOptions } from './bridge/options.js';
export { type ServeBridgeOptions, serveBridge } from './bridge/serve-bridge.js';
// HTTP
export { type CscErrorBody, errorResponse } from './http/error-response.js';
export { toExpress } from './http/express.js';
export { createHandler, type Handler } from './http/handler.js';
export { type NodeListenerOptions, toNodeListener } from './http/node-listener.js';
export { type RunningServer, type ServeOptions, serve } from './http/serve.js';
// keys held in this process
export { NodeKeySigner } from './keys/node-key-signer.js';
// limits
export { ConcurrencyGate, type ConcurrencyLimit } from './limits/concurrency.js';
export type { RateLimit } from './limits/rate-limit.js';
// the browser helpers' network guard
export type { NetworkPolicyOptions } from './net/network-policy.js';
export type { HostResolver } from './net/resolve-host.js';
// PKCS#11
export type { Cryptoki, LoadedCryptoki } from './pkcs11/cryptoki.js';
export { pkcs11Error } from './pkcs11/errors.js';
export { Pkcs11Module, type Pkcs11Session, type TokenSelector } from './pkcs11/module.js';
export type { KeySelector } from './pkcs11/objects.js';
export { type Pkcs11Pin, Pkcs11Signer, type Pkcs11SignerOptions } from './pkcs11/signer.js';
// the revocation fetcher (OCSP and CRL for browsers)
export type { RevocationFetcherOptions } from './revocation-fetcher/options.js';
// the service
export type { SigningServiceOptions } from './service/options.js';
export { createSigningService, type SigningService } from './service/service.js';
export { SAD_HEADER } from './sign-pdf/route.js';
// state
export { MemoryStore, type MemoryStoreOptions } from './store/memory-store.js';
export type { RedisClientLike } from './store/redis-client.js';
export { type RedisConnectOptions, RedisStore, type RedisStoreOptions } from './store/redis-store.js';
export type { StateStore } from './store/state-store.js';
// the RFC 3161 proxy
export type { TsaProxyOptions } from './tsa-proxy/options.js';
