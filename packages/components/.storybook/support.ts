/// <reference types="vite/client" />
// What the stories share: pdf.js's worker as Vite emits it, and the fixture files.
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

export const WORKER_SRC: string = workerUrl;

/** URL of a fixture made by scripts/fixtures.mjs (served from /fixtures). */
export function fixtureUrl(name: string): string {
  return new URL(`fixtures/${name}`, document.baseURI).href;
}

/** A document that never finishes arriving: holds an element in its loading state. */
export class PendingBlob extends Blob {
  constructor() {
    super([new Uint8Array(1024)], { type: 'application/pdf' });
  }

  override slice(): Blob {
    return new PendingBlob();
  }

  override arrayBuffer(): Promise<ArrayBuffer> {
    return new Promise(() => {});
  }
}
