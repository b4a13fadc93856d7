import { open } from 'node:fs/promises';
import type { Spooled } from './spool.js';

const CHUNK = 256 * 1024;

/**
 * The signed PDF as a response body: the received file as it was, then the appended update, read
 * chunk by chunk as the client takes them. The spooled file is removed when the stream ends, fails or
 * is cancelled by the client.
 */
export function signedPdfStream(spooled: Spooled, appended: Uint8Array): ReadableStream<Uint8Array> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  let at = 0;
  let done = false;
  const finish = async () => {
    if (done) return;
    done = true;
    await handle?.close().catch(() => {});
    await spooled.remove();
  };
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        if (at < spooled.size) {
          handle ??= await open(spooled.path, 'r');
          const buffer = new Uint8Array(Math.min(CHUNK, spooled.size - at));
          const { bytesRead } = await handle.read(buffer, 0, buffer.length, at);
          if (bytesRead === 0) throw new Error('the spooled PDF shrank');
          at += bytesRead;
          controller.enqueue(buffer.subarray(0, bytesRead));
          return;
        }
        controller.enqueue(appended);
        controller.close();
        await finish();
      } catch (error) {
        await finish();
        controller.error(error);
      }
    },
    cancel: finish,
  });
}
