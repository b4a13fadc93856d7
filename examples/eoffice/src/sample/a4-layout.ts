import { mmToPt } from '@kyso/pdf';

/**
 * The A4 page of Decree 30/2020/NĐ-CP (appendix I) as the draft uses it, and the places it keeps
 * free for what is signed later. They mirror @kyso/pdf's presets/page-layout.ts: the clerk's number
 * and date line under a 16 mm header band, the officials' signatures in the right half of the last
 * page, centred a fifth of the way up.
 */
export const PAGE = { width: 595.28, height: 841.89 } as const;

export const MARGIN = { top: mmToPt(20), bottom: mmToPt(20), left: mmToPt(30), right: mmToPt(15) } as const;

/** The text width between the margins. */
export const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;

/** The issuing organisation's column: 80 mm from the left margin; the motto's column is the rest. */
export const LEFT_COLUMN = { x: MARGIN.left, width: mmToPt(80) } as const;
export const RIGHT_COLUMN = {
  x: MARGIN.left + mmToPt(80),
  width: PAGE.width - MARGIN.right - MARGIN.left - mmToPt(80),
} as const;

/** The header (organisation and motto) lives in this band under the top margin. */
export const HEADER_BOTTOM = PAGE.height - MARGIN.top - mmToPt(16);

/**
 * Kept empty on page 1 for the clerk's "Số: …" (left column) and the place-and-date line (right
 * column): a 13 pt line at 1.25, with room for a 14 pt one.
 */
export const CLERK_LINE = { top: HEADER_BOTTOM, bottom: HEADER_BOTTOM - 14 * 1.25 } as const;

/**
 * Kept empty on the last page for the officials' signatures and the seal: the personal preset's
 * 170 pt box (image over the name and title lines, 11 and 9.9 pt) centred in the right half at
 * 22 % of the page's height, whose image's middle is therefore 0.22 H plus half the text's height
 * whatever the image; the 36 mm seal is centred on that middle over the image's left third.
 */
const SIGNATURE_CENTRE_X = (PAGE.width / 2 + (PAGE.width - MARGIN.right)) / 2;
const IMAGE_MIDDLE = PAGE.height * 0.22 + ((11 + 9.9) * 1.25) / 2;
const SEAL = mmToPt(36);
export const SIGNATURE_BOX = {
  left: SIGNATURE_CENTRE_X - 85 + 170 / 3 - SEAL,
  right: SIGNATURE_CENTRE_X + 85,
  top: IMAGE_MIDDLE + SEAL / 2,
  bottom: MARGIN.bottom,
} as const;

/** The signature block's column on the last page (its title above the signatures). */
export const SIGNATURE_COLUMN = { x: SIGNATURE_CENTRE_X - 120, width: 240 } as const;
