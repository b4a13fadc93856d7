import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CscSigner } from '@kyso/core';
import { clerkSign, personalPreset, signedBytes, signPdf, verifyPdf } from '@kyso/pdf';
import { loadDefaultFonts } from '@kyso/pdf/node';
import { makeTestPdf } from '@kyso/testkit';
import { run, softHsmAvailable, tempDir } from '@kyso/testkit/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEoffice, startEoffice } from '../src/server.js';

/**
 * The chain over HTTP, as the pages drive it: sign-in cookies, form posts, and signatures made through
 * the app's own CSC service (/kyso) with only digests leaving the client — what the browser does.
 */
let dir: { path: string; remove: () => Promise<void> };
let app: RunningEoffice;
const config = () => ({ dataDir: join(dir.path, 'data'), host: '127.0.0.1', port: 0, pkiPort: 0 });

async function session(user: string) {
  const r = await fetch(new URL('/signin', app.url), {
    method: 'POST',
    body: new URLSearchParams({ user }),
    redirect: 'manual',
  });
  expect(r.status).toBe(303);
  const cookie = r.headers.get('set-cookie')!.split(';')[0]!;
  const call = (path: string, init: RequestInit = {}) =>
    fetch(new URL(path, app.url), {
      redirect: 'manual',
      ...init,
      headers: { cookie, ...(init.headers as Record<string, string>) },
    });
  const form = (path: string, fields: Record<string, string>) =>
    call(path, { method: 'POST', body: new URLSearchParams(fields) });
  const state = async (id: number) =>
    /data-state="([a-z-]+)"/.exec(await (await call(`/documents/${id}`)).text())?.[1];
  const current = async (id: number) => {
    const page = await (await call(`/documents/${id}`)).text();
    const version = /src="\/files\/versions\/(\d+)"/.exec(page)?.[1];
    return new Uint8Array(await (await call(`/files/versions/${version}`)).arrayBuffer());
  };
  let reservedNumber: string | undefined;
  const reserve = async (id: number) => {
    const r = (await (await call(`/api/documents/${id}/number`, { method: 'POST' })).json()) as {
      number: number;
      text: string;
    };
    reservedNumber = r.text;
    return r;
  };
  /** Signs the current version through the app's CSC service and posts it, as the page does. */
  const signAndPost = async (id: number, credentialId: string, endpoint: 'approve' | 'issue') => {
    const signer = new CscSigner({
      baseUrl: new URL('/kyso', app.url).href,
      credentialId,
      fetch: (input, init) =>
        fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), cookie } }),
    });
    const fonts = await loadDefaultFonts();
    const pdf = await current(id);
    const bytes = await signedBytes(
      endpoint === 'approve'
        ? await signPdf(pdf, { signer, revocation: { mode: 'off' }, fonts, preset: personalPreset() })
        : await clerkSign(pdf, {
            signer,
            revocation: { mode: 'off' },
            fonts,
            number: reservedNumber ?? '00/KH-UBND',
            placeName: 'Thử Nghiệm',
          }),
    );
    return call(`/api/documents/${id}/${endpoint}`, {
      method: 'POST',
      headers: { 'content-type': 'application/pdf' },
      body: new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }),
    });
  };
  return { call, form, state, current, signAndPost, reserve };
}

beforeAll(async () => {
  dir = await tempDir('eoffice-chain-');
  app = await startEoffice(config());
});
afterAll(async () => {
  await app?.close();
  await dir.remove();
});

