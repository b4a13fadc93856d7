import { randomBytes } from 'node:crypto';
import { openssl } from '@kyso/testkit/node';
import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../src/bytes/bytes.js';
import {
  addPadding,
  type BlockCipher,
  cbcDecrypt,
  cbcEncrypt,
  removePadding,
} from '../src/pkcs12/block-cipher.js';
import { desCipher, tripleDesCipher } from '../src/pkcs12/des.js';
import { rc2Cipher } from '../src/pkcs12/rc2.js';

function ecb(cipher: BlockCipher, hex: string, direction: 'encrypt' | 'decrypt'): string {
  const input = fromHex(hex);
  const out = new Uint8Array(input.length);
  for (let at = 0; at < input.length; at += 8) {
    const block = out.subarray(at, at + 8);
    if (direction === 'encrypt') cipher.encryptBlock(input.subarray(at, at + 8), block);
    else cipher.decryptBlock(input.subarray(at, at + 8), block);
  }
  return toHex(out);
}

function knownAnswer(cipher: BlockCipher, plain: string, expected: string): void {
  expect(ecb(cipher, plain, 'encrypt')).toBe(expected.toLowerCase());
  expect(ecb(cipher, expected, 'decrypt')).toBe(plain.toLowerCase());
}

describe('DES', () => {
  it.each([
    // the worked example of FIPS 46's tutorials (J. Orlin Grabbe)
    ['133457799BBCDFF1', '0123456789ABCDEF', '85E813540F0AB405'],
    // NBS SP 500-20 variable-plaintext and variable-key known-answer tests
    ['0101010101010101', '8000000000000000', '95F8A5E5DD31D900'],
    ['0101010101010101', '0000000000000001', '166B40B44ABA4BD6'],
    ['8001010101010101', '0000000000000000', '95A8D72813DAA94D'],
    ['0101010101010102', '0000000000000000', '869EFD7F9F265A09'],
    // parity bits are ignored: the same key with its parity bits flipped
    ['0000000000000000', '8000000000000000', '95F8A5E5DD31D900'],
  ])('key %s encrypts %s to %s', (key, plain, cipher) => {
    knownAnswer(desCipher(fromHex(key)), plain, cipher);
  });

  it('Triple DES: SP 800-67 example (three keys)', () => {
    const key = fromHex('0123456789ABCDEF23456789ABCDEF01456789ABCDEF0123');
    const plain = toHex(new TextEncoder().encode('The qufck brown fox jump'));
    knownAnswer(tripleDesCipher(key), plain, 'A826FD8CE53B855FCCE21C8112256FE668D5C05DD9B6B900');
  });

  it('Triple DES with K1 = K2 = K3 is single DES, and two-key 3DES is K1 K2 K1', () => {
    const k = fromHex('133457799BBCDFF1');
    knownAnswer(tripleDesCipher(new Uint8Array([...k, ...k, ...k])), '0123456789ABCDEF', '85E813540F0AB405');
    const two = fromHex('0123456789ABCDEF23456789ABCDEF01');
    const three = fromHex('0123456789ABCDEF23456789ABCDEF010123456789ABCDEF');
    expect(ecb(tripleDesCipher(two), '0011223344556677', 'encrypt')).toBe(
      ecb(tripleDesCipher(three), '0011223344556677', 'encrypt'),
    );
  });

  it('DES-EDE3-CBC agrees with openssl', async () => {
    const key = randomBytes(24);
    const iv = randomBytes(8);
    const plain = randomBytes(1000);
    const r = await openssl(['enc', '-des-ede3-cbc', '-K', toHex(key), '-iv', toHex(iv)], { input: plain });
    expect(r.code, r.stderr).toBe(0);
    const decrypted = removePadding(cbcDecrypt(tripleDesCipher(key), iv, r.output), 8);
    expect(toHex(decrypted!)).toBe(toHex(plain));
    expect(toHex(cbcEncrypt(tripleDesCipher(key), iv, addPadding(plain, 8)))).toBe(toHex(r.output));
  });

  it('refuses wrong key sizes', () => {
    expect(() => desCipher(new Uint8Array(7))).toThrow(RangeError);
    expect(() => tripleDesCipher(new Uint8Array(8))).toThrow(RangeError);
  });
});

describe('RC2', () => {
  // RFC 2268 §5
  it.each([
    ['0000000000000000', 63, '0000000000000000', 'ebb773f993278eff'],
    ['ffffffffffffffff', 64, 'ffffffffffffffff', '278b27e42e2f0d49'],
    ['3000000000000000', 64, '1000000000000001', '30649edf9be7d2c2'],
    ['88', 64, '0000000000000000', '61a8a244adacccf0'],
    ['88bca90e90875a', 64, '0000000000000000', '6ccf4308974c267f'],
    ['88bca90e90875a7f0f79c384627bafb2', 64, '0000000000000000', '1a807d272bbe5db1'],
    ['88bca90e90875a7f0f79c384627bafb2', 128, '0000000000000000', '2269552ab0f85ca6'],
    [
      '88bca90e90875a7f0f79c384627bafb216f80a6f85920584c42fceb0be255daf1e',
      129,
      '0000000000000000',
      '5b78d3a43dfff1f1',
    ],
  ])('key %s with %i effective bits', (key, bits, plain, cipher) => {
    knownAnswer(rc2Cipher(fromHex(key), bits), plain, cipher);
  });

  it.each([
    [5, 40, 'rc2-40-cbc'],
    [16, 128, 'rc2-cbc'],
  ])('%i-byte keys (%i effective bits) agree with openssl %s', async (length, bits, name) => {
    const key = randomBytes(length);
    const iv = randomBytes(8);
    const plain = randomBytes(777);
    const r = await openssl(
      ['enc', `-${name}`, '-K', toHex(key), '-iv', toHex(iv), '-provider', 'legacy', '-provider', 'default'],
      { input: plain },
    );
    expect(r.code, r.stderr).toBe(0);
    const decrypted = removePadding(cbcDecrypt(rc2Cipher(key, bits), iv, r.output), 8);
    expect(toHex(decrypted!)).toBe(toHex(plain));
  });

  it('refuses impossible parameters', () => {
    expect(() => rc2Cipher(new Uint8Array(0), 40)).toThrow(RangeError);
    expect(() => rc2Cipher(new Uint8Array(5), 0)).toThrow(RangeError);
  });
});

describe('CBC and padding', () => {
  it('removes valid PKCS#7 padding and refuses anything else', () => {
    expect(toHex(removePadding(fromHex('0102030405060202'), 8)!)).toBe('010203040506');
    expect(removePadding(fromHex('0102030405060703'), 8)).toBeUndefined();
    expect(removePadding(fromHex('0102030405060700'), 8)).toBeUndefined();
    expect(removePadding(fromHex('0102030405060709'), 8)).toBeUndefined();
    expect(toHex(removePadding(fromHex('0808080808080808'), 8)!)).toBe('');
    expect(removePadding(new Uint8Array(0), 8)).toBeUndefined();
  });

  it('refuses partial blocks', () => {
    const c = desCipher(new Uint8Array(8));
    expect(() => cbcDecrypt(c, new Uint8Array(8), new Uint8Array(12))).toThrow(RangeError);
    expect(() => cbcDecrypt(c, new Uint8Array(7), new Uint8Array(16))).toThrow(RangeError);
  });
});
