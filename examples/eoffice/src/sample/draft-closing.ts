import { MARGIN, SIGNATURE_BOX, SIGNATURE_COLUMN } from './a4-layout.js';
import type { LineEnd } from './body-flow.js';
import type { DraftText } from './draft-text.js';
import type { PageCanvas } from './page-canvas.js';

/** The signature block's title (two 13 pt lines) ends this far above the signatures and seal. */
const TITLE_HEIGHT = 11.58 + 2.81 + 13 * 1.15;
const GAP = 10;

/** The closing's top on the last page: the body must end above it. */
export const CLOSING_TOP = SIGNATURE_BOX.top + GAP + TITLE_HEIGHT;

/**
 * The end of the last page: "Nơi nhận:" and the recipients at the bottom left (bold italic 12 pt,
 * then 11 pt), the signature block's title at the right (bold 13 pt) just above the place the
 * officials' signatures and the seal are drawn, which is left empty. Returns where the recipients'
 * last line ("Lưu: …") ends.
 */
export function drawClosing(canvas: PageCanvas, text: DraftText): LineEnd {
  const top = CLOSING_TOP;
  const leftWidth = SIGNATURE_BOX.left - MARGIN.left - 6;
  const label = canvas.text({
    text: text.recipientsLabel,
    style: 'boldItalic',
    size: 12,
    place: { rect: { x: MARGIN.left, y: top - 20, width: leftWidth, height: 20 }, valign: 'top' },
  });
  const listTop = top - label.lineHeight;
  const list = canvas.text({
    text: text.recipients,
    style: 'regular',
    size: 11,
    place: {
      rect: { x: MARGIN.left, y: MARGIN.bottom, width: leftWidth, height: listTop - MARGIN.bottom },
      valign: 'top',
    },
  });
  const title = canvas.text({
    text: text.signatureTitle,
    style: 'bold',
    size: 13,
    place: {
      rect: {
        x: SIGNATURE_COLUMN.x,
        y: SIGNATURE_BOX.top,
        width: SIGNATURE_COLUMN.width,
        height: top - SIGNATURE_BOX.top,
      },
      align: 'center',
      valign: 'top',
    },
  });
  if (title.lines.length !== text.signatureTitle.length)
    throw new RangeError('the signature block’s title wraps');
  return {
    canvas,
    x: MARGIN.left + (list.lines.at(-1)?.width ?? 0),
    baseline: listTop - list.ascent - (list.lines.length - 1) * list.lineHeight,
    size: list.size,
    lineHeight: list.lineHeight,
  };
}
