import type { BigEndianReader } from '../binary.js';

/** The names a PDF font needs ('name' table IDs 1, 2 and 6). */
export interface FontNames {
  family?: string;
  subfamily?: string;
  postScriptName?: string;
}

function decode(bytes: Uint8Array, platform: number): string {
  // Windows and Unicode platforms: UTF-16BE; Macintosh Roman (platform 1): read as Latin-1, which
  // agrees for the ASCII that PostScript names are made of
  if (platform === 1) return String.fromCharCode(...bytes);
  let out = '';
  for (let i = 0; i + 1 < bytes.length; i += 2) out += String.fromCharCode((bytes[i]! << 8) | bytes[i + 1]!);
  return out;
}

export function readNames(name: BigEndianReader | undefined): FontNames {
  if (!name || name.length < 6) return {};
  const count = name.u16(2);
  const storage = name.u16(4);
  const found = new Map<number, { rank: number; value: string }>();
  for (let i = 0; i < count; i++) {
    const at = 6 + 12 * i;
    if (at + 12 > name.length) break;
    const platform = name.u16(at);
    const language = name.u16(at + 4);
    const id = name.u16(at + 6);
    if (id !== 1 && id !== 2 && id !== 6) continue;
    const length = name.u16(at + 8);
    const offset = name.u16(at + 10);
    if (storage + offset + length > name.length) continue;
    // prefer Windows US English, then any Windows/Unicode, then Macintosh
    const rank = platform === 3 && language === 0x409 ? 0 : platform === 3 || platform === 0 ? 1 : 2;
    const prior = found.get(id);
    if (prior && prior.rank <= rank) continue;
    found.set(id, { rank, value: decode(name.slice(storage + offset, length), platform) });
  }
  const out: FontNames = {};
  const family = found.get(1)?.value;
  const subfamily = found.get(2)?.value;
  const postScriptName = found.get(6)?.value;
  if (family) out.family = family;
  if (subfamily) out.subfamily = subfamily;
  if (postScriptName) out.postScriptName = postScriptName;
  return out;
}
