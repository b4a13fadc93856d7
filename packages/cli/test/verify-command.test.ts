import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeTestPdf } from '@kyso/testkit';
import { type PkiServer, run, startTestPki, tempDir, writeTestPki } from '@kyso/testkit/node';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const schema = JSON.parse(
  await readFile(require.resolve('@kyso/core/schema/verification-report.json'), 'utf8'),
);
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);

const bin = fileURLToPath(new URL('../bin/kyso.js', import.meta.url));
let server: PkiServer;
let dir: { path: string; remove: () => Promise<void> };
const file = (n: string) => join(dir.path, n);
const kyso = (args: string[], env: Record<string, string> = {}) =>
  run(process.execPath, [bin, ...args], { cwd: dir.path, env: { PW: 'kyso-test', KYSO_LANG: 'en', ...env } });
const trust = ['--trust', 'pki/trust-anchors.pem'];

beforeAll(async () => {
  server = await startTestPki({ include: ['lanh-dao-phong', 'tsa'] });
  dir = await tempDir('kyso-verify-cli-');
  await writeTestPki(server.pki, file('pki'));
  await writeFile(file('draft.pdf'), await makeTestPdf({ title: 'Cong van so 12' }));
  const s = await kyso([
    'sign',
    'draft.pdf',
    '-o',
    'signed.pdf',
    '--p12',
    'pki/p12/lanh-dao-phong.p12',
    '--password-env',
    'PW',
    '--tsa',
    server.urls.tsa,
    '--reason',
    'Phê duyệt',
  ]);
  expect(s.stderr).toBe('');
});
afterAll(async () => {
  await server.close();
  await dir.remove();
});

