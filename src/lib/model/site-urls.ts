// Every address on the site: its base (the site's address, or its path on the host) joined with a path from the site's root.

/**
 * The site's address as the folder it is: `https://acme.github.io/status` becomes `https://acme.github.io/status/`.
 * Without the slash a URL names a file, and paths resolved against it would land beside the site, not in it.
 */
export function siteAddressAsFolder(address: string): string {
  const url = new URL(address);
  if (!url.pathname.endsWith('/')) url.pathname = `${url.pathname}/`;
  return url.href;
}

/**
 * The path the site is served under on its host, `/` or `/status/` (a GitHub Pages project site): Astro's `base`,
 * and the start of every link a page writes.
 */
export function basePathOf(address: string): string {
  return new URL(siteAddressAsFolder(address)).pathname;
}

/**
 * The one join of a base and a path on the site. `base` is the site's path for links on its pages (`/status/`) or
 * its address for what is read elsewhere (feeds, the API, the calendar, social previews); `pathFromRoot` is read
 * from the site's root whether or not it starts with `/` (`incidents/`, `/images/a.png`, `#service-api`, ``):
 * `/images/a.png` in markdown is the site's image, never the host's.
 */
export function siteUrl(base: string, pathFromRoot: string): string {
  const folder = base.endsWith('/') ? base : `${base}/`;
  return `${folder}${pathFromRoot.replace(/^[/\\]+/, '')}`;
}
