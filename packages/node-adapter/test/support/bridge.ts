import { request as httpRequest } from 'node:http';
import { KysoError } from '@kyso/core';
import type { TestPki } from '@kyso/testkit';
import {
  type AuditEvent,
  auditLine,
  type PairingCode,
  pkcs12Credential,
  type RunningServer,
  type ServeBridgeOptions,
  type SigningCredential,
  serveBridge,
} from '../../src/index.js';

export const BRIDGE_PIN = '605040';

/** The official's key behind a PIN, as a token would hold it (checked at authorize, needed at signing). */
export async function tokenLikeCredential(pki: TestPki, id: string): Promise<SigningCredential> {
  const identity = pki.get(id);
  const base = await pkcs12Credential({ id, pkcs12: await identity.toPkcs12(), password: identity.password });
  const check = async (pin: string | undefined) => {
    if (pin !== BRIDGE_PIN) throw new KysoError('PIN_INCORRECT');
  };
  return {
    ...base,
    pin: 'required',
    verifyPin: (pin) => check(pin),
    signDigests: async (requests, factors, options) => {
      await check(factors.pin);
      return base.signDigests(requests, {}, options);
    },
  };
}

export interface TestBridge {
  server: RunningServer;
  url: string;
  port: number;
  /** Codes shown, newest last. */
  codes: PairingCode[];
  /** Every audit line and every error report, as written. */
  logs: string[];
  audit: AuditEvent[];
  close(): Promise<void>;
}

/** A bridge on an ephemeral port, its pairing codes, audit and error reports collected. */
export async function startBridge(
  options: Omit<ServeBridgeOptions, 'onPairingCode' | 'audit' | 'onError'>,
): Promise<TestBridge> {
  const codes: PairingCode[] = [];
  const logs: string[] = [];
  const audit: AuditEvent[] = [];
  const server = await serveBridge({
    ...options,
    onPairingCode: (pairing) => codes.push(pairing),
    audit: (event) => {
      audit.push(event);
      logs.push(auditLine(event));
    },
    onError: (error) => logs.push(`${error.code} ${error.message} ${String(error.cause ?? '')}`),
  });
  return {
    server,
    url: server.url,
    port: Number(new URL(server.url).port),
    codes,
    logs,
    audit,
    close: () => server.close({ timeoutMs: 1000 }),
  };
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: Record<string, unknown>;
}

/** One HTTP request with exactly the headers given (Host included), as a browser or an attacker sends it. */
export function raw(
  url: string,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: unknown } = {},
): Promise<RawResponse> {
  const { hostname, port } = new URL(url);
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: hostname,
        port,
        path,
        method: options.method ?? (body === undefined ? 'GET' : 'POST'),
        headers: {
          host: `127.0.0.1:${port}`,
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...options.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: Record<string, unknown> = {};
          try {
            json = text ? (JSON.parse(text) as Record<string, unknown>) : {};
          } catch {
            // not JSON
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** The CORS headers of an answer (none for a refusal). */
export function corsHeaders(response: RawResponse): string[] {
  return Object.keys(response.headers).filter((name) => name.startsWith('access-control-'));
}
