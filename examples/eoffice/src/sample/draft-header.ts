import {
  CLERK_LINE,
  HEADER_BOTTOM,
  LEFT_COLUMN,
  MARGIN,
  PAGE,
  RIGHT_COLUMN,
  TEXT_WIDTH,
} from './a4-layout.js';
import type { DraftText } from './draft-text.js';
import type { PageCanvas } from './page-canvas.js';

const TOP = PAGE.height - MARGIN.top;
/** The motto's column is a little wider than the date line's box, centred on it like the date. */
const MOTTO_WIDTH = 270;

/** Where a block's last line ends (its descent), `top` being the block's top. */
function bottomOf(layout: { height: number }, top: number): number {
  return top - layout.height;
}

/**
 * Page 1's header in the Decree 30 layout: the issuing organisation in bold capitals at the top
 * left with a short rule under it, the national name and motto at the top right with a rule as
 * long as the motto. Both stay in the 16 mm band the clerk's presets expect, above the number
 * and the date line.
 */
export function drawHeader(canvas: PageCanvas, text: DraftText): void {
  const band = { y: HEADER_BOTTOM, height: TOP - HEADER_BOTTOM };
  const left = canvas.text({
    text: text.organisation,
    style: 'bold',
    size: 13,
    place: { rect: { x: LEFT_COLUMN.x, width: LEFT_COLUMN.width, ...band }, align: 'center', valign: 'top' },
  });
  // a rule a third to a half as long as the line above, centred under it (Decree 30, appendix I)
  const leftCentre = LEFT_COLUMN.x + LEFT_COLUMN.width / 2;
  const leftRule = (left.lines.at(-1)?.width ?? 0) * 0.45;
  const leftY = bottomOf(left, TOP) - 2.5;
  canvas.rule(leftCentre - leftRule / 2, leftCentre + leftRule / 2, leftY);

  const rightCentre = RIGHT_COLUMN.x + RIGHT_COLUMN.width / 2;
  const rect = { x: rightCentre - MOTTO_WIDTH / 2, width: MOTTO_WIDTH };
  const nation = canvas.text({
    text: text.nation,
    style: 'bold',
    size: 12,
    place: { rect: { ...rect, ...band }, align: 'center', valign: 'top' },
  });
  const mottoTop = TOP - nation.lineHeight;
  const motto = canvas.text({
    text: text.motto,
    style: 'bold',
    size: 13,
    place: {
      rect: { ...rect, y: HEADER_BOTTOM, height: mottoTop - HEADER_BOTTOM },
      align: 'center',
      valign: 'top',
    },
  });
  const mottoY = bottomOf(motto, mottoTop) - 2;
  canvas.rule(rightCentre - motto.width / 2, rightCentre + motto.width / 2, mottoY);
  if (Math.min(leftY, mottoY) < CLERK_LINE.top) throw new RangeError('the header runs into the clerk’s line');
}

/**
 * The title under the clerk's line: the kind of document in bold capitals, the subject in bold
 * under it, a short rule below. Returns where the body may start.
 */
export function drawTitle(canvas: PageCanvas, text: DraftText): number {
  const top = CLERK_LINE.bottom - 16;
  const rect = { x: MARGIN.left, width: TEXT_WIDTH, y: MARGIN.bottom, height: top - MARGIN.bottom };
  const title = canvas.text({
    text: [text.kind, text.subject],
    style: 'bold',
    size: 14,
    place: { rect, align: 'center', valign: 'top' },
  });
  const centre = MARGIN.left + TEXT_WIDTH / 2;
  const rule = (title.lines.at(-1)?.width ?? 0) / 3;
  const y = bottomOf(title, top) - 3;
  canvas.rule(centre - rule / 2, centre + rule / 2, y);
  return y - 14;
}

/** The page number of pages after the first, centred in the top margin. */
export function drawPageNumber(canvas: PageCanvas, page: number): void {
  canvas.text({
    text: String(page),
    style: 'regular',
    size: 13,
    place: {
      rect: { x: MARGIN.left, width: TEXT_WIDTH, y: TOP + 8, height: MARGIN.top - 16 },
      align: 'center',
      valign: 'middle',
    },
  });
}
