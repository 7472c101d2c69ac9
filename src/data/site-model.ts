// Reads the content collections into the plain SiteModel the view models take.
import { getCollection, getEntry } from 'astro:content';
import type { MarkdownBodies, SiteModel } from '../lib/model/site-model.ts';

let cached: Promise<SiteModel> | undefined;

async function readModel(): Promise<SiteModel> {
  const [siteEntry, groups, services, levels, incidents, postmortems, maintenance] = await Promise.all([
    getEntry('site', 'site'),
    getCollection('groups'),
    getCollection('services'),
    getCollection('severity'),
    getCollection('incidents'),
    getCollection('postmortems'),
    getCollection('maintenance'),
  ]);
  if (!siteEntry) throw new Error('content/site.yaml was not loaded');
  const { nowMs, ...site } = siteEntry.data;
  const strip = <T extends { order: number }>({ order: _order, ...rest }: T) => rest;
  return {
    site,
    nowMs,
    groups: groups.sort((a, b) => a.data.order - b.data.order).map((entry) => strip(entry.data)),
    services: services.sort((a, b) => a.data.order - b.data.order).map((entry) => strip(entry.data)),
    levels: levels.sort((a, b) => a.data.rank - b.data.rank).map(({ data: { rank: _rank, ...level } }) => level),
    incidents: incidents.map((entry) => entry.data),
    postmortems: postmortems.map((entry) => entry.data),
    maintenance: maintenance.map((entry) => entry.data),
  };
}

export function siteModel(): Promise<SiteModel> {
  // In dev every request re-reads, so content edits show on reload.
  if (import.meta.env.DEV) return readModel();
  cached ??= readModel();
  return cached;
}

async function readBodies(): Promise<MarkdownBodies> {
  const [incidents, postmortems, maintenance] = await Promise.all([getCollection('incidents'), getCollection('postmortems'), getCollection('maintenance')]);
  const byId = (entries: { id: string; body?: string | undefined }[]) => Object.fromEntries(entries.map((entry) => [entry.id, entry.body?.trim() ?? '']));
  return { incidents: byId(incidents), postmortems: byId(postmortems), maintenance: byId(maintenance) };
}

let cachedBodies: Promise<MarkdownBodies> | undefined;

/** The markdown bodies the feeds, the calendar and the API print; postmortems are keyed by their incident id. */
export function siteBodies(): Promise<MarkdownBodies> {
  if (import.meta.env.DEV) return readBodies();
  cachedBodies ??= readBodies();
  return cachedBodies;
}
