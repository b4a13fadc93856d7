import type { ServiceCore } from '../service/core.js';

export const CSC_METHODS = [
  'credentials/list',
  'credentials/info',
  'credentials/authorize',
  'signatures/signHash',
] as const;

/** `info` (CSC v2 §11.1): public, no authentication, as the specification has it. */
export function cscInfo(core: ServiceCore): Record<string, unknown> {
  const { info } = core;
  return {
    specs: '2.0.0.2',
    name: info.name ?? 'kyso signing service',
    logo: info.logo ?? '',
    region: info.region ?? 'VN',
    lang: info.lang ?? 'vi-VN',
    description: info.description ?? 'Digital signatures for PDF (kyso)',
    // the host application authenticates callers its own way (its session, a bearer token)
    authType: ['external'],
    methods: [...CSC_METHODS],
  };
}
