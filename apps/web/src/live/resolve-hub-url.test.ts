import { describe, expect, it } from 'vitest';
import { resolveHubUrl } from './resolve-hub-url.ts';

describe('resolveHubUrl', () => {
  it('uses the configured public URL', () => {
    expect(resolveHubUrl('https://hub.example:8443', { protocol: 'http:', hostname: 'localhost' })).toBe('https://hub.example:8443');
  });
  it('defaults to the page host on port 4000 (localhost, 127.0.0.1, IPv6)', () => {
    expect(resolveHubUrl(null, { protocol: 'http:', hostname: 'localhost' })).toBe('http://localhost:4000');
    expect(resolveHubUrl(null, { protocol: 'http:', hostname: '127.0.0.1' })).toBe('http://127.0.0.1:4000');
    expect(resolveHubUrl(null, { protocol: 'https:', hostname: '[::1]' })).toBe('https://[::1]:4000');
  });
});
