// Bounded file work: every item once, never more than the limit in flight, the first failure reported.
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { eachAtMost } from '../src/lib/files/at-most-at-once.ts';

describe('eachAtMost', () => {
  it('does each item once with its index, never more than the limit at once', async () => {
    let inFlight = 0;
    let most = 0;
    const seen: string[] = [];
    await eachAtMost(['a', 'b', 'c', 'd', 'e', 'f', 'g'], 3, async (item, index) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await sleep(item === 'a' ? 30 : 5);
      seen.push(`${index}:${item}`);
      inFlight -= 1;
    });
    expect(seen.sort()).toEqual(['0:a', '1:b', '2:c', '3:d', '4:e', '5:f', '6:g']);
    expect(most).toBe(3);
  });

  it('does nothing for no items, and rejects with the first failure', async () => {
    await eachAtMost([], 4, () => Promise.reject(new Error('never called')));
    await expect(eachAtMost([1, 2, 3], 2, async (item) => {
      if (item === 2) throw new Error('disk full');
    })).rejects.toThrow('disk full');
  });
});
