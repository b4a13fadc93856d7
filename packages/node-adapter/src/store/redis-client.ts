import { KysoError } from '@kyso/core';

/**
 * The one thing RedisStore needs of a Redis client: to send a raw command. node-redis (the `redis`
 * package, v4 and v5) has it as `sendCommand(args)`, ioredis as `call(command, ...args)`; any client
 * the host already runs will do, with its own connection settings, TLS and sentinels.
 */
export type RedisClientLike =
  | { sendCommand(args: string[]): Promise<unknown> }
  | { call(command: string, ...args: string[]): Promise<unknown> };

/** Sends one command, whatever the client's flavour. */
export type RedisSend = (args: string[]) => Promise<unknown>;

export function redisSender(client: RedisClientLike): RedisSend {
  if ('call' in client && typeof client.call === 'function')
    return (args) => client.call(args[0]!, ...args.slice(1));
  if ('sendCommand' in client && typeof client.sendCommand === 'function')
    return (args) => client.sendCommand(args);
  throw new KysoError('USAGE', {
    params: { detail: 'RedisStore: the client has neither sendCommand (node-redis) nor call (ioredis)' },
  });
}

/** Where a Redis URL points, without the password it may hold. */
function redisHost(url: string): string {
  try {
    const { protocol, host } = new URL(url);
    return `${protocol}//${host}`;
  } catch {
    return 'Redis';
  }
}

/** What a connection made from a URL looks like, of the optional `redis` package. */
interface OwnedClient {
  sendCommand(args: string[]): Promise<unknown>;
  close?(): Promise<void>;
  quit?(): Promise<unknown>;
}

/**
 * Connects with the optional `redis` package (installed by the host: `npm i redis`). Commands fail at
 * once while the connection is down (no offline queue): a signing request should get an error, not
 * wait on a Redis that may not come back.
 */
export async function connectRedis(
  url: string,
  onError: (error: Error) => void,
): Promise<{ client: OwnedClient; close: () => Promise<void> }> {
  let createClient: typeof import('redis').createClient;
  try {
    ({ createClient } = await import('redis'));
  } catch (error) {
    throw new KysoError('USAGE', {
      params: { detail: 'RedisStore.connect needs the `redis` package (npm i redis), or pass a client' },
      cause: error,
    });
  }
  let connected = false;
  const client = createClient({
    url,
    disableOfflineQueue: true,
    socket: {
      // a Redis that is not there at start is a configuration error, said at once (connect()
      // would retry for ever); once connected, the client reconnects by itself, backing off
      reconnectStrategy: (retries, cause) =>
        connected ? Math.min(100 * 2 ** retries, 5000) : retries < 3 ? 200 : cause,
    },
  });
  // node-redis throws 'error' events nobody listens to: that would end the process on a network blip
  client.on('error', onError);
  try {
    await client.connect();
  } catch (error) {
    throw new KysoError('NETWORK_ERROR', {
      params: {
        url: redisHost(url),
        detail: error instanceof Error ? error.message : String(error),
      },
      cause: error,
    });
  }
  connected = true;
  const owned = client as unknown as OwnedClient;
  return {
    client: owned,
    close: async () => {
      if (typeof owned.close === 'function') await owned.close();
      else await owned.quit?.();
    },
  };
}
