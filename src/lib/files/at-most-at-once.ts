// File work over many items (writing twins, moving them, handing pages to Pagefind) with a bounded number of
// operations in flight: all at once would open thousands of files and hold their text together; one at a time
// would leave the disk and the other process idle.

/** Runs `work` on every item, at most `limit` at once, each starting as soon as one finishes; rejects with the first failure. */
export async function eachAtMost<T>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      await work(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
