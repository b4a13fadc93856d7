import type { NameSpec } from '../x509/name.js';
import type { EntitySpec, PkiSpec } from './spec.js';

/**
 * The default test PKI, shaped like the Vietnamese government hierarchy (VN-PROFILE.md): a root and an
 * issuing CA of the Government Cipher Committee, officials of a (fictional) provincial People's
 * Committee with personal certificates, the committee's organisation certificate, an OCSP responder,
 * a TSA, one signer per key type, and the edge cases verifiers must catch. Names are UTF-8 with
 * diacritics; nothing here is a real person, agency or policy.
 */

const CIPHER = 'Ban Cơ yếu Chính phủ';
const AGENCY = 'Ủy ban nhân dân tỉnh Thử Nghiệm';
const PROVINCE = 'Thử Nghiệm';

export const VN_ROOT_SUBJECT: NameSpec = {
  C: 'VN',
  O: CIPHER,
  CN: 'RootCA chuyên dùng Chính phủ thử nghiệm',
};
export const VN_CA_SUBJECT: NameSpec = {
  C: 'VN',
  O: CIPHER,
  CN: 'CA phục vụ các cơ quan Nhà nước thử nghiệm',
};

function official(
  id: string,
  cn: string,
  title: string,
  ou: string,
  cccd: string,
  extra: Partial<EntitySpec> = {},
): EntitySpec {
  return {
    id,
    issuer: 'ca',
    profile: 'personal',
    key: 'rsa-2048',
    subject: { C: 'VN', ST: PROVINCE, O: AGENCY, OU: ou, title, CN: cn, UID: `CCCD:${cccd}` },
    ...extra,
  };
}

const HEAD_OF_DEPARTMENT: NameSpec = {
  C: 'VN',
  ST: PROVINCE,
  O: AGENCY,
  OU: 'Phòng Tổng hợp',
  title: 'Trưởng phòng',
  CN: 'Nguyễn Thị Hồng Hạnh',
  UID: 'CCCD:034190000002',
};

