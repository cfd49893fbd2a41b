import { and, eq, gt, isNull } from 'drizzle-orm';
import { sessions, users, gatewayKeys, type SqlClient } from '@safetwin/db';
import type { LoginResponse, Principal, Role } from '@safetwin/protocol';
import { authInvalid } from '../errors.ts';
import { hashPassword, hashSecret, newSecret, verifyPassword } from './passwords.ts';

/** A gateway authenticated by its key: provenance id and the site it may feed (null: any). */
export interface GatewayIdentity {
  id: string;
  /** Number stored with each reading as its provenance. */
  num: number;
  siteId: string | null;
}

/** A new account's details. */
export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  siteId: string | null;
  enterpriseId: string | null;
  password: string;
}

// A known hash to verify against when the user does not exist, so timing does not tell.
const DUMMY_HASH = 'scrypt$131072$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
const CACHE_MS = 30_000;

/** Logins, bearer tokens and gateway keys, stored hashed in the database. */
export class AuthService {
  private readonly tokenCache = new Map<string, { user: Principal; expiresAt: number; cachedAt: number }>();
  private readonly keyCache = new Map<string, { gateway: GatewayIdentity; cachedAt: number }>();

  constructor(
    private readonly db: SqlClient,
    private readonly tokenTtlMs: number,
    private readonly now: () => number,
  ) {}

  /** Creates or replaces an account (password stored as scrypt). */
  async upsertUser(user: NewUser): Promise<void> {
    const passwordHash = await hashPassword(user.password);
    const row = { username: user.username, displayName: user.displayName, role: user.role, siteId: user.siteId, enterpriseId: user.enterpriseId, passwordHash };
    await this.db.orm.insert(users).values(row).onConflictDoUpdate({ target: users.username, set: row });
  }

  /** Usernames that exist already (seeding skips them). */
  async existingUsernames(): Promise<Set<string>> {
    return new Set((await this.db.orm.select({ username: users.username }).from(users)).map((u) => u.username));
  }

  /** Checks a password and issues a bearer token; 401 for any mismatch, without saying which. */
  async login(username: string, password: string): Promise<LoginResponse> {
    const [row] = await this.db.orm.select().from(users).where(eq(users.username, username));
    const ok = await verifyPassword(password, row?.passwordHash ?? DUMMY_HASH);
    if (!row || !ok || row.disabled) throw authInvalid('wrong username or password');
    const token = newSecret();
    const expiresAt = this.now() + this.tokenTtlMs;
    await this.db.orm.insert(sessions).values({ tokenHash: hashSecret(token), username, createdAt: new Date(this.now()), expiresAt: new Date(expiresAt) });
    return { token, expiresAt, user: toPrincipal(row) };
  }

  /** Revokes a token (logout). */
  async logout(token: string): Promise<void> {
    const tokenHash = hashSecret(token);
    this.tokenCache.delete(tokenHash);
    await this.db.orm.update(sessions).set({ revokedAt: new Date(this.now()) }).where(eq(sessions.tokenHash, tokenHash));
  }

  /** The user behind a bearer token, or a 401. Cached briefly: one DB hit per token per 30 s. */
  async authenticate(token: string): Promise<Principal> {
    return (await this.session(token)).user;
  }

  /** The user behind a token and when the token expires (epoch ms), or a 401. */
  async session(token: string): Promise<{ user: Principal; expiresAt: number }> {
    const tokenHash = hashSecret(token);
    const now = this.now();
    const cached = this.tokenCache.get(tokenHash);
    if (cached && cached.expiresAt > now && now - cached.cachedAt < CACHE_MS) return { user: cached.user, expiresAt: cached.expiresAt };
    const [row] = await this.db.orm
      .select({ user: users, expiresAt: sessions.expiresAt })
      .from(sessions)
      .innerJoin(users, eq(users.username, sessions.username))
      .where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt), gt(sessions.expiresAt, new Date(now))));
    if (!row || row.user.disabled) {
      this.tokenCache.delete(tokenHash);
      throw authInvalid();
    }
    const user = toPrincipal(row.user);
    this.tokenCache.set(tokenHash, { user, expiresAt: row.expiresAt.getTime(), cachedAt: now });
    return { user, expiresAt: row.expiresAt.getTime() };
  }

  /** Registers a gateway key (stored as SHA-256). */
  async upsertGatewayKey(id: string, name: string, key: string, siteId: string | null): Promise<void> {
    const row = { id, name, keyHash: hashSecret(key), siteId, revokedAt: null };
    await this.db.orm.insert(gatewayKeys).values(row).onConflictDoUpdate({ target: gatewayKeys.id, set: row });
    this.keyCache.clear();
  }

  /**
   * Registers a delivery channel that has no key of its own (MQTT: the broker authorises
   * publishers) so its readings carry a provenance number; returns that number.
   */
  async channelGateway(id: string, name: string): Promise<number> {
    await this.db.orm.insert(gatewayKeys).values({ id, name, keyHash: `channel:${id}`, siteId: null }).onConflictDoNothing();
    const [row] = await this.db.orm.select({ num: gatewayKeys.num }).from(gatewayKeys).where(eq(gatewayKeys.id, id));
    return row!.num;
  }

  /** The gateway behind a key, or a 401. Cached briefly. */
  async authenticateGateway(key: string): Promise<GatewayIdentity> {
    const keyHash = hashSecret(key);
    const now = this.now();
    const cached = this.keyCache.get(keyHash);
    if (cached && now - cached.cachedAt < CACHE_MS) return cached.gateway;
    const [row] = await this.db.orm
      .select({ id: gatewayKeys.id, num: gatewayKeys.num, siteId: gatewayKeys.siteId })
      .from(gatewayKeys)
      .where(and(eq(gatewayKeys.keyHash, keyHash), isNull(gatewayKeys.revokedAt)));
    if (!row) throw authInvalid('unknown or revoked gateway key');
    const gateway = { id: row.id, num: row.num, siteId: row.siteId };
    this.keyCache.set(keyHash, { gateway, cachedAt: now });
    return gateway;
  }
}

function toPrincipal(row: typeof users.$inferSelect): Principal {
  return { username: row.username, displayName: row.displayName, role: row.role as Role, siteId: row.siteId, enterpriseId: row.enterpriseId };
}

/** The bearer credential of an `Authorization` header, or null. */
export function bearerOf(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1]! : null;
}
