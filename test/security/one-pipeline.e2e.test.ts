// What the check validated is what the page and every feed publish: the same body (a second `---` block in it is
// text, not frontmatter to strip) and the same HTML for an update message on the page and in the feeds.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyOf, runScript, VALID_FIXTURE } from '../helpers/sites.ts';

const NOW = { AFTERMATH_NOW: '2026-11-26T12:00:00Z' };
const INCIDENT = 'incidents/2026/INC-20261110-001/index.md';
const MESSAGE = 'Calls **fail** with TLS errors; see [the runbook](https://runbooks.example.org/tls) and `openssl s_client`.';
/** The message as HTML, written by hand: what a reader must get on the page and in every feed alike. */
const MESSAGE_HTML = '<p>Calls <strong>fail</strong> with TLS errors; see <a href="https://runbooks.example.org/tls">the runbook</a> and <code>openssl s_client</code>.</p>';
/** A body whose first lines look like a second frontmatter block: a thematic break, a setext heading, a paragraph. */
const BODY = '---\nowner: platform\n---\n\nThe certificate of the API expired.\n\n![The expiry alert](/images/expiry.png)\n';
/** Eight bytes of PNG signature are enough: the build copies the file, nobody decodes it. */
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

let site: string;
let out: string;

beforeAll(async () => {
  site = await copyOf(VALID_FIXTURE);
  const file = path.join(site, INCIDENT);
  const original = await readFile(file, 'utf8');
  const [, frontmatter] = /^(---\n[\s\S]*?\n---\n)/.exec(original)!;
  const withMessage = frontmatter!.replace('message: Alerts report TLS handshake failures on the REST API.', `message: "${MESSAGE}"`);
  expect(withMessage).not.toBe(frontmatter);
  await writeFile(file, `${withMessage}${BODY}`);
  await mkdir(path.join(site, 'public/images'), { recursive: true });
  await writeFile(path.join(site, 'public/images/expiry.png'), PNG);
  out = path.join(await mkdtemp(path.join(os.tmpdir(), 'aftermath-pipeline-')), 'site');
  const check = runScript('check.ts', ['--root', site], NOW);
  expect(check.status, check.stdout + check.stderr).toBe(0);
  const build = runScript('build.ts', ['--root', site, '--out', out], NOW);
  expect(build.status, build.stderr).toBe(0);
});

afterAll(async () => {
  if (site) await rm(site, { recursive: true, force: true });
  if (out) await rm(path.dirname(out), { recursive: true, force: true });
});

describe('one markdown pipeline for the check, the page and the feeds', () => {
  it('publishes a body that starts like a frontmatter block whole, as the check read it', async () => {
    const page = parse(await readFile(path.join(out, 'incidents/INC-20261110-001/index.html'), 'utf8'));
    const summary = page.querySelector('#summary')!.parentNode!;
    expect(summary.querySelector('hr')).not.toBeNull();
    // The underlined line is a heading of the body, placed below the page's "Summary" (an h2).
    expect(summary.querySelector('h3')?.text).toBe('owner: platform');
    expect(summary.text).toContain('The certificate of the API expired.');
  });

  it('shows an image from the site’s public/ folder, published beside the pages', async () => {
    const page = parse(await readFile(path.join(out, 'incidents/INC-20261110-001/index.html'), 'utf8'));
    const image = page.querySelector('#summary')!.parentNode!.querySelector('img')!;
    expect(image.getAttribute('src')).toBe('/images/expiry.png');
    expect(image.getAttribute('alt')).toBe('The expiry alert');
    expect(await readFile(path.join(out, 'images/expiry.png'))).toEqual(PNG);
  });

  it('renders an update message to the same HTML on the page and in RSS, Atom and JSON Feed', async () => {
    const page = parse(await readFile(path.join(out, 'incidents/INC-20261110-001/index.html'), 'utf8'));
    const messages = page.querySelectorAll('.timeline-message').map((element) => element.innerHTML.trim());
    expect(messages).toContain(MESSAGE_HTML);

    const rss = parseFeed(await readFile(path.join(out, 'rss.xml'), 'utf8'));
    const atom = parseFeed(await readFile(path.join(out, 'atom.xml'), 'utf8'));
    const json = JSON.parse(await readFile(path.join(out, 'feed.json'), 'utf8')) as { items: { content_html: string }[] };
    const service = JSON.parse(await readFile(path.join(out, 'services/rest-api/feed.json'), 'utf8')) as { items: { content_html: string }[] };
    expect(rss.items.map((item) => item.content ?? item.description)).toContain(MESSAGE_HTML);
    expect(atom.items.map((item) => item.content)).toContain(MESSAGE_HTML);
    expect(json.items.map((item) => item.content_html)).toContain(MESSAGE_HTML);
    expect(service.items.map((item) => item.content_html)).toContain(MESSAGE_HTML);
  });

  it('gives the Statuspage API the same message as plain text, links with their address', async () => {
    const api = JSON.parse(await readFile(path.join(out, 'api/v2/incidents.json'), 'utf8')) as { incidents: { incident_updates: { body: string }[] }[] };
    const bodies = api.incidents.flatMap((incident) => incident.incident_updates.map((update) => update.body));
    expect(bodies).toContain('Calls fail with TLS errors; see the runbook (https://runbooks.example.org/tls) and openssl s_client.');
  });
});
