import { createTestPki, makeTestPdf } from '@kyso/testkit';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { listPages } from '../src/document/pages.js';
import { listFields } from '../src/fields/field-tree.js';
import { name, PdfDict, type PdfObject, PdfRef, PdfStream, serialize } from '../src/index.js';
import { fromLatin1 } from '../src/syntax/chars.js';
import type { DocumentEdit } from '../src/writer/document-edit.js';
import { textString } from '../src/writer/incremental-update.js';
import { gapOf, open, pageContents, rawUpdate, streamText, trailerOf } from './attack-support.js';
import {
  appendUpdate,
  concat,
  expectJudged,
  fromText,
  kindsOf,
  latin1,
  sign,
  signerOf,
  type Verifier,
  verify,
} from './modification-support.js';

/**
 * Issue 5, item 4: the published attacks on PDF signatures, each built from a testkit-signed PDF —
 * Universal Signature Forgery, Incremental Saving and Signature Wrapping (Mladenov et al., "1 Trillion
 * Dollar Refund", CCS 2019), the shadow attacks (Mainka et al., NDSS 2021) and the attacks on
 * certified documents (Mainka et al., "Breaking the Specification", IEEE S&P 2021). Every forged file
 * must not be valid, for a named reason; per family, a legitimate file stays valid.
 */
vi.setConfig({ testTimeout: 60_000, hookTimeout: 180_000 });

let v: Verifier;
let first: Awaited<ReturnType<typeof signerOf>>;
let second: Awaited<ReturnType<typeof signerOf>>;
let base: Uint8Array;
let signed: Uint8Array;

beforeAll(async () => {
  const pki = await createTestPki({ include: ['signer-p256', 'signer-p384'] });
  v = { anchors: [pki.get('root').certificate] };
  first = await signerOf(pki, 'signer-p256');
  second = await signerOf(pki, 'signer-p384');
  base = await makeTestPdf({
    pages: 1,
    compress: false,
    fields: [
      { type: 'text', name: 'so_tien', rect: [72, 700, 272, 720], value: '1,000 VND' },
      { type: 'signature', name: 'LanhDao', rect: [300, 100, 500, 160] },
    ],
  });
  signed = await sign(base, first);
  expect((await verify(signed, v)).status).toBe('valid');
});

describe('Universal Signature Forgery: a signature that is no signature', () => {
  /** The signed file with one value of its signature dictionary replaced (same length, blank-padded). */
  async function forged(key: 'Contents' | 'ByteRange', value: string | undefined): Promise<Uint8Array> {
    const text = latin1(signed);
    const at = text.lastIndexOf(`/${key}`);
    const end = key === 'Contents' ? text.indexOf('>', at) + 1 : text.indexOf(']', at) + 1;
    const replacement = value === undefined ? '' : `/${key}${value}`;
    return concat(signed.subarray(0, at), fromText(replacement.padEnd(end - at, ' ')), signed.subarray(end));
  }

  const cases: [string, 'Contents' | 'ByteRange', string | undefined, string][] = [
    ['/Contents missing', 'Contents', undefined, 'CONTENTS_MISSING'],
    ['/Contents empty', 'Contents', '<>', 'CONTENTS_MISSING'],
    ['/Contents null', 'Contents', ' null', 'CONTENTS_MISSING'],
    ['/Contents all zeros', 'Contents', `<${'0'.repeat(64)}>`, 'CONTENTS_MISSING'],
    ['/Contents not CMS', 'Contents', `<${'DEADBEEF'.repeat(16)}>`, 'CMS_MALFORMED'],
    ['/ByteRange missing', 'ByteRange', undefined, 'BYTE_RANGE_INVALID'],
    ['/ByteRange null', 'ByteRange', ' null', 'BYTE_RANGE_INVALID'],
    ['/ByteRange [0 0 0 0]', 'ByteRange', '[0 0 0 0]', 'BYTE_RANGE_INVALID'],
    ['/ByteRange empty', 'ByteRange', '[]', 'BYTE_RANGE_INVALID'],
  ];
  it.each(cases)('%s: never valid', async (_label, key, value, code) => {
    const report = await verify(await forged(key, value), v);
    const s = report.signatures[0]!;
    expect(s.status).not.toBe('valid');
    expect(s.indication).toBe('TOTAL_FAILED');
    expect(
      [...s.errors, ...s.warnings].map((e) => e.code),
      JSON.stringify(s.errors),
    ).toContain(code);
    expect(report.status).not.toBe('valid');
  });

  it('control: the signature as signed is valid', async () => {
    expect((await verify(signed, v)).signatures[0]!.status).toBe('valid');
  });
});

