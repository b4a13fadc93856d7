import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isKysoError } from '@kyso/core';
import { tempDir } from '@kyso/testkit/node';
import { describe, expect, it } from 'vitest';
import { type ByteSource, blobSource, bytesSource } from '../src/index.js';
import { fileSource } from '../src/node/index.js';

const data = new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n%%EOF\n');

async function contract(name: string, make: () => Promise<ByteSource>) {
  describe(`${name} source`, () => {
    it('reads exact ranges, including empty and final ones', async () => {
      const s = await make();
      expect(s.size).toBe(data.length);
      expect(new TextDecoder().decode(await s.read(0, 8))).toBe('%PDF-1.7');
      expect(await s.read(data.length - 6, 6)).toEqual(data.subarray(data.length - 6));
      expect((await s.read(data.length, 0)).length).toBe(0);
      await s.close?.();
    });

    it('refuses ranges outside the source with INVALID_INPUT', async () => {
      const s = await make();
      for (const [offset, length] of [
        [data.length - 1, 2],
        [-1, 1],
        [0, -1],
        [1.5, 1],
      ] as const) {
        const error = await s.read(offset, length).catch((e: unknown) => e);
        expect(isKysoError(error, 'INVALID_INPUT'), `${offset},${length}`).toBe(true);
      }
      await s.close?.();
    });

    it('honours an aborted signal', async () => {
      const s = await make();
      await expect(s.read(0, 1, { signal: AbortSignal.abort() })).rejects.toThrow();
      await s.close?.();
    });
  });
}

contract('Uint8Array', async () => bytesSource(data));
contract('Blob', async () => blobSource(new Blob([data])));
contract('file', async () => {
  const dir = await tempDir();
  await writeFile(join(dir.path, 'a.pdf'), data);
  const s = await fileSource(join(dir.path, 'a.pdf'));
  return {
    ...s,
    close: async () => {
      await s.close();
      await dir.remove();
    },
  };
});

describe('file source', () => {
  it('reports a missing file as IO_ERROR and refuses reads after close', async () => {
    const missing = await fileSource('/nonexistent/file.pdf').catch((e: unknown) => e);
    expect(isKysoError(missing, 'IO_ERROR')).toBe(true);
    const dir = await tempDir();
    await writeFile(join(dir.path, 'b.pdf'), data);
    const s = await fileSource(join(dir.path, 'b.pdf'));
    await s.close();
    const after = await s.read(0, 1).catch((e: unknown) => e);
    expect(isKysoError(after, 'IO_ERROR')).toBe(true);
    await dir.remove();
  });
});
