// The team's safety net: the site in the repository's own content/ and incidents/ (the example until `npm run
// init` replaces it, then the team's) passes `npm run check` at the real clock, as CI checks every change.
import { describe, expect, it } from 'vitest';
import { PROJECT, runScript } from '../helpers/sites.ts';

describe("the repository's own content", () => {
  it('passes npm run check', () => {
    // An empty AFTERMATH_NOW means the clock: the content is checked against today, as the deploy workflow builds it.
    const result = runScript('check.ts', ['--root', PROJECT], { AFTERMATH_NOW: '' });
    expect(result.status, `${result.stdout}${result.stderr}`).toBe(0);
    expect(result.stdout).toMatch(/^ok: \d+ incidents?, \d+ postmortems?, \d+ maintenance windows?, \d+ services? checked\n$/);
  });
});
