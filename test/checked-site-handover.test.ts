// The build hands the site its check passed to Astro's content loader through a file: the loader gets exactly that
// site (instants and all), waits while the check runs, and stops waiting if the build is gone.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handOverCheckedSite, receiveCheckedSite } from '../src/validation/checked-site-handover.ts';
import { loadSite, type SiteContent } from '../src/validation/load-site.ts';
import { VALID_FIXTURE } from './helpers/sites.ts';

let folder: string;
let content: SiteContent;

beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'aftermath-handover-'));
  const loaded = await loadSite(VALID_FIXTURE, { AFTERMATH_NOW: '2026-11-26T12:00:00Z' });
  if (!loaded.ok) throw new Error('the valid fixture is invalid');
  content = loaded.content;
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('the checked site handed to the loader', () => {
  it('arrives as it was checked, with its instants as instants', async () => {
    const file = path.join(folder, 'whole.v8');
    handOverCheckedSite(file, content);
    const received = await receiveCheckedSite(file);
    expect(received).toEqual(content);
    expect(received.incidents[0]!.incident.started).toBeInstanceOf(Date);
  });

  it('is waited for while the check runs', async () => {
    const file = path.join(folder, 'later.v8');
    const receiving = receiveCheckedSite(file);
    setTimeout(() => handOverCheckedSite(file, content), 50);
    expect((await receiving).nowMs).toBe(Date.parse('2026-11-26T12:00:00Z'));
  });

  it('is not waited for once the build that started the loader is gone', async () => {
    await expect(receiveCheckedSite(path.join(folder, 'never.v8'), process.ppid + 1)).rejects.toThrow('the build that started Astro has stopped before its check finished');
  });
});
