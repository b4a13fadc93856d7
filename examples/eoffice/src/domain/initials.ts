import type { Role } from './roles.js';

/**
 * The reviewers who initial the draft ("ký tắt") instead of signing its signature block, which is
 * the head of the agency's: the head of the drafting department at the end of the text, the head of
 * the office (who checks the form) at the end of "Nơi nhận". Each signs the draft's empty signature
 * field of this name when it has one, and the signature block's default place otherwise.
 */
export const INITIALS_FIELDS: Partial<Record<Role, string>> = {
  'lanh-dao-phong': 'ky-tat-lanh-dao-phong',
  'lanh-dao-van-phong': 'ky-tat-lanh-dao-van-phong',
};