describe('Incremental Saving Attack: content changed after signing', () => {
  it('new page content in a later revision', async () => {
    const attacked = await appendUpdate(signed, async (edit, doc) => {
      const page = (await listPages(doc))[0]!;
      const evil = edit.add(
        new PdfStream(new PdfDict(), fromLatin1('BT /F1 24 Tf 72 600 Td (9,000,000 VND) Tj ET')),
      );
      (await edit.dict(page.ref)).set('Contents', evil);
    });
    expectJudged((await verify(attacked, v)).signatures[0], {
      indication: 'TOTAL_PASSED',
      modificationsAfter: 'disallowed',
      status: 'invalid',
      kinds: ['!page-content'],
    });
  });

  it('an xref-only update pointing the content stream at a copy planted before signing', async () => {
    const doc = await open(base);
    const content = await pageContents(doc);
    // before signing: an update whose body holds a second "n 0 obj" no cross-reference lists
    const planted = rawUpdate(base, {
      planted: [
        `${content.num} 0 obj\n${streamText('BT /F1 24 Tf 72 600 Td (9,000,000 VND) Tj ET')}\nendobj`,
      ],
      trailer: await trailerOf(base),
    });
    const signedPlanted = await sign(planted.bytes, first);
    expect((await verify(signedPlanted, v)).status).toBe('valid');
    // after signing: nothing but a cross-reference section and a trailer
    const attacked = rawUpdate(signedPlanted, {
      rows: [{ num: content.num, offset: planted.planted[0]! }],
      trailer: await trailerOf(signedPlanted),
    });
    expectJudged((await verify(attacked.bytes, v)).signatures[0], {
      indication: 'TOTAL_PASSED',
      modificationsAfter: 'disallowed',
      status: 'invalid',
      kinds: ['!page-content'],
    });
  });

  it('/Prev skipping the signed revision (its objects re-listed at their old offsets)', async () => {
    const doc = await open(signed);
    const signedRevision = doc.revisions.at(-1)!;
    const baseDoc = await open(base);
    const content = await pageContents(doc);
    const rows = [...signedRevision.section.entries]
      .filter(([num, e]) => num !== 0 && e.type === 'offset')
      .map(([num, e]) => ({ num, offset: (e as { offset: number }).offset }));
    const attacked = rawUpdate(signed, {
      objects: [{ num: content.num, text: streamText('BT /F1 24 Tf 72 600 Td (9,000,000 VND) Tj ET') }],
      rows,
      trailer: `/Size ${doc.size}/Root ${doc.rootRef.num} 0 R/Prev ${baseDoc.startxref}`,
    });
    const report = await verify(attacked.bytes, v);
    const s = report.signatures[0]!;
    expect(s.status).toBe('invalid');
    expect(s.modificationsAfter).toBe('disallowed');
    expect(kindsOf(s)).toContain('!unsigned-bytes');
  });

  it('/Prev 0 (the chain repaired by scanning) with new page content', async () => {
    const doc = await open(signed);
    const content = await pageContents(doc);
    const attacked = rawUpdate(signed, {
      objects: [{ num: content.num, text: streamText('BT /F1 24 Tf 72 600 Td (9,000,000 VND) Tj ET') }],
      trailer: `/Size ${doc.size}/Root ${doc.rootRef.num} 0 R/Prev 0`,
    });
    const report = await verify(attacked.bytes, v);
    expect(report.warnings.map((w) => w.code)).toContain('XREF_PREV_ZERO');
    expectJudged(report.signatures[0], {
      indication: 'TOTAL_PASSED',
      modificationsAfter: 'disallowed',
      status: 'invalid',
      kinds: ['!page-content'],
    });
  });

  it('objects appended after the last %%EOF with no cross-reference section', async () => {
    const doc = await open(signed);
    const content = await pageContents(doc);
    const tail = `${content.num} 0 obj\n${streamText('BT /F1 24 Tf 72 600 Td (9,000,000 VND) Tj ET')}\nendobj\n`;
    for (const extra of [tail, `${tail}trailer\n<</Root ${doc.rootRef.num} 0 R>>\n`]) {
      const report = await verify(concat(signed, fromText(extra)), v);
      expectJudged(report.signatures[0], {
        indication: 'TOTAL_PASSED',
        modificationsAfter: 'disallowed',
        status: 'invalid',
        kinds: ['!unsigned-update'],
      });
    }
  });

  it('control: a second signature appended is allowed, and blank padding after %%EOF is harmless', async () => {
    const report = await verify(await sign(signed, second), v);
    expect(report.status).toBe('valid');
    expect(report.signatures[0]!.modificationsAfter).toBe('allowed');
    const padded = await verify(concat(signed, new Uint8Array(32)), v);
    expect(padded.signatures[0]!.modificationsAfter).toBe('none');
  });
});

