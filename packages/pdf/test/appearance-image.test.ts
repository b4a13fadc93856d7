import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { isKysoError } from '@kyso/core';
import { makeTestPdf } from '@kyso/testkit';
import { run, tempDir } from '@kyso/testkit/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AppearanceImage,
  drawAppearance,
  fitImage,
  imageSize,
  loadImage,
  mmToPt,
  PdfStream,
} from '../src/index.js';
import { fakeBox, sealImage, signatureImage, signWith, testSigner } from './support/appearance-kit.js';
import { pdfsig } from './support/judges.js';
import { encodePng, type PngSpec } from './support/png-encoder.js';
import { isBlue, renderPage } from './support/render.js';

let dir: { path: string; remove: () => Promise<void> };
const file = (n: string) => join(dir.path, n);
beforeAll(async () => {
  dir = await tempDir('kyso-image-');
  await testSigner();
}, 120_000);
afterAll(async () => {
  if (!process.env.KYSO_KEEP_RENDERS) await dir.remove();
});

/** Deterministic samples below 2^depth. */
function samples(count: number, depth: number, seed: number): number[] {
  let s = seed;
  return Array.from({ length: count }, () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return (s >>> 8) % 2 ** depth;
  });
}

/** What 8-bit value a sample becomes (written out here, independently of the decoder). */
const expected8 = (v: number, depth: number) =>
  depth === 16 ? Math.round(v / 257) : depth === 8 ? v : Math.round((v * 255) / (2 ** depth - 1));

interface Case {
  label: string;
  spec: Omit<PngSpec, 'samples' | 'width' | 'height' | 'interlace'>;
}

const CASES: Case[] = [
  ...([1, 2, 4, 8, 16] as const).map((d) => ({
    label: `gray ${d}-bit`,
    spec: { colorType: 0 as const, bitDepth: d },
  })),
  { label: 'RGB 8-bit', spec: { colorType: 2, bitDepth: 8 } },
  { label: 'RGB 16-bit', spec: { colorType: 2, bitDepth: 16 } },
  { label: 'gray+alpha 8-bit', spec: { colorType: 4, bitDepth: 8 } },
  { label: 'gray+alpha 16-bit', spec: { colorType: 4, bitDepth: 16 } },
  { label: 'RGBA 8-bit', spec: { colorType: 6, bitDepth: 8 } },
  { label: 'RGBA 16-bit', spec: { colorType: 6, bitDepth: 16 } },
  ...([1, 2, 4, 8] as const).map((d) => ({
    label: `palette ${d}-bit with tRNS`,
    spec: { colorType: 3 as const, bitDepth: d },
  })),
];

const CHANNELS = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 } as const;

