// /feed.json: the site feed as JSON Feed 1.1.
import type { APIRoute } from 'astro';
import { feedResponse } from '../data/feed-endpoint.ts';
import { siteChannel } from '../lib/feeds/feed-channels.ts';

export const GET: APIRoute = () => feedResponse('json', siteChannel);
