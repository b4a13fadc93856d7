import { fetchableUrl, KysoError, type TimestampOptions } from '@kyso/core';
import { positive } from '../service/positive.js';
import type { TsaProxyOptions } from './options.js';

/** The proxy's configuration, checked once when the service is made. */
export interface TsaProxy {
  targets: ReadonlyMap<string, TimestampOptions>;
  defaultName: string;
  maxRequestBytes: number;
  maxResponseBytes: number;
  timeoutMs: number;
}

export const TSA_NAME = /^[\w.-]{1,64}$/;

function usage(detail: string): KysoError {
  return new KysoError('USAGE', { params: { detail: `tsaProxy: ${detail}` } });
}

export function resolveTsaProxy(options: TsaProxyOptions): TsaProxy {
  const targets = new Map<string, TimestampOptions>();
  for (const [name, target] of Object.entries(options.tsas ?? {})) {
    if (!TSA_NAME.test(name)) throw usage(`"${name}" is not a usable TSA name`);
    if (!fetchableUrl(target.url)) throw usage(`the URL of TSA ${name} is not http(s)`);
    targets.set(name, target);
  }
  const defaultName = options.default ?? targets.keys().next().value;
  if (defaultName === undefined) throw usage('no TSA configured');
  if (!targets.has(defaultName)) throw usage(`the default TSA ${defaultName} is not configured`);
  return {
    targets,
    defaultName,
    maxRequestBytes: positive(options.maxRequestBytes, 8 * 1024, 'tsaProxy.maxRequestBytes'),
    maxResponseBytes: positive(options.maxResponseBytes, 1024 * 1024, 'tsaProxy.maxResponseBytes'),
    timeoutMs: positive(options.timeoutMs, 10_000, 'tsaProxy.timeoutMs'),
  };
}
