import { describe, expect, it } from 'vitest';
import { HubError, loginErrorMessage } from './hub-error.ts';

const HUB = 'http://localhost:4000';

describe('loginErrorMessage', () => {
  const CASES = [
    { title: 'wrong password', error: new HubError('auth:invalid', 'invalid credentials', 401), expected: 'Wrong username or password.' },
    { title: 'hub down', error: new HubError('hub:unreachable', 'x', 0), expected: `Cannot reach the SafeTwin hub at ${HUB}. Is it running?` },
    { title: 'hub slow', error: new HubError('hub:timeout', 'x', 0), expected: `The SafeTwin hub at ${HUB} did not answer in time. Try again.` },
    { title: 'rate limited', error: new HubError('http:429', 'Too Many Requests', 429), expected: 'Too many login attempts. Wait a moment and try again.' },
    { title: 'anything else shows the hub message and code', error: new HubError('internal', 'db down', 500), expected: 'The hub refused the login: db down (internal).' },
  ];
  for (const c of CASES) it(c.title, () => expect(loginErrorMessage(c.error, HUB), c.title).toBe(c.expected));

  it('classifies auth and transport failures', () => {
    expect(new HubError('auth:invalid', '', 401).isAuthFailure).toBe(true);
    expect(new HubError('auth:forbidden', '', 403).isAuthFailure).toBe(false);
    expect(new HubError('hub:unreachable', '', 0).isTransportFailure).toBe(true);
  });
});
