import { describe, expect, it } from 'vitest';
import {
  Asn1Error,
  children,
  decode,
  decodeOid,
  der,
  derViolation,
  encodeOid,
  readInteger,
  readOctets,
  readString,
  readTime,
} from '../src/asn1/index.js';
import { fromHex, toHex } from '../src/bytes/bytes.js';

describe('DER writer and reader', () => {
  it('round-trips integers, OIDs, strings and times', () => {
    for (const n of [0n, 1n, 127n, 128n, 255n, 256n, 65535n, 2n ** 64n + 1n])
      expect(readInteger(decode(der.int(n)))).toBe(n);
    expect(toHex(der.int(128n))).toBe('02020080');
    expect(toHex(der.int(fromHex('0000ff')))).toBe('020200ff');
    for (const oid of [
      '1.2.840.113549.1.1.11',
      '2.999.5955.1.1',
      '0.9.2342.19200300.100.1.1',
      '2.5.29.37.0',
      '1.3.6.1.4.1.311.21.7',
    ]) {
      expect(decodeOid(encodeOid(oid))).toBe(oid);
    }
    expect(readString(decode(der.utf8String('Ban Cơ yếu Chính phủ')))).toBe('Ban Cơ yếu Chính phủ');
    const t = new Date('2049-12-31T23:59:59Z');
    expect(readTime(decode(der.x509Time(t)))).toEqual(t);
    expect(toHex(der.x509Time(new Date('2050-01-01T00:00:00Z')))).toBe(
      toHex(der.generalizedTime(new Date('2050-01-01T00:00:00Z'))),
    );
    expect(readTime(decode(der.utcTime(new Date('1999-05-06T07:08:09Z'))))).toEqual(
      new Date('1999-05-06T07:08:09Z'),
    );
  });

  it('sorts SET OF into DER order and checks it', () => {
    const s = der.set(
      der.octets(new Uint8Array([2])),
      der.octets(new Uint8Array([1])),
      der.octets(new Uint8Array([1, 0])),
    );
    expect(derViolation(decode(s))).toBeUndefined();
    const unsorted = fromHex('310604010204010' + '1');
    expect(derViolation(decode(unsorted))).toMatch(/not in DER order/);
  });

  it('reports content that does not decode instead of throwing (found by the PDF mutation run)', () => {
    // a SET whose only element claims a 0x7f000000-byte length
    const broken = fromHex('3106' + '04847f000000');
    expect(derViolation(decode(broken))).toMatch(/runs past the end/);
  });

  it('tells BER from DER', () => {
    expect(derViolation(decode(fromHex('3080020101' + '0000')))).toMatch(/indefinite/);
    expect(derViolation(decode(fromHex('308103020101')))).toMatch(/shortest form/);
    expect(derViolation(decode(fromHex('020200' + '01')))).toMatch(/INTEGER/);
    expect(derViolation(decode(fromHex('0101' + '01')))).toMatch(/BOOLEAN/);
    expect(derViolation(decode(fromHex('2408' + '040201020402' + '0304')))).toMatch(/constructed string/);
    // BER is still readable
    expect(readOctets(decode(fromHex('2408040201020402' + '0304')))).toEqual(fromHex('01020304'));
    expect(children(decode(fromHex('3080020101020102' + '0000')))).toHaveLength(2);
  });

  it('refuses malformed input with an offset, never reading past the end', () => {
    const cases = [
      '30',
      '3005020101',
      '3081',
      '02',
      '30800201010000ff',
      '1f',
      '1f8001',
      '3084ffffffff',
      '0480',
    ];
    for (const hex of cases) {
      const e = (() => {
        try {
          decode(fromHex(hex));
          return undefined;
        } catch (error) {
          return error;
        }
      })();
      expect(e, hex).toBeInstanceOf(Asn1Error);
    }
    // nesting bomb
    const deep = fromHex('3080'.repeat(200) + '0000'.repeat(200));
    expect(() => decode(deep)).toThrow(Asn1Error);
    // trailing zeros, as in a PDF /Contents string
    expect(() => decode(fromHex('0500' + '0000'), { trailing: 'zeros' })).not.toThrow();
    expect(() => decode(fromHex('0500' + '0001'), { trailing: 'zeros' })).toThrow(/non-zero/);
  });
});
