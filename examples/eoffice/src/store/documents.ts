import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../domain/errors.js';
import { numberingYear } from '../domain/numbering.js';
import type { Role } from '../domain/roles.js';
import { type Action, type DocumentState, decide } from '../domain/workflow.js';
import type { StoredFile, VersionStore } from '../files/version-store.js';
import type { Db } from './database.js';

export interface DocumentRow {
  id: number;
  direction: 'outgoing' | 'incoming';
  title: string;
  symbol: string;
  state: DocumentState;
  created_by: string;
  created_at: string;
  current_version: number | null;
  draft_version: number | null;
  number: number | null;
  number_year: number | null;
  issued_at: string | null;
}

export interface VersionRow extends StoredFile {
  id: number;
  document_id: number;
  seq: number;
  kind: 'draft' | 'signed' | 'issued' | 'incoming';
  actor: string;
  created_at: string;
  report: string | null;
}

export interface StepRow {
  id: number;
  document_id: number;
  action: string;
  from_state: string;
  to_state: string;
  actor: string;
  version_id: number | null;
  at: string;
}

export interface CommentRow {
  id: number;
  document_id: number;
  step_id: number | null;
  actor: string;
  body: string;
  at: string;
}

export interface UserRow {
  id: Role;
  name: string;
  title: string;
  role: Role;
  certificate_sha256: string;
}

/**
 * Documents, their versions, steps, comments and the audit trail. Every change is one SQLite
 * transaction; a version's file is written first and removed again if its transaction fails.
 */
export class DocumentStore {
  // One change at a time per document in this process: the next version number, its file and its
  // transaction belong together. (The UNIQUE constraints still hold against another process.)
  readonly #queues = new Map<number, Promise<unknown>>();

  constructor(
    readonly db: Db,
    readonly files: VersionStore,
    readonly now: () => Date = () => new Date(),
  ) {}

  upsertUsers(users: readonly UserRow[]): void {
    const put = this.db.prepare(
      `INSERT INTO users (id, name, title, role, certificate_sha256) VALUES (@id, @name, @title, @role, @certificate_sha256)
       ON CONFLICT(id) DO UPDATE SET name = excluded.name, title = excluded.title, role = excluded.role,
         certificate_sha256 = excluded.certificate_sha256`,
    );
    this.db.transaction(() => {
      for (const u of users) put.run(u);
    })();
  }

  users(): UserRow[] {
    return this.db.prepare('SELECT * FROM users ORDER BY rowid').all() as UserRow[];
  }

  user(id: string): UserRow | undefined {
    return this.db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
  }

  document(id: number): DocumentRow {
    const row = this.db.prepare('SELECT * FROM documents WHERE id = ?').get(id) as DocumentRow | undefined;
    if (!row) throw new AppError('NOT_FOUND', { what: `văn bản ${id}` });
    return row;
  }

  documents(filter: { direction?: 'outgoing' | 'incoming'; state?: DocumentState } = {}): DocumentRow[] {
    return this.db
      .prepare(
        `SELECT * FROM documents WHERE (@direction IS NULL OR direction = @direction)
         AND (@state IS NULL OR state = @state) ORDER BY id DESC`,
      )
      .all({ direction: filter.direction ?? null, state: filter.state ?? null }) as DocumentRow[];
  }

  version(id: number): VersionRow {
    const row = this.db.prepare('SELECT * FROM versions WHERE id = ?').get(id) as VersionRow | undefined;
    if (!row) throw new AppError('NOT_FOUND', { what: `phiên bản ${id}` });
    return row;
  }

  versions(documentId: number): VersionRow[] {
    return this.db
      .prepare('SELECT * FROM versions WHERE document_id = ? ORDER BY seq')
      .all(documentId) as VersionRow[];
  }

  steps(documentId: number): StepRow[] {
    return this.db
      .prepare('SELECT * FROM steps WHERE document_id = ? ORDER BY id')
      .all(documentId) as StepRow[];
  }

  comments(documentId: number): CommentRow[] {
    return this.db
      .prepare('SELECT * FROM comments WHERE document_id = ? ORDER BY id')
      .all(documentId) as CommentRow[];
  }

  async bytes(versionId: number): Promise<Uint8Array> {
    return this.files.get(this.version(versionId));
  }

