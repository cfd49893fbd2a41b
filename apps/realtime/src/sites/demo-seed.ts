import { demoSites } from '@safetwin/twin-models';
import type { AuthService, NewUser } from '../auth/auth-service.ts';
import type { SiteRegistry } from './site-registry.ts';

/** Id of the demo gateway key (the simulator's provenance). */
export const DEMO_GATEWAY_ID = 'demo-gateway';

/** The demo accounts: commander, drill planner, a manager per site, an officer per enterprise. */
export function demoAccounts(password: string): NewUser[] {
  const accounts: NewUser[] = [
    { username: 'commander', displayName: 'Emergency command center 应急指挥中心', role: 'commander', siteId: null, enterpriseId: null, password },
    { username: 'drill-planner', displayName: 'Drill planner 演练策划', role: 'drill-planner', siteId: null, enterpriseId: null, password },
  ];
  for (const site of demoSites()) {
    const manager = site.kind === 'chemical-park' ? 'park-manager' : 'mine-manager';
    accounts.push({ username: manager, displayName: `${site.name.en} manager 管委会`, role: 'park-manager', siteId: site.id, enterpriseId: null, password });
    for (const enterprise of site.enterprises) {
      accounts.push({
        username: `officer-${enterprise.id}`,
        displayName: `${enterprise.name.en} safety officer 安全专员`,
        role: 'safety-officer',
        siteId: site.id,
        enterpriseId: enterprise.id,
        password,
      });
    }
  }
  return accounts;
}

/**
 * Demo mode: stores the demo sites (updated to this version's descriptions), creates the
 * demo accounts that do not exist yet (an existing account keeps its password), and
 * registers the demo gateway key.
 */
export async function seedDemo(registry: SiteRegistry, auth: AuthService, password: string, gatewayKey: string): Promise<void> {
  for (const site of demoSites()) await registry.upsert(site);
  const existing = await auth.existingUsernames();
  await Promise.all(demoAccounts(password).filter((a) => !existing.has(a.username)).map((a) => auth.upsertUser(a)));
  await auth.upsertGatewayKey(DEMO_GATEWAY_ID, 'Demo simulator gateway', gatewayKey, null);
}
