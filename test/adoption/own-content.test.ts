// The team's safety net: the site in the repository's own content/ and incidents/ (the example until `npm run
// init` replaces it, then the team's) passes `npm run check` at the real clock, as CI checks every change.
import { describe, expect, it } from 'vitest';
import { PROJECT, runScript } from '../helpers/sites.ts';

describe("the repository's own content", () => {
  it('passes npm run check', () => {
    // An empty AFTERMATH_NOW means the clock: the content is checked against today, as the deploy workflow builds it.
    const result = runScript('check.ts', ['--root', PROJECT], { AFTERMATH_NOW: '' });
    expect(result.status, `${result.stdout}${result.stderr}`).toBe(0);
    // What the record owes at today's date (an overdue postmortem, say) is a warning, which passes.
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines.at(-1)).toMatch(/^ok: \d+ incidents?, \d+ postmortems?, \d+ maintenance windows?, \d+ services? checked(; \d+ warnings?)?$/);
    expect(lines.slice(0, -1).filter((line) => !line.startsWith('warning: '))).toEqual([]);
  });
});
