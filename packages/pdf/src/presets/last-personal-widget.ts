import {
  type CertificateKindRule,
  certificateKind,
  findSignerCertificate,
  parseSignedData,
} from '@kyso/core';
import type { PageInfo } from '../document/pages.js';
import type { PdfDocument } from '../document/pdf-document.js';
import type { DisplayedRect } from '../fields/placement.js';
import { pageOfWidget, widgetRect } from '../fields/widget-placement.js';
import { listSignatures } from '../signatures/list-signatures.js';
import { displayedRect, drawnImages } from './drawn-images.js';

/** The last personal signature's visible widget, and the signature image it draws, as displayed. */
export interface PersonalWidget {
  field: string;
  /** 1-based. */
  page: number;
  widget: DisplayedRect;
  /** The largest image its appearance paints; the widget itself when it paints none. */
  image: DisplayedRect;
}

/**
 * Finds where the seal goes: the visible widget of the last signature (in signing order) made with
 * a personal certificate. Trust and integrity are not judged here: the signing-order rule does that
 * before anything is signed.
 */
export async function lastPersonalWidget(
  doc: PdfDocument,
  pages: PageInfo[],
  rule?: CertificateKindRule,
): Promise<PersonalWidget | undefined> {
  const signatures = (await listSignatures(doc)).filter((s) => s.type === 'Sig' && s.contents);
  for (const entry of signatures.reverse()) {
    let personal = false;
    try {
      const cms = parseSignedData(entry.contents!, { trailingZeros: true, trailingAny: true });
      const si = cms.signerInfos[0];
      const cert = si && findSignerCertificate(si, cms.certificates);
      personal = !!cert && certificateKind(cert, rule) === 'personal';
    } catch {
      continue;
    }
    if (!personal) continue;
    for (const w of entry.field.widgets) {
      const rect = widgetRect(w.dict);
      const page = rect && (await pageOfWidget(doc, pages, w.ref, w.dict));
      if (!rect || !page) continue;
      const box: [number, number, number, number] = [
        Math.min(rect[0], rect[2]),
        Math.min(rect[1], rect[3]),
        Math.max(rect[0], rect[2]),
        Math.max(rect[1], rect[3]),
      ];
      const images = await drawnImages(doc, w.dict);
      const largest = images.sort((a, b) => (b[2] - b[0]) * (b[3] - b[1]) - (a[2] - a[0]) * (a[3] - a[1]))[0];
      return {
        field: entry.field.name,
        page: page.index + 1,
        widget: displayedRect(page, box),
        image: displayedRect(page, largest ?? box),
      };
    }
  }
  return undefined;
}
