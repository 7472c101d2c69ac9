// The page families the site builds, for the browser suites and the Lighthouse benchmark, and a free port for
// Chromium's DevTools endpoint. No test-runner imports: `npm run bench` loads this too.
import { createServer } from 'node:net';

/** One page of each family the site builds, from its root; each also under /zh-cn/. */
export const PAGE_FAMILIES = ['', 'services/cache/', 'incidents/', 'incidents/INC-20250115-001/', 'postmortems/', 'postmortems/INC-20250115-001/', 'postmortems/actions/', 'targets/', 'reports/', 'reports/2026-q1/', 'maintenance/', 'search/'];

/** Every page family in both languages, as routes. */
export const FAMILY_ROUTES = PAGE_FAMILIES.flatMap((family) => [`/${family}`, `/zh-cn/${family}`]);

/** A port nothing listens on now, for Chromium's DevTools endpoint, which Lighthouse drives. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