describe('Signature Wrapping: the signed bytes relocated', () => {
  it('objects written into the unsigned /Contents padding', async () => {
    const { a, cmsHex } = await gapOf(signed);
    const evil = `>>>\nendobj\n99 0 obj\n<</Type/Annot/Subtype/FreeText/Contents(PAID)>>\nendobj\n%`;
    const at = a + 1 + cmsHex;
    const attacked = concat(signed.subarray(0, at), fromText(evil), signed.subarray(at + evil.length));
    const s = (await verify(attacked, v)).signatures[0]!;
    expect(s.status).not.toBe('valid');
    expect(s.errors.map((e) => e.code)).toContain('BYTE_RANGE_GAP');
  });

  it('a second /ByteRange in the gap naming the signed tail moved behind new objects and a new xref', async () => {
    const doc = await open(signed);
    const { a, b, c, cmsHex } = await gapOf(signed);
    const revision = doc.revisions.at(-1)!;
    const xrefAt = revision.section.offset; // where the signed tail's startxref points
    const tail = signed.subarray(b);
    const cms = latin1(signed.subarray(a, a + 1 + cmsHex));
    const content = await pageContents(doc);
    const evilObject = `${content.num} 0 obj\n${streamText('BT /F1 24 Tf 72 600 Td (9,000,000 VND) Tj ET')}\nendobj\n`;
    // lay out: P1 | <cms> /ByteRange [...] >> endobj | evil object | padding | xref at xrefAt | padding | tail
    const build = (b2: number) => {
      let gap = `${cms}> /ByteRange [0 ${a} ${b2} ${c}]>>\nendobj\n`;
      const evilAt = a + gap.length;
      gap += evilObject;
      gap = gap.padEnd(xrefAt - a, ' ');
      // the signed revision's objects after the gap moved with the tail
      const shift = b2 - b;
      const rows = [...revision.section.entries]
        .filter(([num, e]) => num !== 0 && e.type === 'offset')
        .map(([num, e]) => {
          const offset = (e as { offset: number }).offset;
          return { num, offset: num === content.num ? evilAt : offset >= b ? offset + shift : offset };
        });
      if (!rows.some((r) => r.num === content.num)) rows.push({ num: content.num, offset: evilAt });
      let xref = 'xref\n0 1\n0000000000 65535 f\r\n';
      for (const r of rows.sort((x, y) => x.num - y.num))
        xref += `${r.num} 1\n${String(r.offset).padStart(10, '0')} 00000 n\r\n`;
      xref += `trailer\n<</Size ${doc.size}/Root ${doc.rootRef.num} 0 R/Prev ${(revision.section.trailer.get('Prev') as number) ?? 0}>>\nstartxref\n${xrefAt}\n%%EOF\n`;
      return gap + xref;
    };
    const b2 = xrefAt + 4096;
    const gap = build(b2);
    expect(gap.length).toBeLessThanOrEqual(b2 - a);
    // the signed bytes, all of them, are still in the file: the digest matches
    const attacked = concat(signed.subarray(0, a), fromText(gap.padEnd(b2 - a, ' ')), tail);
    const report = await verify(attacked, v);
    const s = report.signatures[0]!;
    expect(s.status).not.toBe('valid');
    expect(s.indication).toBe('TOTAL_FAILED');
    expect(s.errors.map((e) => e.code)).toContain('BYTE_RANGE_GAP');
  });

  it.each([
    [
      'past the end of the file',
      (a: number, b: number, c: number) => `[0 ${a} ${b} ${c + 100}]`,
      'BYTE_RANGE_INVALID',
    ],
    ['not starting at 0', (a: number, b: number, c: number) => `[10 ${a} ${b} ${c}]`, 'BYTE_RANGE_INVALID'],
    [
      'overlapping ranges',
      (a: number, _b: number, c: number) => `[0 ${a} ${a - 10} ${c}]`,
      'BYTE_RANGE_INVALID',
    ],
    [
      'the gap widened over signed bytes',
      (a: number, b: number, c: number) => `[0 ${a - 20} ${b} ${c}]`,
      'NONSTANDARD_COVERAGE',
    ],
  ])('a /ByteRange rewritten: %s', async (_label, range, code) => {
    const { a, b, c } = await gapOf(signed);
    const text = latin1(signed);
    const at = text.lastIndexOf('/ByteRange[') + '/ByteRange'.length;
    const end = text.indexOf(']', at) + 1;
    const attacked = concat(
      signed.subarray(0, at),
      fromText(range(a, b, c).padEnd(end - at, ' ')),
      signed.subarray(end),
    );
    const s = (await verify(attacked, v)).signatures[0]!;
    expect(s.status).not.toBe('valid');
    expect([...s.errors, ...s.warnings].map((e) => e.code)).toContain(code);
  });

  it('control: the untouched signature is valid', async () => {
    expect((await verify(signed, v)).status).toBe('valid');
  });
});

