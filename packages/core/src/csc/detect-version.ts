import { KysoError } from '../errors/kyso-error.js';
import { type CscVersion, cscMethodUrl } from './endpoint.js';
import { cscErrorToKyso } from './errors.js';
import { readCscInfo } from './info.js';
import { isJsonObject } from './json.js';
import type { CscTransport } from './transport.js';
import type { CscInfo } from './types.js';

const MAJOR: Record<CscVersion, string> = { v1: '1.', v2: '2.' };

/**
 * The `version: 'auto'` rule. `info` is the one method every CSC service implements, so it is asked
 * at `{root}/csc/v2/info`, then at `{root}/csc/v1/info`; a version is taken when its path answers 2xx
 * with a JSON object whose `specs` has the same major ("2.0.0.2" at /csc/v2, "1.0.4.0" at /csc/v1).
 * A 4xx/5xx answer, or a `specs` of the other major, moves on to the next path; an unreachable service
 * or a cancellation stops at once (NETWORK_ERROR, ABORTED). When neither path qualifies the error is
 * CREDENTIAL_NOT_AUTHORIZED if a path refused the token (401/403), REMOTE_SIGNER_ERROR otherwise.
 */
export async function detectCscVersion(
  transport: CscTransport,
  root: string,
  signal?: AbortSignal,
): Promise<{ version: CscVersion; info: CscInfo }> {
  const tried: string[] = [];
  let refusal: KysoError | undefined;
  for (const version of ['v2', 'v1'] as const) {
    const response = await transport.send(cscMethodUrl(root, version, 'info'), {}, signal);
    const { status, body } = response;
    if (status >= 200 && status <= 299 && isJsonObject(body) && typeof body['specs'] === 'string') {
      if (body['specs'].startsWith(MAJOR[version])) return { version, info: readCscInfo(body) };
      tried.push(`${version}: specs ${body['specs']}`);
      continue;
    }
    if (status === 401 || status === 403)
      refusal ??= cscErrorToKyso(body, { method: 'info', status, lang: transport.lang });
    tried.push(`${version}: HTTP ${status}`);
  }
  if (refusal) throw refusal;
  throw new KysoError('REMOTE_SIGNER_ERROR', {
    params: { detail: `no CSC v1 or v2 service at ${root} (${tried.join('; ')})` },
    lang: transport.lang,
  });
}
