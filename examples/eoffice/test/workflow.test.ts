import { describe, expect, it } from 'vitest';
import { AppError } from '../src/domain/errors.js';
import { formatDocumentNumber, numberingYear } from '../src/domain/numbering.js';
import { ROLES, type Role } from '../src/domain/roles.js';
import { type Action, availableActions, type DocumentState, decide } from '../src/domain/workflow.js';

const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (error) {
    return (error as AppError).code;
  }
  return undefined;
};

describe('the approval chain of VN-PROFILE.md', () => {
  it.each([
    ['drafting', 'submit', 'chuyen-vien', 'review-department', false],
    ['review-department', 'approve', 'lanh-dao-phong', 'review-office', true],
    ['review-office', 'approve', 'lanh-dao-van-phong', 'review-agency', true],
    ['review-agency', 'approve', 'lanh-dao-co-quan', 'numbering', true],
    ['numbering', 'issue', 'van-thu', 'issued', true],
  ] as const)('%s: %s by %s → %s (signs: %s)', (state, action, actor, to, signs) => {
    expect(decide(state, action, actor)).toMatchObject({ to, signs });
  });

  it.each([
    ['review-department', 'lanh-dao-phong', 'drafting', false],
    ['review-office', 'lanh-dao-van-phong', 'review-department', true],
    ['review-agency', 'lanh-dao-co-quan', 'review-department', true],
  ] as const)(
    'rejection at %s by %s goes back to %s (restart from the draft: %s)',
    (state, actor, to, restart) => {
      expect(decide(state, 'reject', actor, 'Sửa lại trích yếu')).toMatchObject({
        to,
        restartsFromDraft: restart,
      });
    },
  );

  it('a rejection needs a comment', () => {
    expect(codeOf(() => decide('review-office', 'reject', 'lanh-dao-van-phong', '  '))).toBe(
      'COMMENT_REQUIRED',
    );
  });

  it('only the owner of the step acts, and nothing happens to an issued document', () => {
    const states: DocumentState[] = [
      'drafting',
      'review-department',
      'review-office',
      'review-agency',
      'numbering',
      'issued',
    ];
    const actions: Action[] = ['submit', 'approve', 'reject', 'issue'];
    for (const state of states)
      for (const actor of ROLES as readonly Role[])
        for (const action of actions) {
          const allowed = availableActions(state, actor).includes(action);
          const code = codeOf(() => decide(state, action, actor, 'ý kiến'));
          expect(code === undefined, `${state} ${action} by ${actor}`).toBe(allowed);
        }
    expect(availableActions('issued', 'van-thu')).toEqual([]);
    expect(codeOf(() => decide('review-office', 'approve', 'lanh-dao-phong'))).toBe('NOT_YOUR_STEP');
  });

  it('errors speak Vietnamese and English', () => {
    const e = new AppError('NOT_YOUR_STEP', { role: 'Lãnh đạo văn phòng' });
    expect(e.localized('vi')).toBe('Văn bản đang ở bước của Lãnh đạo văn phòng, không phải của bạn.');
    expect(e.localized('en')).toBe('The document is waiting for the Lãnh đạo văn phòng, not for you.');
  });
});

describe('document numbers (Decree 30/2020)', () => {
  it('pads numbers below 10 and keeps the symbol', () => {
    expect(formatDocumentNumber(1, 'KH-UBND')).toBe('01/KH-UBND');
    expect(formatDocumentNumber(12, 'KH-UBND')).toBe('12/KH-UBND');
    expect(formatDocumentNumber(105, 'QĐ-UBND')).toBe('105/QĐ-UBND');
    expect(() => formatDocumentNumber(0, 'X')).toThrow(RangeError);
  });

  it('counts the year in Vietnam: 31 December 17:00 UTC is already the new year', () => {
    expect(numberingYear(new Date('2025-12-31T16:59:59Z'))).toBe(2025);
    expect(numberingYear(new Date('2025-12-31T17:00:00Z'))).toBe(2026);
  });
});