/** An overlay drawn over the page: a form XObject painted last (Mainka et al.'s hide variant). */
async function withOverlay(
  bytes: Uint8Array,
  text: string,
): Promise<{ bytes: Uint8Array; overlay: PdfRef; spare: PdfRef }> {
  let overlay: PdfRef | undefined;
  let spare: PdfRef | undefined;
  const form = (edit: DocumentEdit, label: string) =>
    edit.add(
      new PdfStream(
        new PdfDict([
          ['Type', name('XObject')],
          ['Subtype', name('Form')],
          ['BBox', [0, 0, 595, 842]],
          ['Resources', new PdfDict()],
        ]),
        fromLatin1(`1 1 1 rg 60 590 300 40 re f 0 0 0 rg BT /F1 14 Tf 72 600 Td (${label}) Tj ET`),
      ),
    );
  const out = await appendUpdate(bytes, async (edit, doc) => {
    const page = (await listPages(doc))[0]!;
    overlay = form(edit, text);
    // planted for later, used by nothing
    spare = form(edit, 'Approved: 9,000,000 VND');
    const dict = await edit.dict(page.ref);
    const resources = ((await doc.dict(dict.get('Resources'))) ?? new PdfDict()).clone();
    resources.set('XObject', new PdfDict([['Ov', overlay]]));
    dict.set('Resources', resources);
    const draw = edit.add(new PdfStream(new PdfDict(), fromLatin1('q /Ov Do Q')));
    const contents: PdfObject = dict.get('Contents')!;
    dict.set('Contents', [contents, draw]);
  });
  return { bytes: out, overlay: overlay!, spare: spare! };
}

