import { readFile } from 'node:fs/promises';
import { Pkcs12Signer, type Signer } from '@kyso/core';
import { createTestPki } from '@kyso/testkit';
import { run } from '@kyso/testkit/node';
import {
  type AppearanceBox,
  type FontFamily,
  loadImage,
  PdfDict,
  type PdfObject,
  PdfRef,
  type SignPdfOptions,
  signedBytes,
  signPdf,
} from '../../src/index.js';
import { loadDefaultFonts } from '../../src/node/index.js';

/** The three lines the tests name. */
export const VN_LINES = ['Nguyễn Thị Hồng Hạnh', 'ỦY BAN NHÂN DÂN', 'ngày 28 tháng 02 năm 2023'] as const;

export const asset = (name: string) => new URL(`../assets/${name}`, import.meta.url);

let fonts: Promise<FontFamily> | undefined;
export function defaultFonts(): Promise<FontFamily> {
  fonts ??= loadDefaultFonts();
  return fonts;
}

export async function signatureImage() {
  return loadImage(new Uint8Array(await readFile(asset('signature-blue.png'))));
}

export async function sealImage() {
  return loadImage(new Uint8Array(await readFile(asset('seal-red-36mm-300dpi.png'))));
}

let signer: Promise<Signer> | undefined;
/** A personal test identity (no network: revocation is off in `signWith`). */
export function testSigner(): Promise<Signer> {
  signer ??= (async () => {
    const pki = await createTestPki({ include: ['lanh-dao-phong'] });
    const identity = pki.get('lanh-dao-phong');
    return Pkcs12Signer.open(await identity.toPkcs12(), identity.password);
  })();
  return signer;
}

export async function signWith(
  pdf: Uint8Array,
  options: Omit<SignPdfOptions, 'signer'>,
): Promise<Uint8Array> {
  return signedBytes(
    await signPdf(pdf, { signer: await testSigner(), revocation: { mode: 'off' }, ...options }),
  );
}

/** A stand-alone AppearanceBox that records what a drawer adds (for unit tests of the composer). */
export function fakeBox(width: number, height: number, shared = new Map<string, unknown>()) {
  const added: PdfObject[] = [];
  const box: AppearanceBox = {
    width,
    height,
    add: (value) => {
      added.push(value);
      return new PdfRef(1000 + added.length, 0);
    },
    shared,
  };
  const objectAt = (ref: PdfObject | undefined) =>
    ref instanceof PdfRef ? added[ref.num - 1001] : undefined;
  const dictAt = (ref: PdfObject | undefined) => {
    const o = objectAt(ref);
    return o instanceof PdfDict ? o : undefined;
  };
  return { box, added, objectAt, dictAt, shared };
}

export async function pdftotext(path: string, page: number, layout = false): Promise<string> {
  const r = await run('pdftotext', [
    ...(layout ? ['-layout'] : []),
    '-f',
    String(page),
    '-l',
    String(page),
    path,
    '-',
  ]);
  if (r.code !== 0) throw new Error(r.stderr);
  return r.stdout;
}

export interface FontRow {
  name: string;
  type: string;
  encoding: string;
  emb: string;
  sub: string;
  uni: string;
}

/** pdffonts' table, one row per font. */
export async function pdffonts(path: string): Promise<FontRow[]> {
  const r = await run('pdffonts', [path]);
  if (r.code !== 0) throw new Error(r.stderr);
  return r.stdout
    .split('\n')
    .slice(2)
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const m = /^(\S+)\s+(.+?)\s{2,}(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.exec(l);
      if (!m) throw new Error(`unexpected pdffonts row: ${l}`);
      return { name: m[1]!, type: m[2]!, encoding: m[3]!, emb: m[4]!, sub: m[5]!, uni: m[6]! };
    });
}
