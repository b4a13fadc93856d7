import { createHash, randomBytes } from 'node:crypto';
import { link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';

export interface StoredFile {
  /** Path relative to the data directory, as the database records it. */
  file: string;
  sha256: string;
  size: number;
}

/**
 * Every version of every PDF, kept as a file: documents/<id>/<seq>-<label>.pdf. Files are written
 * under a temporary name and then linked to their name, which fails if it exists: a crash never
 * leaves half a version, and a version is never overwritten.
 */
export class VersionStore {
  constructor(readonly dataDir: string) {}

  async put(documentId: number, seq: number, label: string, bytes: Uint8Array): Promise<StoredFile> {
    const path = join(
      this.dataDir,
      'documents',
      String(documentId),
      `${String(seq).padStart(3, '0')}-${label}.pdf`,
    );
    await mkdir(dirname(path), { recursive: true });
    const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await writeFile(temp, bytes, { flag: 'wx' });
      await link(temp, path);
    } finally {
      await rm(temp, { force: true });
    }
    return {
      file: relative(this.dataDir, path),
      sha256: createHash('sha256').update(bytes).digest('hex'),
      size: bytes.length,
    };
  }

  /** A stored version's bytes, checked against the hash the database holds. */
  async get(stored: Pick<StoredFile, 'file' | 'sha256'>): Promise<Uint8Array> {
    const bytes = new Uint8Array(await readFile(join(this.dataDir, stored.file)));
    const actual = createHash('sha256').update(bytes).digest('hex');
    if (actual !== stored.sha256) throw new Error(`${stored.file} changed on disk (sha256 ${actual})`);
    return bytes;
  }
}
