import { PdfDict, type PdfObject, PdfStream, PdfString } from '../syntax/objects.js';

const MAX_DEPTH = 64;

/**
 * A signature dictionary (§12.8.1), whose /Contents is never encrypted (§7.6.2): the signature
 * covers the file's bytes, so its value cannot depend on the file key. /Type is optional in a
 * signature dictionary, hence the /ByteRange fallback.
 */
function isSignatureDict(d: PdfDict): boolean {
  const type = d.name('Type');
  if (type === 'Sig' || type === 'DocTimeStamp') return true;
  return type === undefined && d.has('ByteRange') && d.has('Contents') && d.has('Filter');
}

/** Every string of a freshly parsed object replaced by `decrypt(bytes)`, in place where possible. */
export function decryptStrings(value: PdfObject, decrypt: (bytes: Uint8Array) => Uint8Array): PdfObject {
  const walk = (o: PdfObject, depth: number): PdfObject => {
    if (depth > MAX_DEPTH) return o;
    if (o instanceof PdfString) return new PdfString(decrypt(o.bytes), o.hex);
    if (Array.isArray(o)) {
      for (let i = 0; i < o.length; i++) o[i] = walk(o[i]!, depth + 1);
      return o;
    }
    if (o instanceof PdfStream) {
      walk(o.dict, depth + 1);
      return o;
    }
    if (o instanceof PdfDict) {
      const signature = isSignatureDict(o);
      for (const key of o.keys()) {
        if (signature && key === 'Contents') continue;
        o.set(key, walk(o.get(key)!, depth + 1));
      }
      return o;
    }
    return o;
  };
  return walk(value, 0);
}
