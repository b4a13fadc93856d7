import type { SigningCredential } from '../backends/credential.js';
import { otpApplies, type ServiceCore } from '../service/core.js';
import { describeKeyAndCertificate, keyAlgorithmOids } from './key-description.js';

export interface DescribeOptions {
  certificates: 'none' | 'single' | 'chain';
  certInfo: boolean;
  authInfo: boolean;
  signal: AbortSignal;
}

/**
 * A credential as credentials/info (CSC v2 §11.5) answers it: v2.0.0.2's `auth` objects, and
 * v2.0.0.0's `authMode`/`PIN`/`OTP` beside them for older clients (both say the same).
 */
export async function describeCredential(
  core: ServiceCore,
  credential: SigningCredential,
  options: DescribeOptions,
): Promise<Record<string, unknown>> {
  const call = { signal: options.signal };
  const [certificates, algorithms] = await Promise.all([
    credential.certificates(call),
    credential.algorithms(call),
  ]);
  const described = describeKeyAndCertificate(certificates[0]!);
  const pin = credential.pin === 'required';
  const otp = otpApplies(core, credential.id);
  const objects = [
    ...(pin
      ? [{ type: 'Password', id: 'PIN', format: 'A', label: 'PIN', description: 'Mã PIN của khóa ký' }]
      : []),
    ...(otp
      ? [
          {
            type: 'Password',
            id: 'OTP',
            format: 'N',
            label: core.otp?.label ?? 'OTP',
            description: 'Mã xác thực một lần (OTP)',
          },
        ]
      : []),
  ];
  const mode = objects.length > 0 ? 'explicit' : 'implicit';
  const shown =
    options.certificates === 'chain'
      ? certificates
      : options.certificates === 'single'
        ? certificates.slice(0, 1)
        : [];
  return {
    ...(credential.description !== undefined ? { description: credential.description } : {}),
    key: {
      status: 'enabled',
      algo: keyAlgorithmOids(algorithms),
      len: described.len,
      ...(described.curve ? { curve: described.curve } : {}),
    },
    cert: {
      status: described.valid ? 'valid' : 'expired',
      certificates: shown.map((c) => Buffer.from(c).toString('base64')),
      ...(options.certInfo
        ? {
            issuerDN: described.issuerDN,
            serialNumber: described.serialNumber,
            subjectDN: described.subjectDN,
            validFrom: described.validFrom,
            validTo: described.validTo,
          }
        : {}),
    },
    ...(options.authInfo
      ? {
          auth: {
            mode,
            ...(objects.length > 0 ? { expression: objects.map((o) => o.id).join(' AND '), objects } : {}),
          },
        }
      : {}),
    authMode: mode,
    ...(pin ? { PIN: { presence: 'true', format: 'A', label: 'PIN' } } : {}),
    ...(otp
      ? { OTP: { presence: 'true', type: 'offline', format: 'N', label: core.otp?.label ?? 'OTP' } }
      : {}),
    SCAL: core.scal,
    multisign: core.multisign,
    lang: core.info.lang ?? 'vi-VN',
  };
}
