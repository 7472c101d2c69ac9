// Work done once per object: a build has one model (one per language), and dozens to thousands of pages ask the
// same question of it. Kept in a WeakMap, so a model nobody holds any more (astro dev reloads) takes its answers along.

/** `compute`, run once for each object it is asked about and remembered for as long as that object lives. */
export function oncePer<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const known = new WeakMap<K, V>();
  return (key) => {
    if (known.has(key)) return known.get(key)!;
    const value = compute(key);
    known.set(key, value);
    return value;
  };
}
