import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeTestPdf } from '@kyso/testkit';
import { makeTestPdfFile, type PkiServer, startTestPki, tempDir } from '@kyso/testkit/node';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { listPages } from '../src/document/pages.js';
import { listFields } from '../src/fields/field-tree.js';
import {
  addDocumentTimestamp,
  addValidationData,
  name,
  PdfDict,
  type PdfDocument,
  PdfRef,
  PdfStream,
  signedBytes,
  signPdf,
} from '../src/index.js';
import { fromLatin1 } from '../src/syntax/chars.js';
import type { DocumentEdit } from '../src/writer/document-edit.js';
import { textString } from '../src/writer/incremental-update.js';
import { open, pageContents } from './attack-support.js';
import {
  appendUpdate,
  concat,
  expectJudged,
  kindsOf,
  patch,
  sign,
  signDespite,
  signerOf,
  type Verifier,
  verify,
} from './modification-support.js';

/**
 * Issue 5, item 3: what may change after a signature (DESIGN.md, ISO 32000-2 §12.8.2.2, PAdES). Each
 * case signs a testkit PDF, appends a later revision, and checks the earlier signature's
 * `modificationsAfter`, `status` and `modifications[]` — with its cryptographic verdict unchanged: a
 * disallowed change makes a signature invalid, never its digest broken.
 */
vi.setConfig({ testTimeout: 60_000, hookTimeout: 180_000 });

let server: PkiServer;
let v: Verifier;
let base: Uint8Array;
let first: Awaited<ReturnType<typeof signerOf>>;
let second: Awaited<ReturnType<typeof signerOf>>;
let signedOnce: Uint8Array;

beforeAll(async () => {
  server = await startTestPki({ include: ['signer-p256', 'signer-p384', 'tsa'] });
  v = { anchors: [server.pki.get('root').certificate] };
  first = await signerOf(server.pki, 'signer-p256');
  second = await signerOf(server.pki, 'signer-p384');
  base = await makeTestPdf({
    pages: 2,
    fields: [
      { type: 'text', name: 'so_van_ban', rect: [72, 700, 272, 720], value: '12/KH-UBND' },
      { type: 'text', name: 'ghi_chu', rect: [72, 650, 272, 670] },
      { type: 'signature', name: 'LanhDao', rect: [300, 100, 500, 160] },
    ],
  });
  signedOnce = await sign(base, first);
  const report = await verify(signedOnce, v);
  expectJudged(report.signatures[0], {
    indication: 'TOTAL_PASSED',
    modificationsAfter: 'none',
    status: 'valid',
  });
});
afterAll(async () => {
  await server?.close();
});

const tsa = () => ({ url: server.urls.tsa, fetch });

/** A form XObject drawing `text`, as a new object. */
function appearance(edit: DocumentEdit, text: string, font?: PdfRef): PdfRef {
  const resources = font ? new PdfDict([['Font', new PdfDict([['Helv', font]])]]) : new PdfDict();
  const content = fromLatin1(`BT /Helv 12 Tf 2 4 Td (${text}) Tj ET`);
  return edit.add(
    new PdfStream(
      new PdfDict([
        ['Type', name('XObject')],
        ['Subtype', name('Form')],
        ['BBox', [0, 0, 200, 20]],
        ['Resources', resources],
      ]),
      content,
    ),
  );
}

/** Fills a text field: a new /V and a new appearance stream, as a viewer saving a filled form does. */
async function fill(edit: DocumentEdit, doc: PdfDocument, fieldName: string, value: string): Promise<void> {
  const fields = await listFields(doc, await doc.dict((await doc.catalog()).get('AcroForm')));
  const field = fields.find((f) => f.name === fieldName);
  if (!field?.ref) throw new Error(`no field ${fieldName}`);
  const dict = await edit.dict(field.ref);
  dict.set('V', textString(value));
  dict.set('AP', new PdfDict([['N', appearance(edit, value)]]));
}

/** Adds a FreeText annotation (with its appearance) to a page's /Annots. */
async function annotate(edit: DocumentEdit, doc: PdfDocument, page = 0): Promise<PdfRef> {
  const target = (await listPages(doc))[page]!;
  const annot = edit.add(
    new PdfDict([
      ['Type', name('Annot')],
      ['Subtype', name('FreeText')],
      ['Rect', [72, 400, 272, 420]],
      ['Contents', textString('Đã xem')],
      ['DA', textString('/Helv 12 Tf 0 g')],
      ['P', target.ref],
      ['AP', new PdfDict([['N', appearance(edit, 'Da xem')]])],
    ]),
  );
  await edit.appendTo(await edit.dict(target.ref), 'Annots', annot);
  return annot;
}

