import type { RequestContext, ServiceCore } from '../service/core.js';
import { credentialsAuthorize } from './authorize.js';
import { credentialsInfo, credentialsList } from './credentials.js';
import type { CscBody } from './params.js';
import { signHash } from './sign-hash.js';

export type CscMethod = (core: ServiceCore, ctx: RequestContext, body: CscBody) => Promise<object>;

/** The authenticated CSC v2 methods, by path below `/csc/v2/` (`info` is public and served apart). */
export const CSC_ROUTES: Readonly<
  Record<
    string,
    {
      method: CscMethod;
      action: 'credentials/list' | 'credentials/info' | 'credentials/authorize' | 'signatures/signHash';
    }
  >
> = {
  'credentials/list': { method: credentialsList, action: 'credentials/list' },
  'credentials/info': { method: credentialsInfo, action: 'credentials/info' },
  'credentials/authorize': { method: credentialsAuthorize, action: 'credentials/authorize' },
  'signatures/signHash': { method: signHash, action: 'signatures/signHash' },
};
