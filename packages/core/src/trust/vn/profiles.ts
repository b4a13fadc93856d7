import type { TrustProfileDefinition } from '../trust-profile.js';
import { VGCA_CA_G2, VGCA_ROOT_CA_G2, VN_NATIONAL_ROOT_CA, VNPT_CA_SHA2 } from './certificates.js';

/**
 * Government certificates ("chứng thư số chuyên dùng công vụ", Ban Cơ yếu Chính phủ). Kept apart from
 * the public CAs: a document signed under one store is not trusted under the other by default.
 */
export const VN_GOV: TrustProfileDefinition = {
  name: 'vn-gov',
  description: {
    vi: 'Chứng thư số chuyên dùng công vụ (RootCA chuyên dùng Chính phủ G2)',
    en: 'Vietnamese government certificates (RootCA chuyên dùng Chính phủ G2)',
  },
  anchors: [VGCA_ROOT_CA_G2],
  intermediates: [VGCA_CA_G2],
};

/** Public certificates: CAs licensed under the Vietnam National Root CA. */
export const VN_PUBLIC: TrustProfileDefinition = {
  name: 'vn-public',
  description: {
    vi: 'Chứng thư số công cộng (Vietnam National Root CA)',
    en: 'Vietnamese public certificates (Vietnam National Root CA)',
  },
  anchors: [VN_NATIONAL_ROOT_CA],
  intermediates: [VNPT_CA_SHA2],
};
