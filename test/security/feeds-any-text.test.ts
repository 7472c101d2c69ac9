// Whatever text a pull request writes into titles, messages, link titles, service names or the site name, every feed
// stays a well-formed document that readers parse whole, and the HTML it carries can run or fetch nothing.
import { parseFeed } from '@rowanmanning/feed-parser';
import fc from 'fast-check';
import ICAL from 'ical.js';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Element, Root, Text } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { beforeAll, describe, expect, it } from 'vitest';
import { postmortemChannel, serviceChannel, siteChannel, type FeedChannel, type FeedFormat } from '../../src/lib/feeds/feed-channels.ts';
import { FEED_WRITERS, type FeedSite } from '../../src/lib/feeds/feed-formats.ts';
import { maintenanceCalendar } from '../../src/lib/feeds/icalendar.ts';
import { translator } from '../../src/i18n/index.ts';
import type { MarkdownBodies, SiteModel } from '../../src/lib/model/site-model.ts';
import { loadModel } from '../helpers/models.ts';
import { VALID_FIXTURE } from '../helpers/sites.ts';

/** Text that has broken feeds or readers somewhere: controls XML cannot carry, CDATA ends, markup, bidi overrides, lone surrogates. */
const NASTIES = [
  '\u0000',
  '\u0007',
  '\u001b[31m',
  '\u007f',
  '\u0085',
  '\u009b',
  ']]>',
  ']]>x]]>',
  '<',
  '&',
  '&amp;',
  '&lt;b&gt;',
  '"',
  "'",
  '\u202e',
  '\u2066',
  '\ud800',
  '\udfff',
  '\ufffe',
  '\uffff',
  '\r\n',
  '\r',
  '<![CDATA[',
  '-->',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  '\t<svg onload=alert(1)>',
  '&lt;svg onload=alert(1)&gt;',
  '<iframe src="https://evil.example/"></iframe>',
  '[a](https://x.example "t ]]> <img src=x onerror=alert(1)>")',
  '[x](javascript:alert(1))',
  '![p](https://tracker.example/p.gif)',
];

const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit));
const anyText = fc
  .array(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: anyCodeUnit }), fc.constantFrom(...NASTIES)), { maxLength: 6 })
  .map((pieces) => pieces.join(''));

interface Texts {
  siteName: string;
  siteDescription: string;
  serviceName: string;
  serviceDescription: string;
  incidentTitle: string;
  message: string;
  linkTitle: string;
  postmortemTitle: string;
  postmortemSummary: string;
}

const anyTexts: fc.Arbitrary<Texts> = fc.record({
  siteName: anyText,
  siteDescription: anyText,
  serviceName: anyText,
  serviceDescription: anyText,
  incidentTitle: anyText,
  message: anyText,
  linkTitle: anyText,
  postmortemTitle: anyText,
  postmortemSummary: anyText,
});

const INCIDENT_ID = 'INC-20261110-001';
let base: { model: SiteModel; bodies: MarkdownBodies };

beforeAll(async () => {
  base = await loadModel(VALID_FIXTURE);
});

/** The valid fixture's incident with a postmortem, alone, with every text replaced; three updates keep the runs quick. */
function modelWith(texts: Texts): { model: SiteModel; bodies: MarkdownBodies } {
  const { model, bodies } = base;
  const incident = model.incidents.find((entry) => entry.id === INCIDENT_ID)!;
  const messages = [texts.message, `See [the runbook](https://x.example/runbook "${texts.linkTitle}") and ${texts.message}`, `${texts.linkTitle}\n\n- ${texts.message}`];
  return {
    model: {
      ...model,
      site: { ...model.site, name: texts.siteName, description: texts.siteDescription },
      services: model.services.map((service) => ({ ...service, name: `${texts.serviceName} ${service.id}`, description: texts.serviceDescription })),
      incidents: [{ ...incident, title: texts.incidentTitle, updates: incident.updates.slice(0, 3).map((update, index) => ({ ...update, message: messages[index]! })) }],
      postmortems: model.postmortems.filter((postmortem) => postmortem.incident === INCIDENT_ID).map((postmortem) => ({ ...postmortem, title: texts.postmortemTitle, userImpact: texts.message })),
      maintenance: [],
    },
    bodies: { ...bodies, postmortems: { [INCIDENT_ID]: texts.postmortemSummary } },
  };
}