describe('allowed after a signature (no certification: judged as DocMDP P=3)', () => {
  it('a second signature, with its field and widget', async () => {
    const report = await verify(await sign(signedOnce, second), v);
    expectJudged(report.signatures[0], {
      indication: 'TOTAL_PASSED',
      modificationsAfter: 'allowed',
      status: 'valid',
      kinds: ['signature-added'],
    });
    expect(kindsOf(report.signatures[0]!)).toEqual(['signature-added']);
    expect(report.signatures[1]!.modificationsAfter).toBe('none');
    expect(report.status).toBe('valid');
  });

  it('a second, visible signature: its widget added to the page', async () => {
    const signed = await sign(signedOnce, second, {
      visible: { page: 2, rect: { x: 300, y: 300, width: 200, height: 60 } },
    });
    const report = await verify(signed, v);
    expectJudged(report.signatures[0], {
      indication: 'TOTAL_PASSED',
      modificationsAfter: 'allowed',
      status: 'valid',
      kinds: ['signature-added'],
    });
    // the page object is among the changed objects: its /Annots grew by the widget
    const doc = await open(signed);
    const page2 = (await listPages(doc))[1]!.ref.key;
    expect(report.signatures[0]!.modifications.flatMap((m) => m.objects)).toContain(page2);
  });

  it('signing the empty signature field the document already has', async () => {
    const report = await verify(await sign(signedOnce, second, { field: 'LanhDao' }), v);
    expectJudged(report.signatures[0], {
      indication: 'TOTAL_PASSED',
      modificationsAfter: 'allowed',
      status: 'valid',
      kinds: ['signature-added'],
    });
    expect(report.signatures[1]!.field).toBe('LanhDao');
  });

  it('validation data: a DSS with VRI (addValidationData)', async () => {
    const ltv = await addValidationData(signedOnce, {
      revocation: { mode: 'embedded' },
      allowIncomplete: true,
      trust: { anchors: v.anchors },
    });
    expect(ltv.appended.length).toBeGreaterThan(0);
    const report = await verify(concat(signedOnce, ltv.appended), v);
    expectJudged(report.signatures[0], {
      indication: 'TOTAL_PASSED',
      modificationsAfter: 'allowed',
      status: 'valid',
      kinds: ['dss'],
    });
    expect(kindsOf(report.signatures[0]!)).toEqual(['dss']);
  });

  it('a document time-stamp', async () => {
    const ts = await addDocumentTimestamp(signedOnce, { tsa: tsa() });
    const report = await verify(concat(signedOnce, ts.appended), v);
    expectJudged(report.signatures[0], {
      indication: 'TOTAL_PASSED',
      modificationsAfter: 'allowed',
      status: 'valid',
      kinds: ['document-timestamp'],
    });
    expect(report.signatures[1]!.kind).toBe('document-timestamp');
  });

  it('B-LTA in one call: the DSS and the document time-stamp after a B-T signature', async () => {
    const signed = await signPdf(base, {
      signer: first,
      level: 'B-LTA',
      tsa: tsa(),
      revocation: { mode: 'online', fetch, timeoutMs: 5_000 },
    });
    const report = await verify(await signedBytes(signed), v);
    expectJudged(report.signatures[0], {
      indication: 'TOTAL_PASSED',
      modificationsAfter: 'allowed',
      status: 'valid',
      kinds: ['dss', 'document-timestamp'],
    });
    expect(report.signatures[0]!.modifications.every((m) => m.allowed)).toBe(true);
  });

  it('filling a text field, named in a FORM_FIELD_FILLED warning', async () => {
    const filled = await appendUpdate(signedOnce, (edit, doc) => fill(edit, doc, 'ghi_chu', 'Đồng ý'));
    const report = await verify(filled, v);
    expectJudged(report.signatures[0], {
      indication: 'TOTAL_PASSED',
      modificationsAfter: 'allowed',
      status: 'valid',
      kinds: ['form-field-filled'],
    });
    const w = report.signatures[0]!.warnings.find((x) => x.code === 'FORM_FIELD_FILLED');
    expect(w?.message).toContain('ghi_chu');
  });

  it('an annotation, with an ANNOTATION_ADDED warning naming it', async () => {
    let added: PdfRef | undefined;
    const annotated = await appendUpdate(signedOnce, async (edit, doc) => {
      added = await annotate(edit, doc);
    });
    const report = await verify(annotated, v);
    expectJudged(report.signatures[0], {
      indication: 'TOTAL_PASSED',
      modificationsAfter: 'allowed',
      status: 'valid',
      kinds: ['annotation-added'],
    });
    const w = report.signatures[0]!.warnings.find((x) => x.code === 'ANNOTATION_ADDED');
    expect(w?.message).toContain(`FreeText annotation (object ${added!.num} ${added!.gen})`);
    expect(w?.message).toContain('page 1');
  });

  it('the document information dictionary a signer updates', async () => {
    const updated = await appendUpdate(signedOnce, async (edit, doc) => {
      const info = doc.trailer.get('Info');
      if (!(info instanceof PdfRef)) throw new Error('no /Info');
      (await edit.dict(info)).set('ModDate', textString('D:20260101000000Z'));
    });
    const report = await verify(updated, v);
    expectJudged(report.signatures[0], {
      indication: 'TOTAL_PASSED',
      modificationsAfter: 'allowed',
      status: 'valid',
      kinds: ['metadata'],
    });
  });
});

