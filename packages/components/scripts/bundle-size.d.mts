export interface BundleChunk {
  file: string;
  /** Loaded with the entry (statically imported), not on demand. */
  initial: boolean;
  /** Minified bytes. */
  bytes: number;
  gzip: number;
  /** Source modules bundled into the chunk. */
  inputs: string[];
}

export interface BundleReport {
  /** Gzip bytes of the entry chunk and its static imports. */
  initialGzip: number;
  initialInputs: string[];
  chunks: BundleChunk[];
}

export function measureBundle(entry?: string): Promise<BundleReport>;