describe('the approval chain over HTTP', () => {
  it('keeps its keys on a SoftHSM2 token when SoftHSM2 is installed', async () => {
    expect(app.keys).toBe(process.env.CI === 'true' || (await softHsmAvailable()) ? 'softhsm' : 'pkcs12');
  });

  it('drafts, rejects once, approves three times, issues, and keeps it all across a restart', async () => {
    const specialist = await session('chuyen-vien');
    const draft = new FormData();
    draft.set('title', 'Kế hoạch chuyển đổi số năm 2025');
    draft.set('symbol', 'KH-UBND');
    draft.set(
      'file',
      new Blob([new Uint8Array(await makeTestPdf({ title: 'Ke hoach chuyen doi so' }))], {
        type: 'application/pdf',
      }),
      'du-thao.pdf',
    );
    const created = await specialist.call('/documents', { method: 'POST', body: draft });
    expect(created.status).toBe(303);
    const id = Number(created.headers.get('location')!.split('/').pop());
    await specialist.form(`/documents/${id}/submit`, {});
    expect(await specialist.state(id)).toBe('review-department');

    const department = await session('lanh-dao-phong');
    // someone else's key is refused by the service itself
    const stolen = await department
      .signAndPost(id, 'personal-lanh-dao-co-quan', 'approve')
      .catch((e: Error) => e);
    expect(stolen).toBeInstanceOf(Error);
    const first = await department.signAndPost(id, 'personal-lanh-dao-phong', 'approve');
    expect(first.status, await first.clone().text()).toBe(200);

    const office = await session('lanh-dao-van-phong');
    await office.form(`/documents/${id}/reject`, { comment: 'Bổ sung căn cứ pháp lý' });
    expect(await office.state(id)).toBe('review-department');
    expect((await department.signAndPost(id, 'personal-lanh-dao-phong', 'approve')).status).toBe(200);
    expect((await office.signAndPost(id, 'personal-lanh-dao-van-phong', 'approve')).status).toBe(200);
    const agency = await session('lanh-dao-co-quan');
    expect((await agency.signAndPost(id, 'personal-lanh-dao-co-quan', 'approve')).status).toBe(200);

    const clerk = await session('van-thu');
    const reserved = await clerk.reserve(id);
    expect(reserved).toMatchObject({ number: 1, text: '01/KH-UBND' });
    // a personal key is not the organisation's: the issue step refuses it
    const wrong = await clerk.signAndPost(id, 'personal-van-thu', 'issue');
    expect(wrong.status).toBe(409);
    expect((await wrong.json()).error).toBe('SIGNATURE_MISSING');
    expect((await clerk.signAndPost(id, 'organization', 'issue')).status).toBe(200);
    expect(await clerk.state(id)).toBe('issued');

    const issued = await clerk.current(id);
    const report = await verifyPdf(issued, { anchors: [app.pki.root], revocation: 'off' });
    expect(report.signatures.map((s) => s.status)).toEqual(Array(6).fill('valid'));
    expect(report.signatures.every((s) => s.modificationsAfter !== 'disallowed')).toBe(true);
    const file = join(dir.path, 'issued.pdf');
    await writeFile(file, issued);
    const pdfsig = await run('pdfsig', [file]);
    expect(pdfsig.stdout.match(/Signature is Valid\./g)).toHaveLength(6);
    const text = await run('pdftotext', [file, '-']);
    expect(text.stdout).toContain('Số: 01/KH-UBND');

    // a restart keeps every document, version and comment
    await app.close();
    app = await startEoffice(config());
    const again = await session('van-thu');
    const page = await (await again.call(`/documents/${id}`)).text();
    expect(page).toContain('data-state="issued"');
    expect(page).toContain('Bổ sung căn cứ pháp lý');
    expect(page.match(/data-testid="download-\d+"/g)).toHaveLength(6);
    expect(await again.current(id)).toEqual(issued);
  });

  it('refuses pages to a visitor who has not signed in, and an approval posted out of turn', async () => {
    const anonymous = await fetch(new URL('/documents', app.url), { redirect: 'manual' });
    expect(anonymous.status).toBe(303);
    const specialist = await session('chuyen-vien');
    const r = await specialist.call('/api/documents/1/approve', {
      method: 'POST',
      headers: { 'content-type': 'application/pdf' },
      body: new Blob([new Uint8Array(await makeTestPdf({}))]),
    });
    expect(r.status).toBe(409);
  });
});
