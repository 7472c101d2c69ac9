// "Did you mean …": the known value a mistyped one most likely meant, for the check's messages and the commands'.
import { closest, distance } from 'fastest-levenshtein';

/**
 * The known value `typed` most likely meant: the same letters in another case, else the nearest by edit distance
 * when it is close enough to be a typo: one edit in a word of three to five letters, two in a longer one, none in
 * one or two letters, where one edit makes another word (P7 is not P0). Further than that it is another word, and
 * a suggestion would mislead ("total_outage" is not a typo of "partial_outage").
 */
export function nearMiss(typed: string, known: readonly string[], maxEdits?: number): string | undefined {
  if (known.length === 0 || typed === '') return undefined;
  const sameLetters = sameIgnoringCase(typed, known);
  if (sameLetters !== undefined) return sameLetters;
  const nearest = closest(typed.toLowerCase(), known.map((candidate) => candidate.toLowerCase()));
  const match = known.find((candidate) => candidate.toLowerCase() === nearest)!;
  const allowed = maxEdits ?? (nearest.length <= 2 ? 0 : nearest.length <= 5 ? 1 : 2);
  return distance(typed.toLowerCase(), nearest) <= allowed ? match : undefined;
}

/**
 * `did you mean "monitoring"? ` to put before the list of what was expected, or nothing. `maxEdits` narrows the
 * rule for values that differ from each other by a digit or two (incident ids, where INC-20261126-009 is another
 * incident, not a typo of INC-20261125-001).
 */
export function didYouMean(typed: string, known: readonly string[], quote: (value: string) => string = (value) => `"${value}"`, maxEdits?: number): string {
  const nearest = nearMiss(typed, known, maxEdits);
  return nearest === undefined ? '' : `did you mean ${quote(nearest)}? `;
}

/** The known value written with other capitals (`p1` for `P1`, `inc-20261125-001`), which a command then takes. */
export function sameIgnoringCase(typed: string, known: readonly string[]): string | undefined {
  return known.find((candidate) => candidate === typed) ?? known.find((candidate) => candidate.toLowerCase() === typed.toLowerCase());
}
