import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { translator } from '../src/i18n/index.ts';
import { overallBadge, serviceBadge, STATE_COLOUR_PROPERTIES, STATE_COLOURS, stateBadge } from '../src/lib/status/badges.ts';
import { STATE_ORDER } from '../src/lib/status/status.ts';
import { loadModel } from './helpers/models.ts';
import { EXAMPLE_FIXTURE, PROJECT, VALID_FIXTURE } from './helpers/sites.ts';

const t = translator('en');

describe('a badge', () => {
  it('names itself in a <title> and an aria-label, so it reads without its colour', () => {
    const svg = parse(stateBadge('API gateway', 'Partial outage', 'partial_outage')).querySelector('svg')!;
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toBe('API gateway: Partial outage');
    expect(svg.querySelector('title')!.textContent).toBe('API gateway: Partial outage');
  });

  it('is filled with the colour the status page gives the state', () => {
    for (const state of STATE_ORDER) {
      expect(stateBadge('x', 'y', state)).toContain(`fill="${STATE_COLOURS[state]}"`);
    }
  });

  it('escapes names that contain markup', () => {
    expect(stateBadge('A <b> & co', 'Operational', 'operational')).toContain('<title>A &lt;b&gt; &amp; co: Operational</title>');
  });
});

describe('the badge colours', () => {
  it('are the light theme’s state colours of the page layout', () => {
    const layout = readFileSync(path.join(PROJECT, 'src/layouts/Base.astro'), 'utf8');
    const lightTheme = layout.slice(layout.indexOf(':root {'), layout.indexOf('@media (prefers-color-scheme: dark)'));
    for (const state of STATE_ORDER) {
      const property = STATE_COLOUR_PROPERTIES[state];
      expect(lightTheme.match(new RegExp(`${property}:\\s*(#[0-9a-f]{6})`, 'i'))?.[1]?.toLowerCase(), property).toBe(STATE_COLOURS[state]);
    }
  });
});

describe('service and overall badges', () => {
  it('show a service’s current state in the status page’s words', async () => {
    const { model } = await loadModel(VALID_FIXTURE);
    // the website has an open degradation at the fixture's now
    expect(parse(serviceBadge(model, 'web', t)).querySelector('title')!.textContent).toBe('Website: Degraded performance');
    expect(parse(serviceBadge(model, 'rest-api', t)).querySelector('title')!.textContent).toBe('REST API: Operational');
    expect(() => serviceBadge(model, 'nope', t)).toThrow('no service "nope"');
  });

  it('show the banner of the whole site', async () => {
    const { model } = await loadModel(EXAMPLE_FIXTURE, '2026-11-26T00:00:00Z');
    const svg = overallBadge(model, t);
    expect(parse(svg).querySelector('title')!.textContent).toBe('Aura Flow Status: Partial outage');
    expect(svg).toContain(`fill="${STATE_COLOURS.partial_outage}"`);
  });
});
