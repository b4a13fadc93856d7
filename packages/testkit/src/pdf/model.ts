import type { Noise } from './noise.js';

/** A dictionary, array or other non-stream object, as its serialised body. */
export interface PlainObject {
  readonly num: number;
  readonly body: string;
}

/** A stream object; the writer adds /Length to `dict`. */
export interface StreamObject {
  readonly num: number;
  /** Entries in order, values serialised. */
  readonly dict: Readonly<Record<string, string>>;
  readonly data: Uint8Array | Noise;
}

export type ModelObject = PlainObject | StreamObject;

export function isStream(o: ModelObject): o is StreamObject {
  return 'data' in o;
}

/** How form 'revisions' holds back the last page from the first revision. */
export interface HeldBackPage {
  /** The page and its content stream, written by the last update. */
  objects: readonly number[];
  /** The page-tree nodes on the page's path, as the first revision has them (without the page). */
  nodesBefore: readonly PlainObject[];
}

/** A test document as numbered objects, before any cross-reference form is chosen. */
export interface PdfModel {
  /** Ascending object numbers, 1..size-1 without gaps. */
  readonly objects: readonly ModelObject[];
  readonly size: number;
  readonly root: number;
  readonly info: number;
  /** /Info body for revision 0 (the original) and each later update. */
  readonly infoBody: (revision: number) => string;
  /** /ID [first second] for a revision. */
  readonly id: (revision: number) => string;
  readonly heldBack: HeldBackPage | undefined;
}
