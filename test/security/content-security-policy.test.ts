// The policy each page writes: exactly the scripts it names, and on the search page alone what Pagefind needs.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, scriptHash } from '../../src/lib/security/content-security-policy.ts';

function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split(';').map((directive) => directive.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
}

describe('scriptHash', () => {
  it('is the base64 SHA-256 of the exact text, as browsers compute it', () => {
    // printf 'alert(1)' | openssl dgst -sha256 -binary | base64
    expect(scriptHash('alert(1)')).toBe('sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI=');
    expect(scriptHash('alert(1) ')).not.toBe(scriptHash('alert(1)'));
  });
});

describe('contentSecurityPolicy', () => {
  it('allows a page its own inline script by hash and nothing from anywhere else', () => {
    const hash = scriptHash('(()=>{})();');
    const policy = directives(contentSecurityPolicy({ scripts: [hash] }));
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('img-src')).toEqual(["'self'"]);
    expect(policy.get('style-src')).toEqual(["'self'"]);
    expect(policy.get('script-src')).toEqual([`'${hash}'`, "'strict-dynamic'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'none'"]);
    // Requests to the site itself only (Lighthouse reads /robots.txt from inside the page); no script files and no
    // WebAssembly on an ordinary page.
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    expect([...policy.values()].flat().join(' ')).not.toMatch(/unsafe-inline|unsafe-eval|wasm|https?:|\*/);
  });

  it('names each script once, in the order given', () => {
    const first = `sha256-${createHash('sha256').update('a').digest('base64')}` as const;
    const second = scriptHash('b');
    expect(directives(contentSecurityPolicy({ scripts: [first, second, first] })).get('script-src')).toEqual([`'${first}'`, `'${second}'`, "'strict-dynamic'"]);
  });

  it('on the search page also lets the loader fetch the site\'s own script files, index and WebAssembly', () => {
    const hash = scriptHash('load()');
    const policy = directives(contentSecurityPolicy({ scripts: [hash], loadsSiteScripts: true }));
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    expect(policy.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'", `'${hash}'`, "'strict-dynamic'"]);
    expect(policy.get('default-src')).toEqual(["'none'"]);
  });

  it('refuses every script on a page that names none', () => {
    expect(directives(contentSecurityPolicy({ scripts: [] })).get('script-src')).toEqual(["'none'"]);
  });
});