function channelsOf(model: SiteModel, bodies: MarkdownBodies): FeedChannel[] {
  return [siteChannel(model, bodies), serviceChannel(model, bodies, 'rest-api'), postmortemChannel(model, bodies, { postmortems: 'Postmortems' })];
}

function feedSiteOf(model: SiteModel): FeedSite {
  return { name: model.site.name, baseUrl: model.site.baseUrl, language: 'en', timeZone: model.site.timeZone, nowMs: model.nowMs };
}

/** XML 1.0's Char production, written from the spec: what a conforming parser accepts anywhere in a document. */
const XML_CHAR = /^(?:[\t\n\r\u0020-\ud7ff\ue000-\ufffd]|[\ud800-\udbff][\udc00-\udfff])$/;

/** Text as a feed must carry it: as written, less the characters XML cannot carry and the C1 controls it discourages. */
function carried(text: string): string {
  return Array.from(text)
    .filter((char) => XML_CHAR.test(char) && !/[\u007f-\u009f]/.test(char))
    .join('')
    .replace(/\r\n?/g, '\n');
}

/**
 * What makes a strict XML parser refuse the document. fast-xml-parser's validator checks the structure but lets
 * any character through, and a `]]>` outside a CDATA section (left by one closed early) is forbidden by the spec.
 */
function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  const validation = XMLValidator.validate(xml);
  if (validation !== true) problems.push(`${validation.err.code}: ${validation.err.msg} at line ${validation.err.line}`);
  const badChar = Array.from(xml).find((char) => !XML_CHAR.test(char));
  if (badChar !== undefined) problems.push(`U+${badChar.codePointAt(0)!.toString(16).padStart(4, '0')}, which XML 1.0 cannot carry`);
  // The documents carry no `]]>` in attributes (those are URLs and ids), so any left outside CDATA is in text.
  if (xml.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '').includes(']]>')) problems.push('"]]>" outside a CDATA section');
  return problems;
}

/** Every element of HTML as a browser parses it. */
function elementsOf(tree: Root): Element[] {
  const elements: Element[] = [];
  visit(tree, 'element', (node: Element) => {
    elements.push(node);
  });
  return elements;
}

/** What a reader's browser or feed reader could run or fetch from the HTML. */
function dangersIn(html: string): string[] {
  const dangers: string[] = [];
  for (const element of elementsOf(fromHtml(html, { fragment: true }))) {
    if (['script', 'iframe', 'object', 'embed', 'style', 'link', 'meta', 'base', 'form', 'svg', 'math'].includes(element.tagName)) dangers.push(`<${element.tagName}>`);
    for (const [name, value] of Object.entries(element.properties)) {
      if (/^on/i.test(name)) dangers.push(`${name} handler`);
      if (['href', 'src', 'cite'].includes(name) && /^\s*(javascript|data|vbscript):/i.test(String(value))) dangers.push(`${name}=${String(value)}`);
      if (element.tagName === 'img' && name === 'src' && !/^\/(?![/\\])/.test(String(value))) dangers.push(`img from another host: ${String(value)}`);
    }
  }
  return dangers;
}

/** The text of HTML as a reader renders it. */
function textOf(tree: Root): string {
  let text = '';
  visit(tree, 'text', (node: Text) => {
    text += node.value;
  });
  return text;
}

const xmlParser = new XMLParser({ ignoreAttributes: false, trimValues: false, parseTagValue: false, isArray: (name) => ['item', 'entry'].includes(name) });

/** An Atom title is HTML (type="html"): as a reader renders it, text only, and the failures if not. */
function atomTitleText(html: string, failures: string[]): string {
  const tree = fromHtml(html, { fragment: true });
  if (elementsOf(tree).length > 0) failures.push(`markup in an Atom title: ${html}`);
  return textOf(tree);
}

interface ParsedXmlFeed {
  rss?: { channel: { title: string; item?: { title: string; description?: string }[] } };
  feed?: { title: string; entry?: { title: { '#text'?: string }; content?: { '#text'?: string } }[] };
}

