// A large site's search index is cut into parts of bounded size, so Pagefind's memory stays bounded however long the
// record grows; the search page merges them.
import { describe, expect, it } from 'vitest';
import { indexPartFolder, indexParts } from '../src/lib/model/search-index-parts.ts';

const incident = (id: string, bytes: number) => ({ path: `incidents/${id}/index.html`, bytes });
const postmortem = (id: string, bytes: number) => ({ path: `postmortems/${id}/index.html`, bytes });

describe('indexParts', () => {
  it('is one empty part for a site without pages, and one part while everything fits', () => {
    expect(indexParts([], 100)).toEqual([[]]);
    const pages = [incident('INC-20260101-001', 40), incident('INC-20260102-001', 60)];
    expect(indexParts(pages, 100)).toEqual([pages]);
  });

  it('cuts in the order of the records, an incident beside its postmortem, a part never over the limit', () => {
    const pages = [
      postmortem('INC-20250301-001', 30),
      incident('INC-20260101-001', 40),
      incident('INC-20250301-001', 50),
      incident('INC-20240101-002', 20),
      incident('INC-20240101-001', 10),
    ];
    // Ordered: 2024-001 (10), 2024-002 (20), 2025 incident (50), 2025 postmortem (30), 2026 (40).
    // 10 + 20 + 50 = 80 fits 80 exactly; the postmortem's 30 would make 110; then 30 + 40 = 70.
    expect(indexParts(pages, 80).map((part) => part.map((page) => page.path))).toEqual([
      ['incidents/INC-20240101-001/index.html', 'incidents/INC-20240101-002/index.html', 'incidents/INC-20250301-001/index.html'],
      ['postmortems/INC-20250301-001/index.html', 'incidents/INC-20260101-001/index.html'],
    ]);
  });

  it('gives a page larger than the limit a part of its own rather than leaving it out', () => {
    const parts = indexParts([incident('INC-20260101-001', 10), incident('INC-20260102-001', 500), incident('INC-20260103-001', 10)], 100);
    expect(parts.map((part) => part.map((page) => page.bytes))).toEqual([[10], [500], [10]]);
  });
});

describe('indexPartFolder', () => {
  it('keeps the first part in /pagefind/ itself, beside the interface, and the others in folders under it', () => {
    expect([0, 1, 2, 11].map(indexPartFolder)).toEqual(['', 'part-2/', 'part-3/', 'part-12/']);
  });
});
