import { mmToPt } from '../appearance/image/size.js';
import type { PageInfo } from '../document/pages.js';
import { displayedSize } from '../fields/placement.js';
import type { PresetPlace } from './types.js';

/**
 * Default places on the standard layout of Decree 30/2020/NĐ-CP (appendix I): margins of 20 mm
 * top, 30 mm left and 15–20 mm right; the issuing organisation's block in a left column about 80 mm
 * wide with the number under it, the national motto in the right column with the place-and-date
 * line under it, and the signature block in the right half of the last page. Measured from the
 * displayed page's edges, so other page sizes keep the same margins.
 */
const TOP = mmToPt(20);
const LEFT = mmToPt(30);
const RIGHT = mmToPt(15);
/** The organisation's name and the motto take about 16 mm under the top margin. */
const HEADER = mmToPt(16);
const LEFT_COLUMN = mmToPt(80);

function pageSize(pages: PageInfo[], index: number) {
  const page = pages[index];
  if (!page) throw new RangeError(`the document has no page ${index + 1}`);
  return displayedSize(page);
}

/** The "Số: …" line under the issuing organisation's name (page 1, top left). */
export function numberPlace(pages: PageInfo[], height: number): PresetPlace {
  const { height: H } = pageSize(pages, 0);
  return { page: 1, rect: { x: LEFT, y: H - TOP - HEADER - height, width: LEFT_COLUMN, height } };
}

/** The place-and-date line under the national motto (page 1, top right). */
export function dateLinePlace(pages: PageInfo[], height: number): PresetPlace {
  const { width: W, height: H } = pageSize(pages, 0);
  const x = LEFT + LEFT_COLUMN;
  return { page: 1, rect: { x, y: H - TOP - HEADER - height, width: W - RIGHT - x, height } };
}

/** The corner box of attachments and copies: page 1, top right, inside the top margin. */
export function cornerPlace(pages: PageInfo[], width: number, height: number): PresetPlace {
  const { width: W, height: H } = pageSize(pages, 0);
  return { page: 1, rect: { x: W - RIGHT - width, y: H - mmToPt(8) - height, width, height } };
}

/** The signature block: the right half of the last page, its centre about a fifth up the page. */
export function signatureBlockPlace(pages: PageInfo[], width: number, height: number): PresetPlace {
  const last = pages.length - 1;
  const { width: W, height: H } = pageSize(pages, last);
  const centre = (W / 2 + (W - RIGHT)) / 2;
  return {
    page: last + 1,
    rect: { x: centre - width / 2, y: Math.max(mmToPt(20), H * 0.22 - height / 2), width, height },
  };
}