describe('kyso verify', () => {
  it('valid (exit 0), with a --json report that matches the committed JSON Schema', async () => {
    const r = await kyso(['verify', 'signed.pdf', ...trust, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report).toMatchObject({ status: 'valid', revisions: 2, lang: 'en', generator: { name: 'kyso' } });
    const [sig] = report.signatures;
    expect(sig).toMatchObject({
      kind: 'signature',
      subFilter: 'ETSI.CAdES.detached',
      level: 'B-T',
      integrity: true,
      coversWholeFile: true,
      modificationsAfter: 'none',
      indication: 'TOTAL_PASSED',
      status: 'valid',
    });
    expect(sig.signer.identifiers).toEqual({ CCCD: '034190000002' });
    expect(sig.atSigningTime).toMatchObject({
      basis: 'timestamp',
      certificateValid: true,
      revocation: 'good',
    });
  });

  // Circular 15/2025/TT-BKHCN: valid or not, issuing CA, signer, signing time or time-stamp, integrity,
  // validity at signing time, certificate period (and where revocation was checked), in Vietnamese.
  it.each([
    ['vi', 'Asia/Ho_Chi_Minh'],
    ['vi', 'UTC'],
    ['en', 'America/New_York'],
  ])('a summary in %s with every field the circular asks for (TZ=%s)', async (lang, tz) => {
    const r = await kyso(['verify', 'signed.pdf', ...trust, '--lang', lang], { TZ: tz });
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse((await kyso(['verify', 'signed.pdf', ...trust, '--json'])).stdout);
    const sig = json.signatures[0];
    const vn = (iso: string) => {
      const t = new Date(new Date(iso).getTime() + 7 * 3600_000).toISOString().slice(0, 19);
      return `${t}+07:00`;
    };
    const labels =
      lang === 'vi'
        ? {
            doc: 'Tài liệu: HỢP LỆ',
            sig: 'Chữ ký 1 (Signature1): HỢP LỆ (TOTAL_PASSED)',
            signer: 'Người ký: Nguyễn Thị Hồng Hạnh (CCCD 034190000002)',
            issuer:
              'Tổ chức cấp chứng thư: CN=CA phục vụ các cơ quan Nhà nước thử nghiệm,O=Ban Cơ yếu Chính phủ,C=VN',
            time: `Thời gian ký: ${vn(sig.timestamp.time)} (theo dấu thời gian)`,
            integrity: 'Toàn vẹn: có',
            at: 'Hiệu lực khi ký: chứng thư còn hiệu lực, chưa bị thu hồi',
            period: `Thời hạn chứng thư: ${vn(sig.certificate.notBefore)} đến ${vn(sig.certificate.notAfter)}`,
            anchor: 'Gốc tin cậy: CN=RootCA chuyên dùng Chính phủ thử nghiệm,O=Ban Cơ yếu Chính phủ,C=VN',
            revocation: 'chưa bị thu hồi, kiểm tra qua OCSP (trực tuyến)',
            modifications: 'không có thay đổi sau khi ký',
          }
        : {
            doc: 'Document: VALID',
            sig: 'Signature 1 (Signature1): VALID (TOTAL_PASSED)',
            signer: 'Signer: Nguyễn Thị Hồng Hạnh (CCCD 034190000002)',
            issuer: 'Issuing CA: CN=CA phục vụ các cơ quan Nhà nước thử nghiệm,O=Ban Cơ yếu Chính phủ,C=VN',
            time: `Signing time: ${vn(sig.timestamp.time)} (by time-stamp)`,
            integrity: 'Integrity: yes',
            at: 'At signing time: certificate valid, not revoked',
            period: `Certificate validity: ${vn(sig.certificate.notBefore)} to ${vn(sig.certificate.notAfter)}`,
            anchor: 'Trust anchor: CN=RootCA chuyên dùng Chính phủ thử nghiệm,O=Ban Cơ yếu Chính phủ,C=VN',
            revocation: 'not revoked, checked by OCSP (online)',
            modifications: 'no change after signing',
          };
    for (const [field, line] of Object.entries(labels)) expect(r.stdout, field).toContain(line);
  });

  it('exit 1 for a changed byte, exit 3 for revocation unavailable, unsigned, or no trust; exit 2 for garbage', async () => {
    const bytes = new Uint8Array(await readFile(file('signed.pdf')));
    bytes[200] = bytes[200] === 0x20 ? 0x21 : 0x20;
    await writeFile(file('tampered.pdf'), bytes);
    const tampered = await kyso(['verify', 'tampered.pdf', ...trust, '--json']);
    expect(tampered.code).toBe(1);
    expect(JSON.parse(tampered.stdout).signatures[0].subIndication).toBe('HASH_FAILURE');

    server.outage.ocsp = server.outage.crl = 'unavailable';
    const down = await kyso(['verify', 'signed.pdf', ...trust, '--json']);
    server.outage.ocsp = server.outage.crl = 'none';
    expect(down.code).toBe(3);
    const downReport = JSON.parse(down.stdout);
    expect(validate(downReport)).toBe(true);
    expect(downReport.signatures[0].status).toBe('indeterminate');

    const unsigned = await kyso(['verify', 'draft.pdf', ...trust, '--json']);
    expect(unsigned.code).toBe(3);
    expect(JSON.parse(unsigned.stdout).status).toBe('unsigned');

    expect((await kyso(['verify', 'signed.pdf', '--revocation', 'off'])).code).toBe(3);

    await writeFile(file('garbage.pdf'), 'not a pdf at all');
    const garbage = await kyso(['verify', 'garbage.pdf']);
    expect(garbage.code).toBe(2);
    expect(garbage.stderr).toMatch(/^kyso: PDF_STRUCTURE: /);
  });

  it('--trust-profile: the Vietnamese anchors are reported, and a testkit signer is not trusted under them', async () => {
    const gov = await kyso([
      'verify',
      'signed.pdf',
      '--trust-profile',
      'vn-gov',
      '--revocation',
      'off',
      '--json',
    ]);
    expect(gov.code, gov.stderr).toBe(3);
    const report = JSON.parse(gov.stdout);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report.policy.trustProfile).toBe('vn-gov');
    expect(report.policy.trustAnchors).toEqual([
      {
        subject: 'CN=RootCA chuyên dùng Chính phủ G2,O=Ban Cơ yếu Chính phủ,C=VN',
        sha256: 'F04BA4B459A7C9A1B971AD9B1CB833E695A80C79AEA63B174B66A70EDFE2FDB8',
      },
    ]);
    expect(report.signatures[0]).toMatchObject({
      status: 'indeterminate',
      subIndication: 'NO_CERTIFICATE_CHAIN_FOUND',
    });

    // A profile adds to --trust: the signature is trusted and names the anchor it reached.
    const both = await kyso(['verify', 'signed.pdf', '--trust-profile', 'vn-public', ...trust, '--json']);
    expect(both.code, both.stderr).toBe(0);
    const bothReport = JSON.parse(both.stdout);
    expect(bothReport.policy.trustAnchors).toHaveLength(2);
    expect(bothReport.signatures[0].certificate.trustAnchor.subject).toBe(
      'CN=RootCA chuyên dùng Chính phủ thử nghiệm,O=Ban Cơ yếu Chính phủ,C=VN',
    );

    const unknown = await kyso(['verify', 'signed.pdf', '--trust-profile', 'vn-old', '--lang', 'vi']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe(
      'kyso: UNKNOWN_TRUST_PROFILE: Không có hồ sơ tin cậy "vn-old" (các hồ sơ có: vn-gov, vn-public).\n',
    );
  });
});
