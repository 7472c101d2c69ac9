// /rss.xml: every incident update and postmortem publication, newest first, built with the `rss` package.
import type { APIRoute } from 'astro';
import { feedResponse } from '../data/feed-endpoint.ts';
import { siteChannel } from '../lib/feeds/feed-channels.ts';

export const GET: APIRoute = () => feedResponse('rss', siteChannel);
