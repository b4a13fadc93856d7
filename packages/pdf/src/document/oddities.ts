import type { ByteSource } from '../io/byte-source.js';
import type { Warning } from './sections.js';
import type { XrefSection } from './xref-types.js';

const TAIL_WINDOW = 64 * 1024;
const MAX_LISTED = 5;

/**
 * What real signers get wrong that readers forgive (Acrobat reads on), said in the report so a clerk
 * knows the file is odd: bytes after the last %%EOF that are not padding, and object numbers a later
 * revision reuses under a new generation without freeing them first. Whether such a change breaks a
 * signature is the modification analysis' question; here they are only named.
 */
export async function revisionOddities(
  source: ByteSource,
  sectionsByPosition: readonly XrefSection[],
  lastEnd: number,
): Promise<Warning[]> {
  const warnings: Warning[] = [];
  if (lastEnd < source.size) {
    const from = Math.max(lastEnd, source.size - TAIL_WINDOW);
    const tail = await source.read(from, source.size - from);
    // blanks and NULs are what mail systems and uploaders append; anything else is worth a word
    const stray = tail.some(
      (b) => b !== 0 && b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09 && b !== 0x0c,
    );
    if (stray)
      warnings.push({
        code: 'TRAILING_BYTES',
        detail: `${source.size - lastEnd} bytes follow the last %%EOF (offset ${lastEnd})`,
      });
  }
  const inUse = new Map<number, number>();
  const reused: string[] = [];
  for (const section of sectionsByPosition) {
    for (const [num, entry] of section.entries) {
      if (num === 0) continue;
      if (entry.type === 'free') {
        inUse.delete(num);
        continue;
      }
      const gen = entry.type === 'offset' ? entry.gen : 0;
      const before = inUse.get(num);
      if (before !== undefined && before !== gen) reused.push(`${num} ${before} → ${num} ${gen}`);
      inUse.set(num, gen);
    }
  }
  if (reused.length > 0)
    warnings.push({
      code: 'GENERATION_REUSED',
      detail: `object numbers reused under a new generation without being freed: ${reused.slice(0, MAX_LISTED).join(', ')}${reused.length > MAX_LISTED ? ` and ${reused.length - MAX_LISTED} more` : ''}`,
    });
  return warnings;
}
