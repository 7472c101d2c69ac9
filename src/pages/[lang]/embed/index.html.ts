// /zh-cn/embed/ and each other language's status strip.
import type { APIRoute, GetStaticPaths } from 'astro';
import { embedResponse } from '../../../data/embed-endpoint.ts';
import { otherLocalePaths } from '../../../data/locale-paths.ts';
import type { Locale } from '../../../schemas/site.ts';

export const getStaticPaths = (() => otherLocalePaths()) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => embedResponse((props as { locale: Locale }).locale);
