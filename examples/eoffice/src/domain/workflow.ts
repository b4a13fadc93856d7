import { AppError } from './errors.js';
import { ROLE_LABELS, type Role } from './roles.js';

/**
 * Where a document is in the chain. `drafting` and the three reviews belong to one role each;
 * `numbering` is the clerk's step (number, date, organisation seal); `issued` is final.
 */
export type DocumentState =
  | 'drafting'
  | 'review-department'
  | 'review-office'
  | 'review-agency'
  | 'numbering'
  | 'issued';

export type Action = 'submit' | 'approve' | 'reject' | 'issue';

/** Who acts in each state. */
export const OWNER: Record<DocumentState, Role | undefined> = {
  drafting: 'chuyen-vien',
  'review-department': 'lanh-dao-phong',
  'review-office': 'lanh-dao-van-phong',
  'review-agency': 'lanh-dao-co-quan',
  numbering: 'van-thu',
  issued: undefined,
};

const APPROVE: Partial<Record<DocumentState, DocumentState>> = {
  'review-department': 'review-office',
  'review-office': 'review-agency',
  'review-agency': 'numbering',
};

// The plan's rejections: department → specialist; office and agency → department.
const REJECT: Partial<Record<DocumentState, DocumentState>> = {
  'review-department': 'drafting',
  'review-office': 'review-department',
  'review-agency': 'review-department',
};

export interface Transition {
  from: DocumentState;
  to: DocumentState;
  action: Action;
  /** Approving and issuing sign the document: the new version must carry the actor's signature. */
  signs: boolean;
  /**
   * After a rejection to the department, the chain starts again from the last unsigned draft: the
   * earlier approvals were given to a text that is being changed.
   */
  restartsFromDraft: boolean;
}

/** The one place that decides what may happen next; the rest of the app only records it. */
export function decide(state: DocumentState, action: Action, actor: Role, comment?: string): Transition {
  const owner = OWNER[state];
  if (owner === undefined || (action === 'submit' && state !== 'drafting'))
    throw new AppError('INVALID_ACTION', { action, state });
  if (owner !== actor) throw new AppError('NOT_YOUR_STEP', { role: ROLE_LABELS[owner].vi });
  switch (action) {
    case 'submit':
      return { from: state, to: 'review-department', action, signs: false, restartsFromDraft: false };
    case 'approve': {
      const to = APPROVE[state];
      if (!to) throw new AppError('INVALID_ACTION', { action, state });
      return { from: state, to, action, signs: true, restartsFromDraft: false };
    }
    case 'reject': {
      const to = REJECT[state];
      if (!to) throw new AppError('INVALID_ACTION', { action, state });
      if (!comment?.trim()) throw new AppError('COMMENT_REQUIRED');
      return { from: state, to, action, signs: false, restartsFromDraft: to === 'review-department' };
    }
    case 'issue':
      if (state !== 'numbering') throw new AppError('INVALID_ACTION', { action, state });
      return { from: state, to: 'issued', action, signs: true, restartsFromDraft: false };
  }
}

/** The actions a role may take now, for the page to offer. */
export function availableActions(state: DocumentState, actor: Role): Action[] {
  if (OWNER[state] !== actor) return [];
  if (state === 'drafting') return ['submit'];
  if (state === 'numbering') return ['issue'];
  return ['approve', 'reject'];
}
