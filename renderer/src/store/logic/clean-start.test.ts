import { describe, expect, it } from 'vitest';
import { DEFAULT_UI_STATE } from '../../../../shared/api/ui-types.ts';
import { restorePlan } from './clean-start.ts';

describe('restorePlan', () => {
  const saved = { ...DEFAULT_UI_STATE, selectedItemIds: ['it_a'], noteMode: 'preview' as const };

  it('restores everything after a clean start, and when the flag was never written', () => {
    expect(restorePlan({ ...saved, cleanStart: true })).toEqual({ selection: true, noteMode: 'preview', notice: null });
    expect(restorePlan(saved)).toEqual({ selection: true, noteMode: 'preview', notice: null });
  });

  it('skips the selection and the preview after an unclean one, and says so', () => {
    const plan = restorePlan({ ...saved, cleanStart: false });
    expect(plan.selection).toBe(false);
    expect(plan.noteMode).toBe('edit');
    expect(plan.notice).toContain('not restored');
  });
});
