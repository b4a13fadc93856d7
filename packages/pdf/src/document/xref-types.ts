import type { PdfDict } from '../syntax/objects.js';

/** Where an object lives (ISO 32000-2 §7.5.4 and §7.5.8). */
export type XrefEntry =
  | { type: 'free'; gen: number }
  | { type: 'offset'; offset: number; gen: number }
  | { type: 'compressed'; stream: number; index: number };

/** One cross-reference section: a revision of the file (or a linearized file's first-page section). */
export interface XrefSection {
  /** The startxref value that points here. */
  offset: number;
  kind: 'table' | 'stream' | 'hybrid';
  entries: Map<number, XrefEntry>;
  /** The trailer dictionary (for a cross-reference stream: its stream dictionary). */
  trailer: PdfDict;
  prev?: number;
  /** Hybrid files: the cross-reference stream named by /XRefStm. */
  xrefStm?: number;
  /** File offset just after this section's "%%EOF" and its end-of-line, when found. */
  end?: number;
  /** File offset just after the "%%EOF" itself (signers differ on whether the end-of-line is signed). */
  eofEnd?: number;
  /** The object number of a cross-reference stream. */
  streamObject?: { num: number; gen: number };
}
