import { KysoError, type Lang } from '@kyso/core';
import { parse } from '../args.js';
import { KEY_OPTIONS, type KeyValues } from './key-options.js';

/** Where `kyso serve` listens unless --port says otherwise (the dev PKI of `npm start` has 8788). */
export const DEFAULT_SERVE_PORT = 8789;

/** `kyso serve [--dev] [--bridge] [--port N] [--host H] [--allow-origin URL]... <key options>` (DESIGN.md). */
export const SERVE_OPTIONS = {
  ...KEY_OPTIONS,
  dev: { type: 'boolean' },
  bridge: { type: 'boolean' },
  port: { type: 'string' },
  host: { type: 'string' },
  'allow-origin': { type: 'string', multiple: true },
} as const;

export interface ServeSettings {
  dev: boolean;
  bridge: boolean;
  port: number;
  host: string;
  allowOrigins: string[];
  /** The key options, when a key was named (optional with --dev). */
  key: KeyValues | undefined;
}

const usage = (detail: string, lang: Lang) => new KysoError('USAGE', { params: { detail }, lang });

const LOOPBACK = new Set(['127.0.0.1', 'localhost']);

/** The command line of `kyso serve`, checked: every USAGE error is raised here, before anything starts. */
export function parseServeArgs(args: readonly string[], lang: Lang): ServeSettings {
  const { values, positionals } = parse(args, SERVE_OPTIONS, lang);
  if (positionals.length > 0) throw usage(`kyso serve takes no file: ${positionals[0]}`, lang);
  const dev = values.dev === true;
  const bridge = values.bridge === true;
  let port = DEFAULT_SERVE_PORT;
  if (values.port !== undefined) {
    if (!/^\d{1,5}$/.test(values.port) || Number(values.port) > 65_535)
      throw usage(`--port must be a number from 0 to 65535, not "${values.port}"`, lang);
    port = Number(values.port);
  }
  const host = values.host ?? '127.0.0.1';
  const allowOrigins = values['allow-origin'] ?? [];
  if (bridge) {
    if (!LOOPBACK.has(host))
      throw usage(`--bridge listens on 127.0.0.1 only: --host ${host} is refused`, lang);
    if (allowOrigins.length === 0)
      throw usage('--bridge needs --allow-origin URL: the web application allowed to use it', lang);
    for (const origin of allowOrigins) {
      let url: URL | undefined;
      try {
        url = new URL(origin);
      } catch {
        url = undefined;
      }
      if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:'))
        throw usage(`--allow-origin must be an http(s) URL, not "${origin}"`, lang);
    }
  } else if (allowOrigins.length > 0) {
    throw usage('--allow-origin goes with --bridge', lang);
  }
  const { dev: _d, bridge: _b, port: _p, host: _h, 'allow-origin': _a, ...keyValues } = values;
  const key: KeyValues = keyValues;
  const named = key.p12 !== undefined || key.pkcs11 !== undefined || key.csc !== undefined;
  if (!named && !dev)
    throw usage('give a key (--p12, --pkcs11 or --csc), or --dev for a throwaway one', lang);
  return { dev, bridge, port, host, allowOrigins, key: named ? key : undefined };
}