/** A linearized test PDF (written to disk by testkit, read back). */
async function linearized(): Promise<Uint8Array> {
  const dir = await tempDir('kyso-modifications-');
  try {
    const path = join(dir.path, 'linearized.pdf');
    await makeTestPdfFile(path, { form: 'linearized', pages: 3 });
    return new Uint8Array(await readFile(path));
  } finally {
    await dir.remove();
  }
}

describe('kyso signing every structural form: never a false alarm', () => {
  it.each(['classic', 'xref-stream', 'hybrid', 'pdf-2.0', 'revisions', 'linearized'] as const)(
    '%s: a signature, a visible one, validation data and a document time-stamp',
    async (form) => {
      const input = form === 'linearized' ? await linearized() : await makeTestPdf({ form, pages: 3 });
      const one = await sign(input, first);
      const two = await sign(one, second, {
        visible: { page: 3, rect: { x: 50, y: 50, width: 180, height: 50 } },
      });
      const ltv = await addValidationData(two, {
        revocation: { mode: 'embedded' },
        allowIncomplete: true,
        trust: { anchors: v.anchors },
      });
      const withDss = concat(two, ltv.appended);
      const final = concat(withDss, (await addDocumentTimestamp(withDss, { tsa: tsa() })).appended);
      const report = await verify(final, v);
      expect(report.signatures.map((s) => s.modificationsAfter)).toEqual(['allowed', 'allowed', 'none']);
      expect(report.status).toBe('valid');
      for (const s of report.signatures) expect(s.modifications.every((m) => m.allowed)).toBe(true);
    },
  );
});

describe('metadata a signer writes', () => {
  it('XMP rewritten in place (Acrobat updates it as it signs)', async () => {
    const signed20 = await sign(await makeTestPdf({ form: 'pdf-2.0' }), first);
    const updated = await appendUpdate(signed20, async (edit, doc) => {
      const ref = (await doc.catalog()).get('Metadata');
      if (!(ref instanceof PdfRef)) throw new Error('no XMP');
      const old = await doc.resolve(ref);
      if (!(old instanceof PdfStream)) throw new Error('no XMP stream');
      const xml = new TextDecoder().decode(await doc.store.decoded(old));
      const dict = old.dict.clone();
      dict.delete('Filter');
      dict.delete('DecodeParms');
      edit.update.set(
        ref,
        new PdfStream(dict, new TextEncoder().encode(xml.replace('</rdf:RDF>', '<!-- signed --></rdf:RDF>'))),
      );
    });
    const report = await verify(updated, v);
    expectJudged(report.signatures[0], {
      indication: 'TOTAL_PASSED',
      modificationsAfter: 'allowed',
      status: 'valid',
      kinds: ['metadata'],
    });
  });
});

