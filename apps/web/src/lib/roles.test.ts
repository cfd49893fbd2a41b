import { describe, expect, it } from 'vitest';
import type { Principal } from '@safetwin/protocol';
import { scopeText } from './roles.ts';
import { translator } from '../i18n/messages-core.ts';
import { appMessages } from '../i18n/messages/app.ts';

const user = (role: Principal['role'], siteId: string | null, enterpriseId: string | null): Principal => ({
  username: 'u',
  displayName: 'U',
  role,
  siteId,
  enterpriseId,
});
const names = (id: string) => ({ cp1: 'Coastal Chemical Park' })[id] ?? id;

describe('scopeText', () => {
  const CASES = [
    { title: 'commander sees all', user: user('commander', null, null), expected: 'All sites' },
    { title: 'drill planner sees all', user: user('drill-planner', null, null), expected: 'All sites' },
    { title: 'park manager: one site by name', user: user('park-manager', 'cp1', null), expected: 'Site: Coastal Chemical Park' },
    { title: 'safety officer: enterprise and site', user: user('safety-officer', 'cp1', 'ent-a'), expected: 'Enterprise: ent-a · Site: Coastal Chemical Park' },
    { title: 'unknown site id shown as is', user: user('park-manager', 'mine9', null), expected: 'Site: mine9' },
  ];
  for (const c of CASES) it(c.title, () => expect(scopeText(c.user, names, translator(appMessages, 'en')), c.title).toBe(c.expected));
  it('speaks Chinese when asked', () => {
    expect(scopeText(user('safety-officer', 'cp1', 'ent-a'), names, translator(appMessages, 'zh-CN'))).toBe('企业：ent-a · 站点：Coastal Chemical Park');
  });
});
