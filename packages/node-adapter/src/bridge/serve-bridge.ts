import { KysoError } from '@kyso/core';
import { type RunningServer, type ServeOptions, serveOnceBound } from '../http/serve.js';
import { createBridge } from './bridge.js';
import type { BridgeOptions } from './options.js';

export interface ServeBridgeOptions extends BridgeOptions, Omit<ServeOptions, 'host'> {
  /** `127.0.0.1` (the default) or `localhost`, which binds 127.0.0.1 too: a bridge is never reachable from another machine. */
  host?: string;
}

/**
 * Serves the local bridge on 127.0.0.1 (any other address is refused: USAGE), on `port` (0: any
 * free port, read it from `url`). See createBridge for what it checks.
 */
export async function serveBridge(options: ServeBridgeOptions): Promise<RunningServer> {
  const { port, host, signal, ...bridge } = options;
  if (host !== undefined && host !== '127.0.0.1' && host !== 'localhost')
    throw new KysoError('USAGE', {
      params: { detail: `the bridge listens on 127.0.0.1 only, not ${host}` },
    });
  return serveOnceBound((address) => createBridge({ ...bridge, port: address.port }), {
    host: '127.0.0.1',
    ...(port !== undefined ? { port } : {}),
    ...(signal ? { signal } : {}),
  });
}
