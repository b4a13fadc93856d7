/**
 * The people of the approval chain (VN-PROFILE.md): a specialist drafts, three heads sign in turn
 * with personal certificates, the clerk numbers, dates and seals with the organisation's.
 * Each role's id is the dev PKI identity that holds its personal certificate.
 */
export const ROLES = [
  'chuyen-vien',
  'lanh-dao-phong',
  'lanh-dao-van-phong',
  'lanh-dao-co-quan',
  'van-thu',
] as const;
export type Role = (typeof ROLES)[number];

/** The dev PKI identity of the organisation certificate, held by the clerk. */
export const ORGANIZATION_IDENTITY = 'to-chuc';

export const ROLE_LABELS: Record<Role, { vi: string; en: string }> = {
  'chuyen-vien': { vi: 'Chuyên viên', en: 'Specialist' },
  'lanh-dao-phong': { vi: 'Lãnh đạo phòng', en: 'Head of department' },
  'lanh-dao-van-phong': { vi: 'Lãnh đạo văn phòng', en: 'Head of the office' },
  'lanh-dao-co-quan': { vi: 'Lãnh đạo cơ quan', en: 'Head of the agency' },
  'van-thu': { vi: 'Văn thư', en: 'Clerk' },
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
