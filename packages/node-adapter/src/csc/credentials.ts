import { mayUse, type RequestContext, type ServiceCore, useCredential } from '../service/core.js';
import { describeCredential } from './credential-description.js';
import { type CscBody, invalidParameter, optionalBoolean, optionalString, requireString } from './params.js';

function certificatesOption(body: CscBody): 'none' | 'single' | 'chain' {
  const value = optionalString(body, 'certificates') ?? 'single';
  if (value !== 'none' && value !== 'single' && value !== 'chain')
    throw invalidParameter('Invalid parameter certificates');
  return value;
}

/** `credentials/list` (CSC v2 §11.4): the credentials this principal may use, with their info on request. */
export async function credentialsList(core: ServiceCore, ctx: RequestContext, body: CscBody) {
  const ids: string[] = [];
  for (const id of core.credentials.keys()) if (await mayUse(core, ctx.principal, id)) ids.push(id);
  if (!optionalBoolean(body, 'credentialInfo')) return { credentialIDs: ids };
  const options = {
    certificates: certificatesOption(body),
    certInfo: optionalBoolean(body, 'certInfo') ?? false,
    authInfo: optionalBoolean(body, 'authInfo') ?? false,
    signal: ctx.signal,
  };
  const credentialInfos = [];
  for (const id of ids)
    credentialInfos.push({
      credentialID: id,
      ...(await describeCredential(core, core.credentials.get(id)!, options)),
    });
  return { credentialIDs: ids, credentialInfos };
}

/** `credentials/info` (CSC v2 §11.5). */
export async function credentialsInfo(core: ServiceCore, ctx: RequestContext, body: CscBody) {
  const credential = await useCredential(core, ctx, requireString(body, 'credentialID'));
  return describeCredential(core, credential, {
    certificates: certificatesOption(body),
    certInfo: optionalBoolean(body, 'certInfo') ?? false,
    authInfo: optionalBoolean(body, 'authInfo') ?? true,
    signal: ctx.signal,
  });
}
