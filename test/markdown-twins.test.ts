// The markdown twin of every incident and postmortem page (issue #15, machine readers): there for exactly the pages
// published, linked from both languages' pages, and saying what the page says.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { translator } from '../src/i18n/index.ts';
import { incidentMarkdown, postmortemMarkdown } from '../src/lib/feeds/markdown-twin.ts';
import { markdownWithSiteAddresses } from '../src/lib/markdown/markdown-html.ts';
import { loadModel } from './helpers/models.ts';
import { EXAMPLE_FIXTURE } from './helpers/sites.ts';

let out: string;

beforeAll(() => {
  out = inject('exampleSite');
});

async function pageFolders(folder: string): Promise<string[]> {
  return (await readdir(path.join(out, folder), { withFileTypes: true })).filter((entry) => entry.isDirectory() && entry.name.startsWith('INC-')).map((entry) => entry.name);
}

const text = (html: string | undefined): string => (html ?? '').replace(/\s+/g, ' ').trim();

describe('the markdown twins of a built site', () => {
  it('sit beside every incident and postmortem page, and only those (a postmortem in review has neither)', async () => {
    for (const folder of ['incidents', 'postmortems']) {
      for (const id of await pageFolders(folder)) {
        expect((await readdir(path.join(out, folder, id))).sort(), `${folder}/${id}`).toEqual(['index.html', 'index.html.md']);
      }
    }
    // INC-20261119-001's postmortem is in review: no page, no twin; its incident has both.
    expect(await pageFolders('postmortems')).not.toContain('INC-20261119-001');
    expect(await readdir(path.join(out, 'incidents', 'INC-20261119-001'))).toContain('index.html.md');
    // One twin per record: the other language's pages link the same file.
    for (const id of await pageFolders('zh-cn/incidents')) expect(await readdir(path.join(out, 'zh-cn/incidents', id))).toEqual(['index.html']);
  });

  it('are linked from the head of the page in both languages, to a file that exists', async () => {
    for (const page of ['incidents/INC-20250115-001/index.html', 'zh-cn/incidents/INC-20250115-001/index.html', 'postmortems/INC-20250115-001/index.html', 'zh-cn/postmortems/INC-20250115-001/index.html']) {
      const link = parse(await readFile(path.join(out, page), 'utf8')).querySelector('head link[rel="alternate"][type="text/markdown"]');
      const href = link?.getAttribute('href') ?? '';
      expect(href, page).toBe(`/${page.replace(/^zh-cn\//, '')}.md`);
      await expect(readFile(path.join(out, href))).resolves.toBeTruthy();
    }
    // The status page and the lists have no twin.
    expect(parse(await readFile(path.join(out, 'index.html'), 'utf8')).querySelector('link[type="text/markdown"]')).toBeNull();
  });

  it("say what the incident's page says: facts, figures, every update, the summary, the postmortem link", async () => {
    const twin = await readFile(path.join(out, 'incidents/INC-20250115-001/index.html.md'), 'utf8');
    const page = parse(await readFile(path.join(out, 'incidents/INC-20250115-001/index.html'), 'utf8'));
    expect(twin.split('\n')[0]).toBe('# INC-20250115-001: Agent coordinator failure makes the core API unavailable');
    expect(twin).toContain('> Markdown version of https://status.example.com/incidents/INC-20250115-001/ · times are in Asia/Shanghai');
    // Started 22:30 and resolved 00:45 the next day (UTC+8): 2 h 15 min, as the page says.
    expect(twin).toContain('- **Started**: Jan 15, 2025, 22:30 GMT+8 (2025-01-15T14:30:00Z)');
    expect(twin).toContain('- **Resolved**: Jan 16, 2025, 00:45 GMT+8 (2025-01-15T16:45:00Z)');
    expect(twin).toContain('- **Time to resolve**: 2 h 15 min');
    const facts = new Map(page.querySelectorAll('dl.facts dt').map((term) => [text(term.textContent), text(term.nextElementSibling?.textContent)]));
    expect(facts.get('Time to resolve')).toBe('2 h 15 min');
    // The recovery against the RTO: 22:30 to 23:30 is 1 h against 10 min, 50 min over, as in the page's targets box.
    expect(twin).toContain('| Time to recover: Agent coordinator | 1 h | RTO 10 min | ✗ missed (over 50 min) |');
    // Every update's message, newest first, as on the page.
    const messages = page.querySelectorAll('.timeline-message').map((message) => text(message.textContent));
    expect(messages.length).toBe(7);
    let from = 0;
    for (const message of messages) {
      const at = twin.indexOf(message.slice(0, 60), from);
      expect(at, message).toBeGreaterThan(from);
      from = at;
    }
    expect(twin).toContain('## Summary\n\nAt 22:30 (UTC+8) on 15 January the agent coordinator began crashing repeatedly.');
    expect(twin.trimEnd().split('\n').at(-1)).toBe('Read the postmortem: https://status.example.com/postmortems/INC-20250115-001/');
  });

  it("say what the postmortem's page says: the template's sections, the five whys, the action items", async () => {
    const twin = await readFile(path.join(out, 'postmortems/INC-20250115-001/index.html.md'), 'utf8');
    for (const heading of ['## Basic facts', '## Timeline', '## Root cause analysis', '### 5 whys', '## Impact', '## Response', '## Lessons', '## Action items']) {
      expect(twin, heading).toContain(`\n${heading}\n`);
    }
    expect(twin).toContain('1. **Why did API requests fail?**');
    expect(twin).toContain('| [AI-001](https://tracker.example.com/browse/OPS-1432) | Add memory usage monitoring and alerting for the agent coordinator | @sam.wilson | Jan 22, 2025 | Done | High | An alert fires when coordinator memory usage exceeds 80% |');
    expect(twin).toContain('- **Incident**: INC-20250115-001 (https://status.example.com/incidents/INC-20250115-001/)');
  });
});

