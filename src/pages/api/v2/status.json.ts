// /api/v2/status.json: the page's status rollup (indicator and description), as in Statuspage's API.
import type { APIRoute } from 'astro';
import { statuspageResponse } from '../../../data/statuspage-endpoint.ts';

export const GET: APIRoute = () => statuspageResponse('status.json');
