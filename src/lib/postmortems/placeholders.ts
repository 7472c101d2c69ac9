// The words a postmortem scaffold leaves for its author to replace, in every language the commands write, and
// where a published postmortem still holds one: the scaffold and the check read this one list.

/** Each begins a placeholder sentence in a scaffold: `TODO: the root cause`, `待填写：根本原因`. */
export const PLACEHOLDER_MARKERS = ['TODO', '待填写'] as const;

const PLACEHOLDER = new RegExp(`(^|[^A-Za-z])(${PLACEHOLDER_MARKERS.join('|')})(?![A-Za-z])`);

/** Whether text still holds a scaffold placeholder. */
export function holdsPlaceholder(text: string): boolean {
  return PLACEHOLDER.test(text);
}

/** Every string of a record that still holds a placeholder, with its path. */
export function placeholdersIn(value: unknown, path: PropertyKey[] = []): [PropertyKey[], string][] {
  if (typeof value === 'string') return holdsPlaceholder(value) ? [[path, value]] : [];
  if (Array.isArray(value)) return value.flatMap((item, index) => placeholdersIn(item, [...path, index]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => placeholdersIn(item, [...path, key]));
  return [];
}

/** The 1-based line of a markdown body's first placeholder, if any. */
export function firstPlaceholderLine(body: string): number | undefined {
  const index = body.split('\n').findIndex((line) => holdsPlaceholder(line));
  return index < 0 ? undefined : index + 1;
}
