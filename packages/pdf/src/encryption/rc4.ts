/**
 * RC4 (ARCFOUR), the cipher of the standard security handler's revisions 2 to 4 (ISO 32000-2
 * §7.6.3.2). It is symmetric: the same call encrypts and decrypts. WebCrypto has no RC4.
 */
export function rc4(key: Uint8Array, data: Uint8Array): Uint8Array {
  if (key.length === 0 || key.length > 256) throw new RangeError('RC4: the key must be 1 to 256 bytes');
  const s = new Uint8Array(256);
  for (let i = 0; i < 256; i++) s[i] = i;
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i]! + key[i % key.length]!) & 0xff;
    const t = s[i]!;
    s[i] = s[j]!;
    s[j] = t;
  }
  const out = new Uint8Array(data.length);
  for (let k = 0, i = 0, j = 0; k < data.length; k++) {
    i = (i + 1) & 0xff;
    j = (j + s[i]!) & 0xff;
    const t = s[i]!;
    s[i] = s[j]!;
    s[j] = t;
    out[k] = data[k]! ^ s[(s[i]! + s[j]!) & 0xff]!;
  }
  return out;
}