describe('allowed after a certification signature', () => {
  it('P=2: filling an unlocked text field, and signing', async () => {
    const certified = await sign(base, first, { certify: 2 });
    const filled = await appendUpdate(certified, (edit, doc) => fill(edit, doc, 'ghi_chu', 'Đồng ý'));
    const signed = await sign(filled, second);
    const report = await verify(signed, v);
    expect(report.signatures[0]!.kind).toBe('certification');
    expectJudged(report.signatures[0], {
      indication: 'TOTAL_PASSED',
      modificationsAfter: 'allowed',
      status: 'valid',
      kinds: ['form-field-filled', 'signature-added'],
    });
  });

  it('P=1: validation data and a document time-stamp (PAdES exempts them from DocMDP)', async () => {
    const certified = await sign(base, first, { certify: 1 });
    const ltv = await addValidationData(certified, {
      revocation: { mode: 'embedded' },
      allowIncomplete: true,
      trust: { anchors: v.anchors },
    });
    const withDss = concat(certified, ltv.appended);
    const ts = await addDocumentTimestamp(withDss, { tsa: tsa() });
    const report = await verify(concat(withDss, ts.appended), v);
    expectJudged(report.signatures[0], {
      indication: 'TOTAL_PASSED',
      modificationsAfter: 'allowed',
      status: 'valid',
      kinds: ['dss', 'document-timestamp'],
    });
  });
});

