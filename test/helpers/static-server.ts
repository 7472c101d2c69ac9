// Serves a built site on 127.0.0.1 the way a static host would (directory index, content types, 404), at the
// host's root or under a path as GitHub Pages serves a project site.
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.xml': 'application/xml',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ics': 'text/calendar',
  '.txt': 'text/plain',
  '.css': 'text/css',
  '.js': 'text/javascript',
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/** `mount` is the path the site is served under, `/` or `/status/`; anything outside it is 404. */
export async function serveStatic(root: string, options: { mount?: string } = {}): Promise<StaticServer> {
  const mount = options.mount ?? '/';
  const server: Server = createServer(async (request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    if (!pathname.startsWith(mount)) {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    let file = path.join(root, pathname.slice(mount.length));
    if (!file.startsWith(root)) {
      response.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = path.join(file, 'index.html');
      const body = await readFile(file);
      response.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
