import { createHash } from 'node:crypto';

/** A raw CSC call, for what a well-behaved client (CscSigner) would never send. */
export async function cscCall(
  url: string,
  method: string,
  body: Record<string, unknown>,
  token?: string,
): Promise<{ status: number; json: Record<string, unknown>; headers: Headers }> {
  const response = await fetch(`${url}/csc/v2/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    json: (await response.json()) as Record<string, unknown>,
    headers: response.headers,
  };
}

/** The kyso code a CSC error body carries. */
export function kysoCode(json: Record<string, unknown>): string | undefined {
  const kyso = json['kyso'] as { code?: string } | undefined;
  return kyso?.code;
}

export function sha256(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

export const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
export const SHA256_OID = '2.16.840.1.101.3.4.2.1';
export const SHA256_WITH_RSA = '1.2.840.113549.1.1.11';
