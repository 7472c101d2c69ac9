// /api/v2/components.json: every group and service as a Statuspage component.
import type { APIRoute } from 'astro';
import { statuspageResponse } from '../../../data/statuspage-endpoint.ts';

export const GET: APIRoute = () => statuspageResponse('components.json');
