import { describe, expect, it } from 'vitest';
import { safeNextPath, sessionCookieOptions } from './session-cookie.ts';

describe('safeNextPath', () => {
  const CASES = [
    { title: 'a local path', input: '/sites/cp1/sensors?q=gt', expected: '/sites/cp1/sensors?q=gt' },
    { title: 'missing', input: undefined, expected: '/' },
    { title: 'protocol-relative URL', input: '//evil.example/x', expected: '/' },
    { title: 'backslash trick', input: '/\\evil.example', expected: '/' },
    { title: 'absolute URL', input: 'https://evil.example', expected: '/' },
    { title: 'back to login', input: '/login?next=/', expected: '/' },
    { title: 'array (repeated query param)', input: ['/a', '/b'], expected: '/' },
  ];
  for (const c of CASES) it(c.title, () => expect(safeNextPath(c.input), c.title).toBe(c.expected));
});

describe('sessionCookieOptions', () => {
  it('is httpOnly, lax, site-wide and expires with the token', () => {
    const options = sessionCookieOptions(1_764_316_800_000, false);
    expect(options).toMatchObject({ httpOnly: true, sameSite: 'lax', path: '/', secure: false });
    expect(options.expires.getTime()).toBe(1_764_316_800_000);
  });
});
