import type { Request } from 'express';
import { AppError, type Lang } from '../domain/errors.js';
import type { DevPki } from '../pki/dev-pki.js';
import type { DocumentStore, UserRow } from '../store/documents.js';
import type { Sessions } from './session.js';

/** What every route needs: the store, the sessions, the PKI and the trust anchors. */
export interface AppContext {
  store: DocumentStore;
  sessions: Sessions;
  pki: DevPki;
  /** Anchors for verification: the dev root, and the built-in Vietnamese profiles for incoming mail. */
  anchors: Uint8Array[];
  intermediates: Uint8Array[];
  /** The place in the date line ("Thử Nghiệm, ngày … tháng … năm …"). */
  place: string;
  /** Credential ids in the signing service. */
  credentialOf: (userId: string) => { personal: string; organization?: string };
}

/** Vietnamese unless the user chose English (a cookie), whatever the browser says: the UI is for VN agencies. */
export function langOf(req: Request): Lang {
  return /(?:^|;\s*)eoffice_lang=en(?:;|$)/.test(req.headers.cookie ?? '') ? 'en' : 'vi';
}

export function currentUser(ctx: AppContext, req: Request): UserRow | undefined {
  const id = ctx.sessions.userOf(req.headers.cookie);
  return id ? ctx.store.user(id) : undefined;
}

export function requireUser(ctx: AppContext, req: Request): UserRow {
  const user = currentUser(ctx, req);
  if (!user) throw new AppError('NOT_FOUND', { what: 'user' }, 401);
  return user;
}

export function idParam(value: unknown): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new AppError('NOT_FOUND', { what: String(value) });
  return n;
}