describe('Shadow attacks: content prepared before signing, activated after', () => {
  let shadow: { bytes: Uint8Array; overlay: PdfRef; spare: PdfRef };
  let shadowSigned: Uint8Array;

  beforeAll(async () => {
    shadow = await withOverlay(base, 'Approved: 1,000 VND');
    shadowSigned = await sign(shadow.bytes, first);
  });

  it('hide: the overlay rewritten to draw nothing', async () => {
    const attacked = await appendUpdate(shadowSigned, async (edit) => {
      edit.update.set(
        shadow.overlay,
        new PdfStream(
          new PdfDict([
            ['Type', name('XObject')],
            ['Subtype', name('Form')],
            ['BBox', [0, 0, 0, 0]],
          ]),
          new Uint8Array(),
        ),
      );
    });
    expectJudged((await verify(attacked, v)).signatures[0], {
      indication: 'TOTAL_PASSED',
      modificationsAfter: 'disallowed',
      status: 'invalid',
      kinds: ['!xobject'],
    });
  });

  it('hide via referencing: an xref-only update pointing the overlay at an empty copy planted before signing', async () => {
    const planted = rawUpdate(shadow.bytes, {
      planted: [
        `${shadow.overlay.num} 0 obj\n${streamText('', '/Type/XObject/Subtype/Form/BBox[0 0 0 0]')}\nendobj`,
      ],
      trailer: await trailerOf(shadow.bytes),
    });
    const signedPlanted = await sign(planted.bytes, first);
    expect((await verify(signedPlanted, v)).status).toBe('valid');
    const attacked = rawUpdate(signedPlanted, {
      rows: [{ num: shadow.overlay.num, offset: planted.planted[0]! }],
      trailer: await trailerOf(signedPlanted),
    });
    expectJudged((await verify(attacked.bytes, v)).signatures[0], {
      indication: 'TOTAL_PASSED',
      modificationsAfter: 'disallowed',
      status: 'invalid',
      kinds: ['!xobject'],
    });
  });

  it('replace: the page resources pointed at the planted, unused overlay', async () => {
    const attacked = await appendUpdate(shadowSigned, async (edit, doc) => {
      const page = (await listPages(doc))[0]!;
      const dict = await edit.dict(page.ref);
      const resources = (await doc.dict(dict.get('Resources')))!.clone();
      resources.set('XObject', new PdfDict([['Ov', shadow.spare]]));
      dict.set('Resources', resources);
    });
    expectJudged((await verify(attacked, v)).signatures[0], {
      indication: 'TOTAL_PASSED',
      modificationsAfter: 'disallowed',
      status: 'invalid',
      kinds: ['!page-resources'],
    });
  });

  it('replace via overlay: a form field showing another value, its value unchanged', async () => {
    const attacked = await appendUpdate(shadowSigned, async (edit, doc) => {
      const fields = await listFields(doc, await doc.dict((await doc.catalog()).get('AcroForm')));
      const field = fields.find((f) => f.name === 'so_tien')!;
      const ap = edit.add(
        new PdfStream(
          new PdfDict([
            ['Type', name('XObject')],
            ['Subtype', name('Form')],
            ['BBox', [0, 0, 200, 20]],
          ]),
          fromLatin1('BT /Helv 12 Tf 2 4 Td (9,000,000 VND) Tj ET'),
        ),
      );
      (await edit.dict(field.ref!)).set('AP', new PdfDict([['N', ap]]));
    });
    const s = (await verify(attacked, v)).signatures[0]!;
    expectJudged(s, {
      indication: 'TOTAL_PASSED',
      modificationsAfter: 'disallowed',
      status: 'invalid',
      kinds: ['!appearance-changed'],
    });
  });

  it('replace: a font redefined', async () => {
    const attacked = await appendUpdate(shadowSigned, async (edit, doc) => {
      const page = (await listPages(doc))[0]!;
      const fonts = await doc.dict((await doc.dict(page.dict.get('Resources')))?.get('Font'));
      const font = fonts?.get(fonts.keys()[0]!);
      if (!(font instanceof PdfRef)) throw new Error('no font');
      const dict = await edit.dict(font);
      dict.set('Encoding', new PdfDict([['Differences', [49, name('nine')]]]));
    });
    expectJudged((await verify(attacked, v)).signatures[0], {
      indication: 'TOTAL_PASSED',
      modificationsAfter: 'disallowed',
      status: 'invalid',
      kinds: ['!font'],
    });
  });

  it('hide-and-replace: a new trailer whose /Root is a whole document planted before signing', async () => {
    const doc = await open(shadow.bytes);
    const catalog = await doc.catalog();
    const pages = catalog.get('Pages') as PdfRef;
    const n = doc.size;
    // before signing: a second catalog, page tree and page, listed but used by nothing
    const shadowDoc = rawUpdate(shadow.bytes, {
      objects: [
        { num: n, text: `<</Type/Catalog/Pages ${n + 1} 0 R>>` },
        { num: n + 1, text: `<</Type/Pages/Kids[${n + 2} 0 R]/Count 1>>` },
        {
          num: n + 2,
          text: `<</Type/Page/Parent ${n + 1} 0 R/MediaBox[0 0 595 842]/Contents ${n + 3} 0 R>>`,
        },
        { num: n + 3, text: streamText('BT /F1 24 Tf 72 600 Td (9,000,000 VND) Tj ET') },
      ],
      trailer: await trailerOf(shadow.bytes),
    });
    expect(pages.num).not.toBe(n + 1);
    const signedShadow = await sign(shadowDoc.bytes, first);
    expect((await verify(signedShadow, v)).status).toBe('valid');
    const signedDoc = await open(signedShadow);
    const attacked = rawUpdate(signedShadow, {
      trailer: `/Size ${signedDoc.size}/Root ${n} 0 R/Prev ${signedDoc.startxref}`,
    });
    const report = await verify(attacked.bytes, v);
    // the signature field is gone with the old catalog: nothing signed is shown as signed
    expect(report.status).not.toBe('valid');
    // and with the signature kept reachable, the swap itself is refused
    const kept = rawUpdate(signedShadow, {
      objects: [
        {
          num: n,
          text: `<</Type/Catalog/Pages ${n + 1} 0 R/AcroForm ${serialize((await signedDoc.catalog()).get('AcroForm')!)}>>`,
        },
      ],
      trailer: `/Size ${signedDoc.size}/Root ${n} 0 R/Prev ${signedDoc.startxref}`,
    });
    expectJudged((await verify(kept.bytes, v)).signatures[0], {
      indication: 'TOTAL_PASSED',
      modificationsAfter: 'disallowed',
      status: 'invalid',
      kinds: ['!catalog'],
    });
  });

  it('a shared object: the XMP metadata stream, also painted as page content, rewritten', async () => {
    const xmp = (text: string) =>
      fromLatin1(
        `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/></x:xmpmeta>\nBT /F1 24 Tf 72 600 Td (${text}) Tj ET\n<?xpacket end="w"?>`,
      );
    let metadata: PdfRef | undefined;
    // before signing: one stream is both the catalog's /Metadata and part of the page's /Contents
    const prepared = await appendUpdate(base, async (edit, doc) => {
      metadata = edit.add(
        new PdfStream(
          new PdfDict([
            ['Type', name('Metadata')],
            ['Subtype', name('XML')],
          ]),
          xmp('1,000 VND'),
        ),
      );
      (await edit.catalog()).set('Metadata', metadata);
      const page = (await listPages(doc))[0]!;
      const dict = await edit.dict(page.ref);
      dict.set('Contents', [dict.get('Contents')!, metadata]);
    });
    const signedShared = await sign(prepared, first);
    expect((await verify(signedShared, v)).status).toBe('valid');
    // after: "a metadata update", which rewrites what the page draws
    const attacked = await appendUpdate(signedShared, async (edit) => {
      edit.update.set(
        metadata!,
        new PdfStream(
          new PdfDict([
            ['Type', name('Metadata')],
            ['Subtype', name('XML')],
          ]),
          xmp('9,000,000 VND'),
        ),
      );
    });
    expectJudged((await verify(attacked, v)).signatures[0], {
      indication: 'TOTAL_PASSED',
      modificationsAfter: 'disallowed',
      status: 'invalid',
      kinds: ['!page-content'],
    });
  });

  it('control: the prepared document signed is valid, and so is a second signature after it', async () => {
    expect((await verify(shadowSigned, v)).status).toBe('valid');
    const report = await verify(await sign(shadowSigned, second), v);
    expect(report.status).toBe('valid');
    expect(report.signatures[0]!.modificationsAfter).toBe('allowed');
  });
});

