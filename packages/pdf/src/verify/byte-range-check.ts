import type { PdfDocument } from '../document/pdf-document.js';
import type { SignatureEntry } from '../signatures/list-signatures.js';
import { hexValue, isWhitespace } from '../syntax/chars.js';

export interface Finding {
  code: string;
  detail: string;
}

export interface ByteRangeCheck {
  /** A range the digest can be computed over ([0, a, b, c] within the file). */
  range?: [number, number, number, number];
  /** Problems that make the signature's bytes untrustworthy (TOTAL_FAILED, FORMAT_FAILURE). */
  fatal?: Finding;
  /** Coverage problems that leave the signature intact but not valid (bytes of its revision unsigned). */
  coverage: Finding[];
  coversRevision: number;
  coversWholeFile: boolean;
}

/**
 * /ByteRange sanity (issue: Universal Signature Forgery and Signature Wrapping): four integers
 * starting at 0, the gap being exactly this signature's /Contents string, nothing past the end, and
 * the covered bytes ending where a revision ends.
 */
export async function checkByteRange(doc: PdfDocument, entry: SignatureEntry): Promise<ByteRangeCheck> {
  const size = doc.source.size;
  const br = entry.byteRange;
  const none = { coverage: [], coversRevision: 0, coversWholeFile: false };
  if (br?.length !== 4 || !br.every((n) => Number.isSafeInteger(n) && n >= 0)) {
    return {
      ...none,
      fatal: {
        code: 'BYTE_RANGE_INVALID',
        detail: `/ByteRange is not four non-negative integers: [${br?.join(' ') ?? 'missing'}]`,
      },
    };
  }
  const [a0, a, b, c] = br as [number, number, number, number];
  if (a0 !== 0 || a <= 0 || b <= a || b + c > size) {
    return {
      ...none,
      fatal: {
        code: 'BYTE_RANGE_INVALID',
        detail: `/ByteRange [${br.join(' ')}] does not fit a ${size}-byte file as [0 a b c] with 0 < a < b`,
      },
    };
  }
  if (!entry.contents || entry.contents.length === 0 || entry.contents.every((x) => x === 0)) {
    return { ...none, fatal: { code: 'CONTENTS_MISSING', detail: 'the signature has no /Contents value' } };
  }
  // the gap must hold this signature's /Contents hex string, starting at a with "<"
  const gap = await doc.source.read(a, b - a);
  const coverage: Finding[] = [];
  if (gap[0] !== 0x3c) {
    // pyHanko's "weird" ranges: the digest may still match what they name, but the signature does
    // not cover its revision (and never counts as valid)
    return {
      range: [0, a, b, c],
      coverage: [{ code: 'NONSTANDARD_COVERAGE', detail: 'the unsigned gap is not the /Contents string' }],
      coversRevision: 0,
      coversWholeFile: false,
    };
  }
  // The /Contents string ends at the first ">". Bytes after it in the gap are unsigned: within the
  // signature dictionary that is a coverage anomaly; reaching past it (the dictionary's /ByteRange,
  // "endobj", other objects) is signature wrapping.
  const close = gap.indexOf(0x3e);
  if (close !== gap.length - 1) {
    const extra = new TextDecoder('latin1').decode(gap.subarray(close + 1, gap.length - 1));
    if (/endobj|\bobj\b|\bstream\b|\/ByteRange|\/Type/.test(extra)) {
      return {
        ...none,
        fatal: {
          code: 'BYTE_RANGE_GAP',
          detail: 'the unsigned gap holds more than the /Contents string: signature wrapping',
        },
      };
    }
    coverage.push({
      code: 'NONSTANDARD_COVERAGE',
      detail: 'the unsigned gap holds more than the /Contents string',
    });
  }
  const decoded: number[] = [];
  let high = -1;
  let clean = true;
  for (let k = 1; k < close; k++) {
    const ch = gap[k]!;
    if (isWhitespace(ch)) continue;
    const v = hexValue(ch);
    if (v < 0) {
      clean = false;
      continue;
    }
    if (high < 0) high = v;
    else {
      decoded.push(high * 16 + v);
      high = -1;
    }
  }
  const matches = decoded.length >= entry.contents.length && entry.contents.every((x, i) => x === decoded[i]);
  if (clean && !matches) {
    return {
      ...none,
      fatal: {
        code: 'BYTE_RANGE_GAP',
        detail: 'the unsigned gap is not the /Contents value of this signature dictionary',
      },
    };
  }
  if (!clean)
    coverage.push({
      code: 'NONSTANDARD_COVERAGE',
      detail: 'the /Contents string in the unsigned gap holds bytes that are not hex digits',
    });
  const covered = b + c;
  const revision = doc.revisions.find((r) => r.end === covered || r.eofEnd === covered);
  if (!revision) {
    coverage.push({
      code: 'NONSTANDARD_COVERAGE',
      detail: `the signed bytes end at ${covered}, which is not the end of a revision`,
    });
  }
  const lastEnd = doc.revisions.at(-1);
  const coversWholeFile =
    covered === size ||
    (lastEnd !== undefined && lastEnd.end === size && covered === lastEnd.eofEnd && size - covered <= 2);
  return { range: [0, a, b, c], coverage, coversRevision: revision?.number ?? 0, coversWholeFile };
}
