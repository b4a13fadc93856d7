import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const COOKIE = 'eoffice_user';

/**
 * The demo's sign-in: a signed cookie naming the chosen user (no passwords in the demo). The HMAC key
 * is made once per data directory, so sessions survive a restart and cannot be forged.
 */
export class Sessions {
  readonly #key: Buffer;

  constructor(dataDir: string) {
    const path = join(dataDir, 'session.key');
    if (!existsSync(path)) writeFileSync(path, randomBytes(32), { mode: 0o600, flag: 'wx' });
    this.#key = readFileSync(path);
  }

  #mac(value: string): string {
    return createHmac('sha256', this.#key).update(value).digest('base64url');
  }

  cookie(userId: string): string {
    const value = `${encodeURIComponent(userId)}.${this.#mac(userId)}`;
    return `${COOKIE}=${value}; Path=/; HttpOnly; SameSite=Lax`;
  }

  clearCookie(): string {
    return `${COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`;
  }

  /** The signed-in user id from a Cookie header, if its signature holds. */
  userOf(cookieHeader: string | undefined): string | undefined {
    const raw = cookieHeader
      ?.split(';')
      .map((c) => c.trim())
      .find((c) => c.startsWith(`${COOKIE}=`))
      ?.slice(COOKIE.length + 1);
    if (!raw) return undefined;
    const dot = raw.lastIndexOf('.');
    if (dot < 0) return undefined;
    let id: string;
    try {
      id = decodeURIComponent(raw.slice(0, dot));
    } catch {
      return undefined;
    }
    const given = Buffer.from(raw.slice(dot + 1));
    const expected = Buffer.from(this.#mac(id));
    return given.length === expected.length && timingSafeEqual(given, expected) ? id : undefined;
  }
}
