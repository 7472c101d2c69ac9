// /favicon.svg: the project's icon, written by the build rather than copied from public/, which holds only the
// site's own raster images (an SVG there could carry script).
import type { APIRoute } from 'astro';
import icon from '../assets/favicon.svg?raw';

export const GET: APIRoute = () => new Response(icon, { headers: { 'Content-Type': 'image/svg+xml' } });