describe('Attacks on certified documents', () => {
  /** A FreeText annotation laid over the amount (the evil annotation attack). */
  async function evilAnnotation(bytes: Uint8Array): Promise<Uint8Array> {
    return appendUpdate(bytes, async (edit, doc) => {
      const page = (await listPages(doc))[0]!;
      const ap = edit.add(
        new PdfStream(
          new PdfDict([
            ['Type', name('XObject')],
            ['Subtype', name('Form')],
            ['BBox', [0, 0, 200, 20]],
          ]),
          fromLatin1('1 1 1 rg 0 0 200 20 re f 0 0 0 rg BT /Helv 12 Tf 2 4 Td (9,000,000 VND) Tj ET'),
        ),
      );
      const annot = edit.add(
        new PdfDict([
          ['Type', name('Annot')],
          ['Subtype', name('FreeText')],
          ['Rect', [72, 700, 272, 720]],
          ['Contents', textString('9,000,000 VND')],
          ['DA', textString('/Helv 12 Tf 0 g')],
          ['F', 4],
          ['AP', new PdfDict([['N', ap]])],
        ]),
      );
      await edit.appendTo(await edit.dict(page.ref), 'Annots', annot);
    });
  }

  /** A visible signature whose appearance covers the amount (the sneaky signature attack). */
  const sneaky = (bytes: Uint8Array) =>
    sign(bytes, second, {
      visible: { page: 1, rect: { x: 72, y: 700, width: 200, height: 20 } },
      appearance: async () => ({
        content: fromLatin1('1 1 1 rg 0 0 200 20 re f 0 0 0 rg BT /Helv 12 Tf 2 4 Td (9,000,000 VND) Tj ET'),
      }),
    });

  it('evil annotation: an annotation over the content after a P=2 certification', async () => {
    const certified = await sign(base, first, { certify: 2 });
    expectJudged((await verify(await evilAnnotation(certified), v)).signatures[0], {
      indication: 'TOTAL_PASSED',
      modificationsAfter: 'disallowed',
      status: 'invalid',
      kinds: ['!annotation-added'],
    });
  });

  it.each([2, 3] as const)(
    'sneaky signature: a new visible signature after a P=%i certification',
    async (p) => {
      const certified = await sign(base, first, { certify: p });
      const report = await verify(await sneaky(certified), v);
      expect(report.signatures[1]!.indication).toBe('TOTAL_PASSED');
      expectJudged(report.signatures[0], {
        indication: 'TOTAL_PASSED',
        modificationsAfter: 'disallowed',
        status: 'invalid',
        kinds: ['!visible-signature-added-after-certification'],
      });
    },
  );

  it('control: after a P=2 certification, the field the certifier laid out and an invisible signature', async () => {
    const certified = await sign(base, first, { certify: 2 });
    const intoField = await sign(certified, second, { field: 'LanhDao' });
    const invisible = await sign(intoField, second);
    const report = await verify(invisible, v);
    expect(report.status).toBe('valid');
    expectJudged(report.signatures[0], {
      indication: 'TOTAL_PASSED',
      modificationsAfter: 'allowed',
      status: 'valid',
      kinds: ['signature-added'],
    });
  });

  it('control: after a P=3 certification an annotation is allowed, and named in a warning', async () => {
    const certified = await sign(base, first, { certify: 3 });
    const s = (await verify(await evilAnnotation(certified), v)).signatures[0]!;
    expectJudged(s, {
      indication: 'TOTAL_PASSED',
      modificationsAfter: 'allowed',
      status: 'valid',
      kinds: ['annotation-added'],
    });
    expect(s.warnings.map((w) => w.code)).toContain('ANNOTATION_ADDED');
  });
});