  /** The specialist's new draft: a new outgoing document in `drafting`. */
  async createDraft(input: {
    title: string;
    symbol: string;
    actor: Role;
    bytes: Uint8Array;
  }): Promise<number> {
    const at = this.now().toISOString();
    const { id } = this.db
      .prepare(
        `INSERT INTO documents (direction, title, symbol, state, created_by, created_at)
         VALUES ('outgoing', ?, ?, 'drafting', ?, ?) RETURNING id`,
      )
      .get(input.title.normalize('NFC'), input.symbol.normalize('NFC'), input.actor, at) as { id: number };
    try {
      await this.#addVersion(id, 'draft', input.actor, input.bytes, (versionId) => {
        this.db
          .prepare('UPDATE documents SET current_version = ?, draft_version = ? WHERE id = ?')
          .run(versionId, versionId, id);
        this.#audit(input.actor, 'document.created', id, { title: input.title });
      });
    } catch (error) {
      this.db.prepare('DELETE FROM documents WHERE id = ?').run(id);
      throw error;
    }
    return id;
  }

  /** A revised draft while the document is with the specialist (after a rejection, say). */
  async replaceDraft(documentId: number, actor: Role, bytes: Uint8Array): Promise<number> {
    const doc = this.document(documentId);
    if (doc.state !== 'drafting')
      throw new AppError('INVALID_ACTION', { action: 'upload', state: doc.state });
    decide(doc.state, 'submit', actor); // only the owner of the step may upload
    return this.#addVersion(documentId, 'draft', actor, bytes, (versionId) => {
      this.db
        .prepare('UPDATE documents SET current_version = ?, draft_version = ? WHERE id = ?')
        .run(versionId, versionId, documentId);
      this.#audit(actor, 'draft.replaced', documentId, { version: versionId });
    });
  }

  /**
   * The clerk's number for the document, assigned once: the next free number of the current year in
   * Vietnam. Numbering restarts at 01 on 1 January; the UNIQUE constraint makes a race impossible.
   */
  reserveNumber(documentId: number, actor: Role): { number: number; year: number } {
    return this.db.transaction(() => {
      const doc = this.document(documentId);
      if (doc.number !== null && doc.number_year !== null)
        return { number: doc.number, year: doc.number_year };
      decide(doc.state, 'issue', actor);
      const year = numberingYear(this.now());
      const { next } = this.db
        .prepare('SELECT COALESCE(MAX(number), 0) + 1 AS next FROM documents WHERE number_year = ?')
        .get(year) as { next: number };
      this.db
        .prepare('UPDATE documents SET number = ?, number_year = ? WHERE id = ?')
        .run(next, year, documentId);
      this.#audit(actor, 'number.reserved', documentId, { number: next, year });
      return { number: next, year };
    })();
  }

  /**
   * Records a step of the chain. Signing steps bring the signed file (already checked by the caller:
   * appended to the current version, with the actor's new valid signature) and its report.
   */
  async apply(
    documentId: number,
    actor: Role,
    action: Action,
    input: { comment?: string; signed?: { bytes: Uint8Array; report: unknown } } = {},
  ): Promise<DocumentRow> {
    const doc = this.document(documentId);
    const t = decide(doc.state, action, actor, input.comment);
    if (t.signs && !input.signed) throw new AppError('SIGNATURE_MISSING', { who: actor });
    const record = (versionId: number | null) => {
      const at = this.now().toISOString();
      // the state is re-checked inside the transaction: two tabs cannot both move the document on
      const moved = this.db
        .prepare('UPDATE documents SET state = ? WHERE id = ? AND state = ?')
        .run(t.to, documentId, t.from);
      if (moved.changes !== 1)
        throw new AppError('INVALID_ACTION', { action, state: this.document(documentId).state });
      if (versionId !== null)
        this.db.prepare('UPDATE documents SET current_version = ? WHERE id = ?').run(versionId, documentId);
      if (t.restartsFromDraft || t.to === 'drafting')
        this.db.prepare('UPDATE documents SET current_version = draft_version WHERE id = ?').run(documentId);
      if (t.to === 'issued')
        this.db.prepare('UPDATE documents SET issued_at = ? WHERE id = ?').run(at, documentId);
      const { id: stepId } = this.db
        .prepare(
          `INSERT INTO steps (document_id, action, from_state, to_state, actor, version_id, at)
           VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
        )
        .get(documentId, action, t.from, t.to, actor, versionId, at) as { id: number };
      if (input.comment?.trim())
        this.db
          .prepare('INSERT INTO comments (document_id, step_id, actor, body, at) VALUES (?, ?, ?, ?, ?)')
          .run(documentId, stepId, actor, input.comment.normalize('NFC').trim(), at);
      this.#audit(actor, `document.${action}`, documentId, { from: t.from, to: t.to, version: versionId });
    };
    if (input.signed && t.signs) {
      const kind = t.to === 'issued' ? 'issued' : 'signed';
      await this.#addVersion(documentId, kind, actor, input.signed.bytes, record, input.signed.report);
    } else this.db.transaction(() => record(null))();
    return this.document(documentId);
  }

  /** A document received from another agency, kept with the verification the clerk saw. */
  async receive(input: { title: string; actor: Role; bytes: Uint8Array; report: unknown }): Promise<number> {
    const at = this.now().toISOString();
    const { id } = this.db
      .prepare(
        `INSERT INTO documents (direction, title, symbol, state, created_by, created_at)
         VALUES ('incoming', ?, '', 'issued', ?, ?) RETURNING id`,
      )
      .get(input.title.normalize('NFC'), input.actor, at) as { id: number };
    await this.#addVersion(
      id,
      'incoming',
      input.actor,
      input.bytes,
      (versionId) => {
        this.db.prepare('UPDATE documents SET current_version = ? WHERE id = ?').run(versionId, id);
        this.#audit(input.actor, 'document.received', id, { title: input.title });
      },
      input.report,
    );
    return id;
  }

  audit(documentId?: number): { at: string; actor: string | null; event: string; detail: string }[] {
    return this.db
      .prepare('SELECT at, actor, event, detail FROM audit WHERE (? IS NULL OR document_id = ?) ORDER BY id')
      .all(documentId ?? null, documentId ?? null) as {
      at: string;
      actor: string | null;
      event: string;
      detail: string;
    }[];
  }

  #audit(actor: string | null, event: string, documentId: number | null, detail: object): void {
    this.db
      .prepare('INSERT INTO audit (at, actor, event, document_id, detail) VALUES (?, ?, ?, ?, ?)')
      .run(this.now().toISOString(), actor, event, documentId, JSON.stringify(detail));
  }

  #serial<T>(documentId: number, task: () => Promise<T>): Promise<T> {
    const previous = this.#queues.get(documentId) ?? Promise.resolve();
    const next = previous.then(task, task);
    const settled = next.catch(() => undefined);
    this.#queues.set(documentId, settled);
    void settled.then(() => {
      if (this.#queues.get(documentId) === settled) this.#queues.delete(documentId);
    });
    return next;
  }

  #addVersion(
    documentId: number,
    kind: VersionRow['kind'],
    actor: string,
    bytes: Uint8Array,
    thenInTransaction: (versionId: number) => void,
    report?: unknown,
  ): Promise<number> {
    return this.#serial(documentId, () =>
      this.#writeVersion(documentId, kind, actor, bytes, thenInTransaction, report),
    );
  }

  async #writeVersion(
    documentId: number,
    kind: VersionRow['kind'],
    actor: string,
    bytes: Uint8Array,
    thenInTransaction: (versionId: number) => void,
    report?: unknown,
  ): Promise<number> {
    const { seq } = this.db
      .prepare('SELECT COALESCE(MAX(seq), 0) + 1 AS seq FROM versions WHERE document_id = ?')
      .get(documentId) as { seq: number };
    const stored = await this.files.put(documentId, seq, `${kind}-${actor}`, bytes);
    try {
      return this.db.transaction(() => {
        const { id } = this.db
          .prepare(
            `INSERT INTO versions (document_id, seq, kind, actor, file, sha256, size, created_at, report)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
          )
          .get(
            documentId,
            seq,
            kind,
            actor,
            stored.file,
            stored.sha256,
            stored.size,
            this.now().toISOString(),
            report === undefined ? null : JSON.stringify(report),
          ) as { id: number };
        thenInTransaction(id);
        return id;
      })();
    } catch (error) {
      await rm(join(this.files.dataDir, stored.file), { force: true });
      throw error;
    }
  }
}
