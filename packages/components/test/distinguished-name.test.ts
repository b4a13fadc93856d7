import { describe, expect, it } from 'vitest';
import { nameValues, shortName } from '../src/verify-badge/distinguished-name.js';

describe('distinguished names', () => {
  const ca = 'CN=CA phục vụ các cơ quan Nhà nước G2,O=Ban Cơ yếu Chính phủ,C=VN';

  it('reads attribute values, most specific first, UTF-8 intact', () => {
    expect(nameValues(ca, 'CN')).toEqual(['CA phục vụ các cơ quan Nhà nước G2']);
    expect(nameValues(ca, 'o')).toEqual(['Ban Cơ yếu Chính phủ']);
    expect(nameValues('UID=CCCD:034190000002+CN=Nguyễn Thị Hồng Hạnh,C=VN', 'UID')).toEqual([
      'CCCD:034190000002',
    ]);
  });

  it('undoes RFC 4514 escapes, hex escapes as UTF-8', () => {
    expect(nameValues('CN=Công ty A\\, B\\+C,O=X', 'CN')).toEqual(['Công ty A, B+C']);
    expect(nameValues('CN=C\\C3\\B4ng ty', 'CN')).toEqual(['Công ty']);
    expect(nameValues('CN=\\"quoted\\"', 'CN')).toEqual(['"quoted"']);
  });

  it('shortens a name to its CN and organisation', () => {
    expect(shortName(ca)).toBe('CA phục vụ các cơ quan Nhà nước G2 (Ban Cơ yếu Chính phủ)');
    expect(shortName('CN=Ban Cơ yếu Chính phủ OCSP,O=Ban Cơ yếu Chính phủ')).toBe(
      'Ban Cơ yếu Chính phủ OCSP',
    );
    expect(shortName('O=Only Org,C=VN')).toBe('Only Org');
    expect(shortName('C=VN')).toBe('C=VN');
  });
});
