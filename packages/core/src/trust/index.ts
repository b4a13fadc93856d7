export { loadTrustProfile, registerTrustProfile, trustProfileNames } from './registry.js';
export {
  type PinnedCertificateSource,
  resolveTrustProfile,
  type TrustProfile,
  type TrustProfileDefinition,
} from './trust-profile.js';
