// /api/v2/scheduled-maintenances/active.json: maintenance windows in progress, as in Statuspage's API.
import type { APIRoute } from 'astro';
import { statuspageResponse } from '../../../../data/statuspage-endpoint.ts';

export const GET: APIRoute = () => statuspageResponse('scheduled-maintenances/active.json');