describe('PNG decoding', () => {
  for (const { label, spec } of CASES)
    for (const interlace of [false, true])
      it(`${label}${interlace ? ', Adam7' : ''}`, async () => {
        // odd sizes leave some Adam7 passes empty and rows with partial bytes
        for (const [width, height] of [
          [13, 7],
          [1, 1],
          [3, 2],
        ] as const) {
          const n = CHANNELS[spec.colorType];
          const depth = spec.colorType === 3 ? spec.bitDepth : spec.bitDepth;
          const entries = 2 ** Math.min(spec.bitDepth, 4);
          const palette =
            spec.colorType === 3
              ? Array.from(
                  { length: entries },
                  (_, i) => [(i * 37) & 255, (i * 91) & 255, (i * 53 + 7) & 255] as [number, number, number],
                )
              : undefined;
          const raw = samples(
            width * height * n,
            spec.colorType === 3 ? Math.min(depth, 4) : depth,
            width * 31 + height,
          );
          const trns = palette ? palette.map((_, i) => (i * 61) & 255).slice(0, entries - 1) : undefined;
          const bytes = encodePng({
            ...spec,
            width,
            height,
            samples: raw,
            interlace,
            ...(palette ? { palette } : {}),
            ...(trns ? { trns } : {}),
          });
          const image = await loadImage(bytes);
          const r = image.raster!;
          expect([r.width, r.height]).toEqual([width, height]);
          const channels = spec.colorType === 0 || spec.colorType === 4 ? 1 : 3;
          expect(r.channels).toBe(channels);
          const pixels: number[] = [];
          const alpha: number[] = [];
          for (let p = 0; p < width * height; p++) {
            const s = raw.slice(p * n, p * n + n);
            if (palette) {
              pixels.push(...palette[s[0]!]!);
              alpha.push(trns![s[0]!] ?? 255);
            } else {
              for (let c = 0; c < channels; c++) pixels.push(expected8(s[c]!, depth));
              alpha.push(n === channels ? 255 : expected8(s[channels]!, depth));
            }
          }
          expect(Array.from(r.pixels), `${width}×${height}`).toEqual(pixels);
          if (alpha.every((a) => a === 255)) expect(r.alpha).toBeUndefined();
          else expect(Array.from(r.alpha ?? []), `${width}×${height} alpha`).toEqual(alpha);
        }
      });

  it('turns a gray or RGB colour key (tRNS) into transparency, and reads pHYs', async () => {
    const gray = await loadImage(
      encodePng({
        width: 3,
        height: 1,
        colorType: 0,
        bitDepth: 16,
        samples: [0, 1000, 65535],
        trns: [0x03, 0xe8],
        ppm: 11811,
      }),
    );
    expect(Array.from(gray.raster!.alpha!)).toEqual([255, 0, 255]);
    expect(gray.dpi!.x).toBeCloseTo(300, 0);
    const rgb = await loadImage(
      encodePng({
        width: 2,
        height: 1,
        colorType: 2,
        bitDepth: 8,
        samples: [1, 2, 3, 4, 5, 6],
        trns: [0, 4, 0, 5, 0, 6],
      }),
    );
    expect(Array.from(rgb.raster!.alpha!)).toEqual([255, 0]);
  });

  it('refuses damaged files with INVALID_INPUT', async () => {
    const good = encodePng({ width: 2, height: 2, colorType: 0, bitDepth: 8, samples: [1, 2, 3, 4] });
    const badCrc = good.slice();
    badCrc[30] = badCrc[30]! ^ 0xff; // inside IHDR
    const truncated = good.slice(0, good.length - 30);
    for (const bytes of [badCrc, truncated, new TextEncoder().encode('GIF89a...')]) {
      expect(isKysoError(await loadImage(bytes).catch((e: unknown) => e), 'INVALID_INPUT')).toBe(true);
    }
  });

  it('reads the shared sample images: a blue signature and a red seal, both with transparency', async () => {
    const signature = await signatureImage();
    expect([signature.width, signature.height, signature.hasAlpha]).toEqual([600, 220, true]);
    const seal = await sealImage();
    expect([seal.width, seal.height, seal.hasAlpha]).toEqual([425, 425, true]);
    const meanOfOpaque = (image: AppearanceImage) => {
      const r = image.raster!;
      const sum = [0, 0, 0];
      let n = 0;
      for (let p = 0; p < r.width * r.height; p++)
        if (r.alpha![p]! > 200) {
          for (let c = 0; c < 3; c++) sum[c]! += r.pixels[3 * p + c]!;
          n++;
        }
      return { mean: sum.map((s) => s / n), n, clear: r.alpha!.filter((a) => a === 0).length };
    };
    const s = meanOfOpaque(signature);
    expect(isBlue(s.mean)).toBe(true);
    expect(s.clear).toBeGreaterThan((600 * 220) / 2);
    const red = meanOfOpaque(seal);
    expect(red.mean[0]).toBeGreaterThan(red.mean[1]! + 60);
    expect(red.clear).toBeGreaterThan(10_000); // the corners outside the round seal
  });
});

