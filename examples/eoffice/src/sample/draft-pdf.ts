import { deflateSync } from 'node:zlib';
import { type FontFamily, name, PdfDict, PdfStream } from '@kyso/pdf';
import { loadDefaultFonts } from '@kyso/pdf/node';
import { INITIALS_FIELDS } from '../domain/initials.js';
import { MARGIN, PAGE, TEXT_WIDTH } from './a4-layout.js';
import { BodyFlow, type FlowArea } from './body-flow.js';
import { DocumentFonts } from './document-fonts.js';
import { CLOSING_TOP, drawClosing } from './draft-closing.js';
import { drawHeader, drawPageNumber, drawTitle } from './draft-header.js';
import { DRAFT_TEXT, type DraftText } from './draft-text.js';
import { type InitialsField, initialsWidget } from './initials-fields.js';
import { PageCanvas } from './page-canvas.js';
import { PdfFile, textString } from './pdf-file.js';

export interface DraftPdfOptions {
  /** The fonts (default: @kyso/pdf's bundled Liberation Serif, metric-compatible with Times New Roman). */
  fonts?: FontFamily;
  /** What it says (default: the plan of DRAFT_TEXT). */
  text?: DraftText;
}

/** The file's creation date: fixed, so the sample is the same bytes every time. */
const CREATED = "D:20250106080000+07'00'";

/**
 * The specialist's sample draft, built in memory: an A4 plan of a provincial People's Committee in
 * the Decree 30/2020/NĐ-CP layout, in Vietnamese, with the number, the date line and the signatures
 * left blank for the approval chain, and two empty signature fields for the reviewers' initials. Text is drawn with @kyso/pdf's layout and its embedded
 * subset fonts (Type0, Identity-H, ToUnicode), into a classic-xref PDF 1.7.
 */
export async function buildDraftPdf(options: DraftPdfOptions = {}): Promise<Uint8Array> {
  const text = options.text ?? DRAFT_TEXT;
  const file = new PdfFile();
  const fonts = new DocumentFonts(options.fonts ?? (await loadDefaultFonts()), file.add);

  const canvases = [new PageCanvas(fonts)];
  const first = canvases[0]!;
  drawHeader(first, text);
  const bodyTop = drawTitle(first, text);
  const nextPage = (): FlowArea => {
    const canvas = new PageCanvas(fonts);
    canvases.push(canvas);
    drawPageNumber(canvas, canvases.length);
    return { canvas, top: PAGE.height - MARGIN.top, bottom: MARGIN.bottom };
  };
  const flow = new BodyFlow(
    { canvas: first, top: bodyTop, bottom: MARGIN.bottom },
    MARGIN.left,
    TEXT_WIDTH,
    nextPage,
  );
  for (const block of text.body) flow.add(block);
  const textEnd = flow.lastLine;
  // the closing sits at a fixed height, over the signatures' place: on a new page if the body reaches it
  if (flow.cursor - 6 < CLOSING_TOP) flow.newPage();
  const recipientsEnd = drawClosing(flow.canvas, text);
  await fonts.finish();

  // the reviewers' initials: the department's after the text's "./.", the office's after "Lưu: …"
  const initials: InitialsField[] = [
    ...(textEnd
      ? [{ name: INITIALS_FIELDS['lanh-dao-phong']!, label: 'Ký tắt: lãnh đạo phòng', at: textEnd }]
      : []),
    { name: INITIALS_FIELDS['lanh-dao-van-phong']!, label: 'Ký tắt: lãnh đạo văn phòng', at: recipientsEnd },
  ];
  const resources = file.add(new PdfDict([['Font', fonts.resources()]]));
  const pagesRef = file.reserve();
  const pageRefs = canvases.map(() => file.reserve());
  const widgets = initials.map((field) => ({
    page: canvases.indexOf(field.at.canvas),
    ref: file.add(initialsWidget(field, pageRefs[canvases.indexOf(field.at.canvas)]!)),
  }));
  const kids = canvases.map((canvas, i) => {
    const content = Uint8Array.from(canvas.content(), (c) => c.charCodeAt(0));
    const stream = file.add(
      new PdfStream(new PdfDict([['Filter', name('FlateDecode')]]), deflateSync(content)),
    );
    const annots = widgets.filter((w) => w.page === i).map((w) => w.ref);
    const page = new PdfDict([
      ['Type', name('Page')],
      ['Parent', pagesRef],
      ['MediaBox', [0, 0, PAGE.width, PAGE.height]],
      ['Resources', resources],
      ['Contents', stream],
    ]);
    if (annots.length > 0) page.set('Annots', annots);
    file.set(pageRefs[i]!, page);
    return pageRefs[i]!;
  });
  file.set(
    pagesRef,
    new PdfDict([
      ['Type', name('Pages')],
      ['Kids', kids],
      ['Count', kids.length],
    ]),
  );
  const catalog = file.add(
    new PdfDict([
      ['Type', name('Catalog')],
      ['Pages', pagesRef],
      ['Lang', textString('vi-VN')],
      ['ViewerPreferences', new PdfDict([['DisplayDocTitle', true]])],
      ['AcroForm', new PdfDict([['Fields', widgets.map((w) => w.ref)]])],
    ]),
  );
  const info = file.add(
    new PdfDict([
      ['Title', textString(`${capitalised(text.kind)} ${lowerFirst(text.subject)}`)],
      ['Author', textString(text.author)],
      ['Subject', textString('Dự thảo')],
      ['Creator', textString('kyso e-office demo')],
      ['Producer', textString('@kyso/pdf')],
      ['CreationDate', textString(CREATED)],
    ]),
  );
  return file.toBytes(catalog, info);
}

/** "KẾ HOẠCH" → "Kế hoạch". */
function capitalised(kind: string): string {
  const lower = kind.toLocaleLowerCase('vi');
  return lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1);
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);
}
