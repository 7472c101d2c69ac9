import { describe, expect, it } from 'vitest';
import { hasPostmortemPage } from '../src/lib/postmortems/postmortems.ts';

describe('which postmortems have a page', () => {
  it('gives a published postmortem a page in every build', () => {
    expect(hasPostmortemPage({ status: 'published' }, false)).toBe(true);
    expect(hasPostmortemPage({ status: 'published' }, true)).toBe(true);
  });

  it('gives a draft or a report in review a page only in a preview build', () => {
    for (const status of ['draft', 'in_review'] as const) {
      expect(hasPostmortemPage({ status }, false)).toBe(false);
      expect(hasPostmortemPage({ status }, true)).toBe(true);
    }
  });
});
