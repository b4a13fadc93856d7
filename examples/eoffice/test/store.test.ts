import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { tempDir } from '@kyso/testkit/node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppError } from '../src/domain/errors.js';
import { VersionStore } from '../src/files/version-store.js';
import { openDatabase } from '../src/store/database.js';
import { DocumentStore } from '../src/store/documents.js';

let dir: { path: string; remove: () => Promise<void> };
let clock: Date;
const open = () => {
  const db = openDatabase(dir.path);
  const store = new DocumentStore(db, new VersionStore(dir.path), () => clock);
  store.upsertUsers(
    (['chuyen-vien', 'lanh-dao-phong', 'lanh-dao-van-phong', 'lanh-dao-co-quan', 'van-thu'] as const).map(
      (id) => ({
        id,
        name: id,
        title: id,
        role: id,
        certificate_sha256: '00'.repeat(32),
      }),
    ),
  );
  return { db, store };
};
const pdf = (text: string) => new TextEncoder().encode(`%PDF-1.7\n${text}\n%%EOF\n`);
const appended = (base: Uint8Array, text: string) =>
  new Uint8Array([...base, ...new TextEncoder().encode(`${text}\n`)]);

beforeEach(async () => {
  dir = await tempDir('eoffice-store-');
  clock = new Date('2025-03-12T02:00:00Z');
});
afterEach(() => dir.remove());

describe('the document store', () => {
  it('keeps every version of a full chain, with a rejection loop, across a restart', async () => {
    let { db, store } = open();
    const id = await store.createDraft({
      title: 'Kế hoạch',
      symbol: 'KH-UBND',
      actor: 'chuyen-vien',
      bytes: pdf('draft 1'),
    });
    await store.apply(id, 'chuyen-vien', 'submit');
    let current = await store.bytes(store.document(id).current_version!);
    const signed2 = appended(current, 'sig 2');
    await store.apply(id, 'lanh-dao-phong', 'approve', {
      signed: { bytes: signed2, report: { status: 'valid' } },
    });
    // the head of the office sends it back to the department with a comment
    await store.apply(id, 'lanh-dao-van-phong', 'reject', { comment: 'Sửa lại căn cứ pháp lý' });
    expect(store.document(id)).toMatchObject({ state: 'review-department' });
    expect(store.document(id).current_version).toBe(store.document(id).draft_version);
    await store.apply(id, 'lanh-dao-phong', 'reject', { comment: 'Chuyên viên sửa' });
    await store.replaceDraft(id, 'chuyen-vien', pdf('draft 2'));
    await store.apply(id, 'chuyen-vien', 'submit');
    for (const actor of ['lanh-dao-phong', 'lanh-dao-van-phong', 'lanh-dao-co-quan'] as const) {
      current = await store.bytes(store.document(id).current_version!);
      await store.apply(id, actor, 'approve', {
        signed: { bytes: appended(current, `sig ${actor}`), report: {} },
      });
    }
    expect(store.reserveNumber(id, 'van-thu')).toEqual({ number: 1, year: 2025 });
    expect(store.reserveNumber(id, 'van-thu')).toEqual({ number: 1, year: 2025 }); // once
    current = await store.bytes(store.document(id).current_version!);
    await store.apply(id, 'van-thu', 'issue', { signed: { bytes: appended(current, 'clerk'), report: {} } });

    db.close();
    ({ db, store } = open()); // a restart
    const doc = store.document(id);
    expect(doc).toMatchObject({
      state: 'issued',
      number: 1,
      number_year: 2025,
      issued_at: clock.toISOString(),
    });
    const versions = store.versions(id);
    expect(versions.map((v) => `${v.kind}:${v.actor}`)).toEqual([
      'draft:chuyen-vien',
      'signed:lanh-dao-phong',
      'draft:chuyen-vien',
      'signed:lanh-dao-phong',
      'signed:lanh-dao-van-phong',
      'signed:lanh-dao-co-quan',
      'issued:van-thu',
    ]);
    for (const v of versions) expect((await store.bytes(v.id)).length).toBe(v.size);
    expect(store.comments(id).map((c) => c.body)).toEqual(['Sửa lại căn cứ pháp lý', 'Chuyên viên sửa']);
    expect(store.steps(id).map((s) => s.action)).toEqual([
      'submit',
      'approve',
      'reject',
      'reject',
      'submit',
      'approve',
      'approve',
      'approve',
      'issue',
    ]);
    expect(store.audit(id).map((a) => a.event)).toContain('number.reserved');
    db.close();
  });

  it('numbers run from 01 each year in Vietnam and are unique', async () => {
    const { db, store } = open();
    const issueReady = async () => {
      const id = await store.createDraft({
        title: 'CV',
        symbol: 'CV-UBND',
        actor: 'chuyen-vien',
        bytes: pdf('x'),
      });
      db.prepare("UPDATE documents SET state = 'numbering' WHERE id = ?").run(id);
      return id;
    };
    const a = await issueReady();
    const b = await issueReady();
    expect(store.reserveNumber(a, 'van-thu').number).toBe(1);
    expect(store.reserveNumber(b, 'van-thu').number).toBe(2);
    clock = new Date('2025-12-31T17:00:00Z'); // 1 January 2026 in Vietnam
    const c = await issueReady();
    expect(store.reserveNumber(c, 'van-thu')).toEqual({ number: 1, year: 2026 });
    db.close();
  });

  it('refuses the wrong actor, and a failed step leaves no orphan file', async () => {
    const { db, store } = open();
    const id = await store.createDraft({ title: 'CV', symbol: 'CV', actor: 'chuyen-vien', bytes: pdf('x') });
    await store.apply(id, 'chuyen-vien', 'submit');
    const before = await readdir(join(dir.path, 'documents', String(id)));
    const error = await store
      .apply(id, 'lanh-dao-co-quan', 'approve', { signed: { bytes: pdf('y'), report: {} } })
      .catch((e: AppError) => e);
    expect((error as AppError).code).toBe('NOT_YOUR_STEP');
    expect(await readdir(join(dir.path, 'documents', String(id)))).toEqual(before);

    // two tabs approve at once: one wins, the other is refused, and its file does not stay behind
    const current = await store.bytes(store.document(id).current_version!);
    const results = await Promise.allSettled([
      store.apply(id, 'lanh-dao-phong', 'approve', {
        signed: { bytes: appended(current, 'tab 1'), report: {} },
      }),
      store.apply(id, 'lanh-dao-phong', 'approve', {
        signed: { bytes: appended(current, 'tab 2'), report: {} },
      }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(['INVALID_ACTION', 'NOT_YOUR_STEP']).toContain(
      (refused.reason as AppError).code ?? refused.reason,
    );
    expect(store.versions(id)).toHaveLength(2);
    expect(await readdir(join(dir.path, 'documents', String(id)))).toHaveLength(2);
    db.close();
  });
});