describe('markdownWithSiteAddresses', () => {
  const base = 'https://acme.github.io/status/';

  it('turns links and images written from the site root into full addresses under the site path', () => {
    expect(markdownWithSiteAddresses('See [the history](/incidents/) and ![graph](/images/a.png "Latency").', base)).toBe('See [the history](https://acme.github.io/status/incidents/) and ![graph](https://acme.github.io/status/images/a.png "Latency").');
    expect(markdownWithSiteAddresses('See [the runbook][rb].\n\n[rb]: /docs/runbook/', base)).toBe('See [the runbook][rb].\n\n[rb]: https://acme.github.io/status/docs/runbook/');
    // Space inside the parentheses is allowed by markdown, and found.
    expect(markdownWithSiteAddresses('[status]( /services/api/ )', base)).toBe('[status]( https://acme.github.io/status/services/api/ )');
  });

  it('leaves code, other hosts, protocol-relative addresses and text that only looks like a path alone', () => {
    const untouched = 'Run `curl /health` or:\n\n```\n[x](/not/a/link)\n```\n\nSee [docs](https://example.com/a), [cdn](//cdn.example.com/x) and the path /incidents/ in words.';
    expect(markdownWithSiteAddresses(untouched, base)).toBe(untouched);
  });
});

describe('postmortemMarkdown with text that would break markdown', () => {
  it('keeps a table row whole when a cell holds a pipe or a line break, and a link whole when its address holds parentheses', async () => {
    const { model, bodies } = await loadModel(EXAMPLE_FIXTURE, '2026-11-26T00:00:00Z');
    const original = model.postmortems.find((postmortem) => postmortem.incident === 'INC-20250115-001')!;
    const postmortem = structuredClone(original);
    postmortem.timeline[0]!.event = 'Errors | timeouts\nseen on [the status page](/)';
    postmortem.actionItems.immediate[0]!.link = 'https://tracker.example.com/browse/OPS-1432 (old)';
    const incident = model.incidents.find((candidate) => candidate.id === 'INC-20250115-001')!;
    const twin = postmortemMarkdown(postmortem, incident, bodies.postmortems['INC-20250115-001'] ?? '', model, translator('en'), 'en');
    const timelineRows = twin.split('\n').filter((line) => line.startsWith('| Jan 15, 2025, 22:30 GMT+8'));
    // Shown as plain text on the page: no table column from the pipe, no link from the brackets.
    expect(timelineRows).toEqual(['| Jan 15, 2025, 22:30 GMT+8 (2025-01-15T14:30:00Z) | Errors \\| timeouts seen on \\[the status page\\](/) | — |']);
    expect(twin).toContain('| [AI-001](<https://tracker.example.com/browse/OPS-1432 (old)>) |');
  });
});

describe('incidentMarkdown with what a comms lead may type', () => {
  it('shows a title as written, keeps an open code fence and a heading inside their own update, and links nothing that was plain text', async () => {
    const { model, bodies } = await loadModel(EXAMPLE_FIXTURE, '2026-11-26T00:00:00Z');
    const incident = structuredClone(model.incidents.find((candidate) => candidate.id === 'INC-20250115-001')!);
    incident.title = 'Gateway "502" errors | 50% & *slow* [x](y) on channel #';
    const [newest, previous] = [...incident.updates].sort((a, b) => b.at.getTime() - a.at.getTime());
    newest!.message = '# Big heading\n\nWe ran:\n```\nkubectl rollout restart deploy/web';
    const twin = incidentMarkdown(incident, bodies.incidents['INC-20250115-001'] ?? '', model, translator('en'), 'en', false);
    // Every character markdown would read as markup is escaped: the title reads as typed, with no emphasis or link.
    expect(twin.split('\n')[0]).toBe('# INC-20250115-001: Gateway "502" errors \\| 50% \\& \\*slow\\* \\[x\\](y) on channel \\#');
    // The message's heading sits below the update's own (###), and its open fence is closed before the next update.
    const newestAt = twin.indexOf('#### Big heading');
    expect(newestAt).toBeGreaterThan(twin.indexOf('## Updates'));
    const fenceClosed = twin.indexOf('kubectl rollout restart deploy/web\n```\n');
    expect(fenceClosed).toBeGreaterThan(newestAt);
    expect(twin.indexOf(`### ${'Monitoring'}`, fenceClosed)).toBeGreaterThan(fenceClosed);
    expect(twin).toContain(previous!.message.slice(0, 40));
  });
});