describe('image sizes', () => {
  it('keeps the aspect ratio from a width, height, millimetres or pixel density', async () => {
    const seal = await sealImage();
    expect(mmToPt(36)).toBeCloseTo(102.05, 2);
    const fromMm = imageSize(seal, { widthMm: 36 });
    expect(fromMm.width).toBeCloseTo(102.05, 2);
    expect(fromMm.height).toBeCloseTo(102.05, 2);
    // 425 px at 300 dpi is the same 36 mm
    expect(imageSize(seal, { dpi: 300 }).width).toBeCloseTo(102, 0);
    const signature = await signatureImage();
    expect(imageSize(signature, { width: 150 }).height).toBeCloseTo(55, 6);
    expect(imageSize(signature, { height: 55 }).width).toBeCloseTo(150, 6);
    expect(imageSize(signature).width).toBeCloseTo(450, 6); // 96 dpi when the file does not say
    expect(
      fitImage({ image: signature, rect: { x: 0, y: 0, width: 300, height: 300 }, valign: 'top' }),
    ).toEqual({
      x: 0,
      y: 190,
      width: 300,
      height: 110,
    });
  });
});

describe('embedding', () => {
  it('writes one image XObject per update with its alpha as an /SMask, however many widgets draw it', async () => {
    const signature = await signatureImage();
    const { box, added, shared } = fakeBox(200, 80);
    const drawer = drawAppearance({
      items: [{ image: signature, rect: { x: 0, y: 0, width: 200, height: 80 } }],
    });
    const first = await drawer(box);
    await drawer(fakeBox(100, 40, shared).box);
    const images = added.filter(
      (o): o is PdfStream => o instanceof PdfStream && o.dict.name('Subtype') === 'Image',
    );
    expect(images).toHaveLength(2); // the colour and its soft mask
    const color = images.find((i) => i.dict.has('SMask'))!;
    expect(color.dict.name('ColorSpace')).toBe('DeviceRGB');
    expect(color.dict.name('Filter')).toBe('FlateDecode');
    expect(inflateSync(color.data as Uint8Array).length).toBe(600 * 220 * 3);
    const mask = images.find((i) => !i.dict.has('SMask'))!;
    expect(mask.dict.name('ColorSpace')).toBe('DeviceGray');
    expect(inflateSync(mask.data as Uint8Array).length).toBe(600 * 220);
    expect(new TextDecoder().decode(first.content)).toMatch(/\/Im1 Do/);
  });

  it('renders PNG transparency over the page: opaque red where alpha is 255, the page where it is 0', async () => {
    // 2×1: an opaque red pixel and a fully transparent green one
    const png = encodePng({
      width: 2,
      height: 1,
      colorType: 6,
      bitDepth: 8,
      samples: [255, 0, 0, 255, 0, 255, 0, 0],
    });
    const image = await loadImage(png);
    const rect = { x: 100, y: 300, width: 200, height: 100 };
    const bytes = await signWith(await makeTestPdf({ pages: 1 }), {
      visible: { page: 1, rect },
      appearance: drawAppearance({
        items: [{ image, rect: { x: 0, y: 0, width: 200, height: 100 }, fit: 'fill' }],
      }),
    });
    const path = file('alpha.pdf');
    await writeFile(path, bytes);
    const r = await renderPage(path, 1, file('alpha'));
    expect(r.at(150, 350)).toEqual([255, 0, 0]);
    expect(r.at(250, 350)).toEqual([255, 255, 255]);
  }, 60_000);

  describe('JPEG, embedded as it is (DCTDecode)', () => {
    let source: string;
    beforeAll(async () => {
      // a page with the blue signature drawn, rendered to JPEG by poppler, is the JPEG we embed
      const signature = await signatureImage();
      const bytes = await signWith(await makeTestPdf({ pages: 1 }), {
        visible: { page: 1, rect: { x: 100, y: 300, width: 300, height: 110 } },
        appearance: drawAppearance({
          items: [{ image: signature, rect: { x: 0, y: 0, width: 300, height: 110 } }],
        }),
      });
      source = file('jpeg-source.pdf');
      await writeFile(source, bytes);
    }, 60_000);

    const crop = [
      '-r',
      '72',
      '-x',
      '100',
      '-y',
      String(842 - 410),
      '-W',
      '300',
      '-H',
      '110',
      '-f',
      '1',
      '-l',
      '1',
    ];

    for (const [label, flags, components, adobe] of [
      ['baseline YCbCr', ['-jpeg'], 3, false],
      ['progressive', ['-jpeg', '-jpegopt', 'progressive=y'], 3, false],
      ['CMYK with an Adobe marker (inverted)', ['-jpegcmyk'], 4, true],
    ] as const) {
      it(label, async () => {
        const base = file(`jpeg-${components}-${flags.length}`);
        const made = await run('pdftoppm', [...flags, ...crop, source, base]);
        expect(made.code, made.stderr).toBe(0);
        const jpeg = new Uint8Array(await readFile(`${base}-1.jpg`));
        const image = await loadImage(jpeg);
        expect([image.format, image.width, image.height]).toEqual(['jpeg', 300, 110]);
        const { box, added } = fakeBox(300, 110);
        await drawAppearance({ items: [{ image, rect: { x: 0, y: 0, width: 300, height: 110 } }] })(box);
        const xobject = added.find((o): o is PdfStream => o instanceof PdfStream)!;
        expect(xobject.dict.name('Filter')).toBe('DCTDecode');
        expect(xobject.data).toEqual(jpeg);
        expect(xobject.dict.name('ColorSpace')).toBe(components === 4 ? 'DeviceCMYK' : 'DeviceRGB');
        expect(xobject.dict.get('Decode')).toEqual(adobe ? [1, 0, 1, 0, 1, 0, 1, 0] : undefined);

        // drawn on a fresh page, it shows the blue signature (not inverted, not black)
        const rect = { x: 50, y: 500, width: 300, height: 110 };
        const bytes = await signWith(await makeTestPdf({ pages: 1 }), {
          visible: { page: 1, rect },
          appearance: drawAppearance({ items: [{ image, rect: { x: 0, y: 0, width: 300, height: 110 } }] }),
        });
        const path = `${base}.pdf`;
        await writeFile(path, bytes);
        expect((await pdfsig(path)).valid).toEqual([true]);
        const r = await renderPage(path, 1, `${base}-render`);
        const region = r.region(rect);
        expect(region.mean.every((c) => c > 200)).toBe(true); // white paper around the strokes, not inverted
        // poppler's CMYK round trip greys the blue: count strokes clearly bluer than they are red or green
        let strokes = 0;
        for (let y = rect.y; y < rect.y + rect.height; y++)
          for (let x = rect.x; x < rect.x + rect.width; x++) {
            const [red, green, blue] = r.at(x + 0.5, y + 0.5);
            if (red + green + blue < 450 && blue > red + 20 && blue > green + 20) strokes++;
          }
        expect(strokes).toBeGreaterThan(300);
        if (components === 3) expect(region.blue).toBeGreaterThan(300);
      }, 60_000);
    }

    it('refuses lossless and arithmetic-coded frames and 12-bit samples with INVALID_INPUT', async () => {
      const frame = (marker: number, precision = 8) =>
        Uint8Array.from([
          0xff,
          0xd8,
          0xff,
          marker,
          0,
          11,
          precision,
          0,
          10,
          0,
          10,
          1,
          1,
          0x11,
          0,
          0xff,
          0xd9,
        ]);
      for (const bytes of [
        frame(0xc3),
        frame(0xc9),
        frame(0xc0, 12),
        Uint8Array.from([0xff, 0xd8, 0xff, 0xd9]),
      ])
        expect(isKysoError(await loadImage(bytes).catch((e: unknown) => e), 'INVALID_INPUT')).toBe(true);
      const gray = await loadImage(frame(0xc0));
      expect([gray.width, gray.height]).toEqual([10, 10]);
    });
  });
});
