import { isDict, isName, type PdfDict, type PdfObject } from '../syntax/objects.js';
import { unsupported } from './errors.js';

/** How one class of strings or streams is encrypted (§7.6.6, Table 25 /CFM). */
export type CryptMethod = 'Identity' | 'RC4' | 'AESV2' | 'AESV3';

/** The crypt filters of an /Encrypt dictionary: the defaults for strings, streams and embedded files. */
export interface CryptFilters {
  strings: CryptMethod;
  streams: CryptMethod;
  embeddedFiles: CryptMethod;
  /** A filter a stream names through its own /Crypt filter; undefined when /CF lacks it. */
  byName(name: string): CryptMethod | undefined;
  /** The crypt filter dictionary behind the stream default (it holds the public-key /Recipients). */
  streamFilterDict: PdfDict | undefined;
}

function methodOf(name: string, dict: PdfDict | undefined): CryptMethod {
  if (name === 'Identity') return 'Identity';
  if (!dict) throw unsupported(`the crypt filter /${name} is not in /CF`);
  const cfm = dict.name('CFM') ?? 'None';
  switch (cfm) {
    case 'V2':
      return 'RC4';
    case 'AESV2':
    case 'AESV3':
      return cfm;
    default:
      // /None hands decryption to the security handler itself: no standard meaning
      throw unsupported(`crypt filter method /${cfm}`);
  }
}

/**
 * Reads /V, /CF, /StmF, /StrF and /EFF. Versions 1 and 2 have no crypt filters: everything is RC4.
 * `cf` is /CF with its filter dictionaries already resolved.
 */
export function readCryptFilters(encrypt: PdfDict, cf: Map<string, PdfDict>): CryptFilters {
  const v = encrypt.get('V') ?? 0;
  if (v === 1 || v === 2) {
    return {
      strings: 'RC4',
      streams: 'RC4',
      embeddedFiles: 'RC4',
      byName: () => 'RC4',
      streamFilterDict: undefined,
    };
  }
  if (v !== 4 && v !== 5) throw unsupported(`/Encrypt /V ${String(v)}`);
  const named = (o: PdfObject | undefined, fallback: string) => (isName(o) ? o.value : fallback);
  const stmF = named(encrypt.get('StmF'), 'Identity');
  const strF = named(encrypt.get('StrF'), 'Identity');
  const eff = named(encrypt.get('EFF'), stmF);
  return {
    strings: methodOf(strF, cf.get(strF)),
    streams: methodOf(stmF, cf.get(stmF)),
    embeddedFiles: methodOf(eff, cf.get(eff)),
    byName: (name) => (name === 'Identity' || cf.has(name) ? methodOf(name, cf.get(name)) : undefined),
    streamFilterDict: cf.get(stmF) ?? cf.get(strF),
  };
}

/** /CF with each crypt filter dictionary resolved. */
export async function resolveCryptFilters(
  encrypt: PdfDict,
  resolve: (o: PdfObject | undefined) => Promise<PdfObject>,
): Promise<Map<string, PdfDict>> {
  const out = new Map<string, PdfDict>();
  const cf = await resolve(encrypt.get('CF'));
  if (!isDict(cf)) return out;
  for (const key of cf.keys()) {
    const d = await resolve(cf.get(key));
    if (isDict(d)) out.set(key, d);
  }
  return out;
}
