// /api/v2/summary.json: page, components, unresolved incidents, upcoming and active maintenance, and the status rollup, as in Statuspage's API.
import type { APIRoute } from 'astro';
import { statuspageResponse } from '../../../data/statuspage-endpoint.ts';

export const GET: APIRoute = () => statuspageResponse('summary.json');