/** What the writers promise about one document, as readers see it; the failures, empty when it keeps them. */
function brokenPromises(format: FeedFormat, document: string, channel: FeedChannel): string[] {
  const failures: string[] = [];
  let contents: string[];
  /** The channel's title, then its items'. */
  let titles: string[];
  if (format === 'json') {
    const feed = JSON.parse(document) as { title: string; items: { title: string; content_html: string }[] };
    contents = feed.items.map((item) => item.content_html);
    titles = [feed.title, ...feed.items.map((item) => item.title)];
  } else {
    failures.push(...xmlProblems(document));
    const parsed = parseFeed(document);
    if (parsed.items.length !== channel.items.length) failures.push(`${parsed.items.length} items read, ${channel.items.length} written`);
    // The HTML each item carries, read as RFC 4287 and RSS 2.0 say: the element's text, XML-decoded once. (feed-parser
    // decodes entities a second time, which turns a code block's escaped `&#x3C;svg` into markup no page would show;
    // and it reads no RSS description as content, which left the RSS items' HTML unchecked.)
    const xml = xmlParser.parse(document) as ParsedXmlFeed;
    contents = format === 'rss' ? (xml.rss?.channel.item ?? []).map((item) => item.description ?? '') : (xml.feed?.entry ?? []).map((entry) => entry.content?.['#text'] ?? '');
    if (contents.length !== channel.items.length) failures.push(`${contents.length} items' HTML read, ${channel.items.length} written`);
    titles =
      format === 'rss'
        ? [xml.rss?.channel.title ?? '', ...(xml.rss?.channel.item ?? []).map((item) => item.title)]
        : [xml.feed?.title ?? '', ...(xml.feed?.entry ?? []).map((entry) => atomTitleText(entry.title['#text'] ?? '', failures))];
  }
  // `rss` titles a channel with an empty title "Untitled RSS Feed".
  const channelTitle = carried(channel.title) || (format === 'rss' ? 'Untitled RSS Feed' : '');
  const expected = [channelTitle, ...channel.items.map((item) => carried(item.title))];
  if (JSON.stringify(titles.map((title) => title.replace(/\r\n?/g, '\n'))) !== JSON.stringify(expected)) failures.push(`titles read ${JSON.stringify(titles)}, expected ${JSON.stringify(expected)}`);
  for (const html of contents) failures.push(...dangersIn(html));
  return failures;
}

describe('every feed, for any text a pull request writes', () => {
  it('is a well-formed document that readers parse whole, with nothing runnable or remote in its HTML', () => {
    fc.assert(
      fc.property(anyTexts, (texts) => {
        const { model, bodies } = modelWith(texts);
        for (const channel of channelsOf(model, bodies)) {
          for (const format of ['rss', 'atom', 'json'] as const) {
            const document = FEED_WRITERS[format](channel, feedSiteOf(model));
            expect(brokenPromises(format, document, channel), `${channel.folder}${format}`).toEqual([]);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('stays well-formed for each of the hand-picked nasties in every text at once', () => {
    for (const nasty of NASTIES) {
      const text = `${nasty} ${nasty}`;
      const { model, bodies } = modelWith({ siteName: text, siteDescription: text, serviceName: text, serviceDescription: text, incidentTitle: text, message: text, linkTitle: text, postmortemTitle: text, postmortemSummary: text });
      for (const channel of channelsOf(model, bodies)) {
        for (const format of ['rss', 'atom', 'json'] as const) {
          expect(brokenPromises(format, FEED_WRITERS[format](channel, feedSiteOf(model)), channel), `${JSON.stringify(nasty)} in ${channel.folder}${format}`).toEqual([]);
        }
      }
    }
  });
});

describe('the maintenance calendar, for a site name with line breaks and separators', () => {
  it('keeps the name on its own NAME line, escaped, and adds no event', () => {
    const { model, bodies } = base;
    const name = 'Ops\r\nEND:VCALENDAR\nBEGIN:VEVENT;x,y\\ \u0000';
    const text = maintenanceCalendar({ ...model, site: { ...model.site, name } }, bodies, translator('en'));
    const calendar = new ICAL.Component(ICAL.parse(text));
    expect(calendar.getAllSubcomponents('vevent')).toHaveLength(1);
    expect(text).toContain('\r\nNAME:Ops\\nEND:VCALENDAR\\nBEGIN:VEVENT\\;x\\,y\\\\ : Scheduled maintenance\r\n');
  });
});