describe('disallowed after a signature', () => {
  it('an annotation after a P=2 certification', async () => {
    const certified = await sign(base, first, { certify: 2 });
    const annotated = await appendUpdate(certified, async (edit, doc) => {
      await annotate(edit, doc);
    });
    const report = await verify(annotated, v);
    expectJudged(report.signatures[0], {
      indication: 'TOTAL_PASSED',
      modificationsAfter: 'disallowed',
      status: 'invalid',
      kinds: ['!annotation-added'],
    });
    expect(report.signatures[0]!.warnings.map((w) => w.code)).not.toContain('ANNOTATION_ADDED');
  });

  it('the page content replaced by a new stream', async () => {
    const changed = await appendUpdate(signedOnce, async (edit, doc) => {
      const page = (await listPages(doc))[0]!;
      const stream = edit.add(
        new PdfStream(new PdfDict(), fromLatin1('BT /F1 24 Tf 72 720 Td (PAID) Tj ET')),
      );
      (await edit.dict(page.ref)).set('Contents', stream);
    });
    const report = await verify(changed, v);
    expectJudged(report.signatures[0], {
      indication: 'TOTAL_PASSED',
      modificationsAfter: 'disallowed',
      status: 'invalid',
      kinds: ['!page-content'],
    });
  });

  it('the page content stream rewritten in place', async () => {
    const changed = await appendUpdate(signedOnce, async (edit, doc) => {
      const ref = await pageContents(doc);
      edit.update.set(ref, new PdfStream(new PdfDict(), fromLatin1('BT /F1 24 Tf 72 720 Td (PAID) Tj ET')));
    });
    const report = await verify(changed, v);
    expectJudged(report.signatures[0], {
      indication: 'TOTAL_PASSED',
      modificationsAfter: 'disallowed',
      status: 'invalid',
      kinds: ['!page-content'],
    });
  });

  it('a page added', async () => {
    const changed = await appendUpdate(signedOnce, async (edit, doc) => {
      const pages = (await doc.catalog()).get('Pages');
      if (!(pages instanceof PdfRef)) throw new Error('no /Pages');
      const root = await edit.dict(pages);
      const page = edit.add(
        new PdfDict([
          ['Type', name('Page')],
          ['Parent', pages],
          ['MediaBox', [0, 0, 595, 842]],
          [
            'Contents',
            edit.add(new PdfStream(new PdfDict(), fromLatin1('BT /F1 24 Tf 72 720 Td (Annex) Tj ET'))),
          ],
        ]),
      );
      const kids = await doc.resolve(root.get('Kids'));
      root.set('Kids', [...(Array.isArray(kids) ? kids : []), page]);
      root.set('Count', (root.get('Count') as number) + 1);
    });
    const report = await verify(changed, v);
    expectJudged(report.signatures[0], {
      indication: 'TOTAL_PASSED',
      modificationsAfter: 'disallowed',
      status: 'invalid',
      kinds: ['!page-tree'],
    });
  });

  it('a font replaced', async () => {
    const changed = await appendUpdate(signedOnce, async (edit, doc) => {
      const page = (await listPages(doc))[0]!;
      const fonts = await doc.dict((await doc.dict(page.dict.get('Resources')))?.get('Font'));
      const font = fonts?.get(fonts.keys()[0]!);
      if (!(font instanceof PdfRef)) throw new Error('no indirect font');
      (await edit.dict(font)).set('BaseFont', name('Courier'));
    });
    const report = await verify(changed, v);
    expectJudged(report.signatures[0], {
      indication: 'TOTAL_PASSED',
      modificationsAfter: 'disallowed',
      status: 'invalid',
      kinds: ['!font'],
    });
  });

  it('a resource dictionary changed', async () => {
    const changed = await appendUpdate(signedOnce, async (edit, doc) => {
      const page = (await listPages(doc))[0]!;
      const resources = (await doc.dict(page.dict.get('Resources')))!.clone();
      resources.set('XObject', new PdfDict([['Stamp', appearance(edit, 'VOID')]]));
      (await edit.dict(page.ref)).set('Resources', resources);
    });
    const report = await verify(changed, v);
    expectJudged(report.signatures[0], {
      indication: 'TOTAL_PASSED',
      modificationsAfter: 'disallowed',
      status: 'invalid',
      kinds: ['!page-resources'],
    });
  });

  it('the catalog changed (an /OpenAction added)', async () => {
    const changed = await appendUpdate(signedOnce, async (edit) => {
      const action = new PdfDict([
        ['S', name('JavaScript')],
        ['JS', textString('app.alert("signed")')],
      ]);
      (await edit.catalog()).set('OpenAction', action);
    });
    const report = await verify(changed, v);
    expectJudged(report.signatures[0], {
      indication: 'TOTAL_PASSED',
      modificationsAfter: 'disallowed',
      status: 'invalid',
      kinds: ['!catalog'],
    });
  });

  it('a field locked by FieldMDP filled in (the unlocked one stays fillable)', async () => {
    const locked = await sign(base, first, { lock: { action: 'Include', fields: ['so_van_ban'] } });
    const allowed = await appendUpdate(locked, (edit, doc) => fill(edit, doc, 'ghi_chu', 'Đồng ý'));
    expectJudged((await verify(allowed, v)).signatures[0], {
      indication: 'TOTAL_PASSED',
      modificationsAfter: 'allowed',
      status: 'valid',
      kinds: ['form-field-filled'],
    });
    const refused = await appendUpdate(locked, (edit, doc) => fill(edit, doc, 'so_van_ban', '13/KH-UBND'));
    expectJudged((await verify(refused, v)).signatures[0], {
      indication: 'TOTAL_PASSED',
      modificationsAfter: 'disallowed',
      status: 'invalid',
      kinds: ['!locked-field-changed'],
    });
  });

  it('a P=1 certification, then a second signature forced in by hand', async () => {
    const certified = await sign(base, first, { certify: 1 });
    // kyso's signer refuses (CERTIFIED_NO_CHANGES): sign what a P=2 copy shows, over the P=1 bytes
    const forced = await signDespite(certified, patch(certified, '/P 1/V', '/P 2/V'), second);
    const report = await verify(forced, v);
    expect(report.signatures).toHaveLength(2);
    expect(report.signatures[1]!.indication).toBe('TOTAL_PASSED');
    expectJudged(report.signatures[0], {
      indication: 'TOTAL_PASSED',
      modificationsAfter: 'disallowed',
      status: 'invalid',
      kinds: ['!signature-added'],
    });
  });

  it('an object freed, and one redefined under a new generation', async () => {
    const doc = await open(signedOnce);
    const content = await pageContents(doc);
    const tail = (entries: string, body = '') => {
      const at = signedOnce.length + body.length;
      return fromLatin1(
        `${body}xref\n0 1\n0000000000 65535 f\r\n${entries}trailer\n<</Size ${doc.size}/Root ${doc.rootRef.num} 0 R/Prev ${doc.startxref}>>\nstartxref\n${at}\n%%EOF\n`,
      );
    };
    const freed = concat(signedOnce, tail(`${content.num} 1\n0000000000 00001 f\r\n`));
    expectJudged((await verify(freed, v)).signatures[0], {
      indication: 'TOTAL_PASSED',
      modificationsAfter: 'disallowed',
      status: 'invalid',
      kinds: ['!object-freed'],
    });
    const body = `${content.num} 1 obj\n<</Length 0>>\nstream\n\nendstream\nendobj\n`;
    const offset = String(signedOnce.length).padStart(10, '0');
    const regenerated = concat(signedOnce, tail(`${content.num} 1\n${offset} 00001 n\r\n`, body));
    expectJudged((await verify(regenerated, v)).signatures[0], {
      indication: 'TOTAL_PASSED',
      modificationsAfter: 'disallowed',
      status: 'invalid',
      kinds: ['!object-redefined'],
    });
  });
});
