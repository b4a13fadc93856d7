import { expect } from '@open-wc/testing';
import { documentSource } from './document-source.js';

/** A Blob that counts how it is read: whole (arrayBuffer) or piece by piece (slice). */
class CountingBlob extends Blob {
  whole = 0;
  slices = 0;
  override arrayBuffer(): Promise<ArrayBuffer> {
    this.whole++;
    return super.arrayBuffer();
  }
  override slice(start?: number, end?: number, type?: string): Blob {
    this.slices++;
    return super.slice(start, end, type);
  }
}

const bytes = Uint8Array.from({ length: 1000 }, (_, i) => (i * 7) & 0xff);

describe('documentSource', () => {
  it('reads a document of ordinary size once, then serves every read from memory', async () => {
    const blob = new CountingBlob([bytes]);
    const source = await documentSource(blob);
    expect(source.size).to.equal(1000);
    expect([...(await source.read(10, 5))]).to.deep.equal([...bytes.subarray(10, 15)]);
    expect([...(await source.read(990, 10))]).to.deep.equal([...bytes.subarray(990)]);
    expect(blob.whole).to.equal(1);
    expect(blob.slices).to.equal(0);
  });

  it('leaves a document past the limit in its Blob, read piece by piece', async () => {
    const blob = new CountingBlob([bytes]);
    const source = await documentSource(blob, undefined, 999);
    expect([...(await source.read(10, 5))]).to.deep.equal([...bytes.subarray(10, 15)]);
    expect(blob.whole).to.equal(0);
    expect(blob.slices).to.equal(1);
  });

  it('stops when aborted while reading', async () => {
    const abort = new AbortController();
    const reading = documentSource(new Blob([bytes]), abort.signal);
    abort.abort();
    let error: unknown;
    await reading.catch((e: unknown) => {
      error = e;
    });
    expect((error as Error | undefined)?.name).to.equal('AbortError');
  });
});
