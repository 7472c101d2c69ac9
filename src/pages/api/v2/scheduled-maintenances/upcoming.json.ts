// /api/v2/scheduled-maintenances/upcoming.json: maintenance windows still ahead (status scheduled), as in Statuspage's API.
import type { APIRoute } from 'astro';
import { statuspageResponse } from '../../../../data/statuspage-endpoint.ts';

export const GET: APIRoute = () => statuspageResponse('scheduled-maintenances/upcoming.json');