export const VN_TEST_PKI: PkiSpec = {
  authorities: [
    { id: 'root', subject: VN_ROOT_SUBJECT, key: 'rsa-4096', description: 'root CA (trust anchor)' },
    {
      id: 'ca',
      issuer: 'root',
      subject: VN_CA_SUBJECT,
      key: 'rsa-3072',
      pathLength: 0,
      description: 'issuing CA for state agencies',
    },
    // An impostor hierarchy with the same names as the real one: only keys tell them apart.
    {
      id: 'look-alike-root',
      subject: VN_ROOT_SUBJECT,
      key: 'rsa-2048',
      trusted: false,
      description: 'untrusted root with the same name as the real root',
    },
    {
      id: 'look-alike-ca',
      issuer: 'look-alike-root',
      subject: VN_CA_SUBJECT,
      key: 'rsa-2048',
      pathLength: 0,
      description: 'untrusted CA with the same name as the real issuing CA',
    },
  ],
  entities: [
    // The approval chain of VN-PROFILE.md: four officials, the clerk, and the organisation.
    official('chuyen-vien', 'Trần Văn Minh', 'Chuyên viên', 'Phòng Tổng hợp', '034090000001', {
      role: 'chuyen-vien',
      description: 'specialist (chuyên viên): drafts',
    }),
    {
      id: 'lanh-dao-phong',
      issuer: 'ca',
      profile: 'personal',
      key: 'rsa-2048',
      subject: HEAD_OF_DEPARTMENT,
      role: 'lanh-dao-phong',
      description: 'head of department (lãnh đạo phòng): signs step 2',
    },
    official('lanh-dao-van-phong', 'Lê Quang Huy', 'Chánh Văn phòng', 'Văn phòng', '034085000003', {
      key: 'ec-p256',
      role: 'lanh-dao-van-phong',
      description: 'head of the office (lãnh đạo văn phòng): signs step 3',
    }),
    official('lanh-dao-co-quan', 'Phạm Đức Thắng', 'Chủ tịch', 'Lãnh đạo Ủy ban', '034075000004', {
      key: 'rsa-3072',
      role: 'lanh-dao-co-quan',
      description: 'head of the agency (lãnh đạo cơ quan): signs step 4',
    }),
    official('van-thu', 'Hoàng Thị Lan', 'Văn thư', 'Văn phòng', '034095000005', {
      role: 'van-thu',
      description: 'clerk (văn thư): numbers, dates and issues; also holds the organisation key',
    }),
    {
      id: 'to-chuc',
      issuer: 'ca',
      profile: 'organization',
      key: 'rsa-2048',
      subject: {
        C: 'VN',
        ST: PROVINCE,
        L: PROVINCE,
        O: AGENCY,
        CN: 'ỦY BAN NHÂN DÂN TỈNH THỬ NGHIỆM',
        UID: 'MST:0100000001',
      },
      role: 'van-thu',
      description: 'organisation certificate (chứng thư tổ chức), held by the clerk',
    },

    // Services.
    {
      id: 'ocsp',
      issuer: 'ca',
      profile: 'ocsp',
      key: 'rsa-2048',
      subject: { C: 'VN', O: CIPHER, CN: 'OCSP — CA phục vụ các cơ quan Nhà nước thử nghiệm' },
      description: 'delegated OCSP responder of the issuing CA',
    },
    {
      id: 'tsa',
      issuer: 'ca',
      profile: 'tsa',
      key: 'rsa-2048',
      subject: { C: 'VN', O: CIPHER, CN: 'Dịch vụ cấp dấu thời gian thử nghiệm' },
      description: 'time-stamping authority',
    },

    // One signer per key type.
    official('signer-rsa2048', 'Người ký RSA 2048', 'Chuyên viên', 'Phòng Thử nghiệm', '034000002048'),
    official('signer-rsa3072', 'Người ký RSA 3072', 'Chuyên viên', 'Phòng Thử nghiệm', '034000003072', {
      key: 'rsa-3072',
    }),
    official('signer-rsa4096', 'Người ký RSA 4096', 'Chuyên viên', 'Phòng Thử nghiệm', '034000004096', {
      key: 'rsa-4096',
    }),
    official('signer-p256', 'Người ký ECDSA P-256', 'Chuyên viên', 'Phòng Thử nghiệm', '034000000256', {
      key: 'ec-p256',
    }),
    official('signer-p384', 'Người ký ECDSA P-384', 'Chuyên viên', 'Phòng Thử nghiệm', '034000000384', {
      key: 'ec-p384',
    }),
    official('signer-p521', 'Người ký ECDSA P-521', 'Chuyên viên', 'Phòng Thử nghiệm', '034000000521', {
      key: 'ec-p521',
    }),

    // Edge cases.
    official('expired', 'Người ký hết hạn', 'Chuyên viên', 'Phòng Thử nghiệm', '034000000010', {
      validity: 'expired',
      description: 'certificate that expired a year ago',
    }),
    official('not-yet-valid', 'Người ký chưa hiệu lực', 'Chuyên viên', 'Phòng Thử nghiệm', '034000000011', {
      validity: 'not-yet-valid',
      description: 'certificate that becomes valid in a month',
    }),
    official('revoked', 'Người ký bị thu hồi', 'Chuyên viên', 'Phòng Thử nghiệm', '034000000012', {
      revoked: { reason: 'keyCompromise' },
      description: 'certificate revoked a day ago (key compromise)',
    }),
    official(
      'wrong-key-usage',
      'Người ký sai mục đích khóa',
      'Chuyên viên',
      'Phòng Thử nghiệm',
      '034000000013',
      {
        keyUsage: ['keyEncipherment', 'dataEncipherment'],
        description: 'certificate whose key usage does not allow signing',
      },
    ),
    {
      id: 'look-alike',
      issuer: 'look-alike-ca',
      profile: 'personal',
      key: 'rsa-2048',
      subject: HEAD_OF_DEPARTMENT,
      description: 'impostor with the same subject as lanh-dao-phong, under the look-alike hierarchy',
    },
    official('legacy-sha1', 'Người ký SHA-1', 'Chuyên viên', 'Phòng Thử nghiệm', '034000000014', {
      hash: 'SHA-1',
      description: 'certificate signed with SHA-1, as older government certificates are',
    }),
    official('legacy-rsa1024', 'Người ký RSA 1024', 'Chuyên viên', 'Phòng Thử nghiệm', '034000000015', {
      key: 'rsa-1024',
      description: 'certificate with a 1024-bit RSA key',
    }),
  ],
};
