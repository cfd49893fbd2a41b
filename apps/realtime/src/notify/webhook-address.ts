import { lookup as dnsLookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { networkInterfaces } from 'node:os';

/** Why an address is refused as a webhook target (SSRF: the hub's own network is off limits). */
export type ForbiddenClass = 'loopback' | 'link-local' | 'private' | 'cgnat' | 'multicast' | 'unspecified' | 'hub';

const RANGES: [ForbiddenClass, 'ipv4' | 'ipv6', string, number][] = [
  ['unspecified', 'ipv4', '0.0.0.0', 8],
  ['loopback', 'ipv4', '127.0.0.0', 8],
  ['private', 'ipv4', '10.0.0.0', 8],
  ['cgnat', 'ipv4', '100.64.0.0', 10],
  ['link-local', 'ipv4', '169.254.0.0', 16],
  ['private', 'ipv4', '172.16.0.0', 12],
  ['private', 'ipv4', '192.168.0.0', 16],
  ['multicast', 'ipv4', '224.0.0.0', 4],
  ['unspecified', 'ipv4', '240.0.0.0', 4], // reserved and broadcast
  ['unspecified', 'ipv6', '::', 128],
  ['loopback', 'ipv6', '::1', 128],
  ['private', 'ipv6', 'fc00::', 7],
  ['link-local', 'ipv6', 'fe80::', 10],
  ['multicast', 'ipv6', 'ff00::', 8],
];
const LISTS = RANGES.map(([cls, type, net, prefix]) => {
  const list = new BlockList();
  list.addSubnet(net, prefix, type);
  return { cls, list };
});

/** The IPv4 address an IPv4-mapped or -compatible IPv6 address stands for (::ffff:127.0.0.1), else the address. */
function unmapped(ip: string): string {
  const m = /^::(?:ffff:)?(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  return m ? m[1]! : ip;
}

/** The hub's own interface addresses (a hook must not post back into the hub). */
function hubAddresses(): Set<string> {
  const out = new Set<string>();
  for (const list of Object.values(networkInterfaces())) for (const a of list ?? []) out.add(unmapped(a.address.toLowerCase()));
  return out;
}

/** Why an IP address may not receive webhooks, or null when it may. */
export function forbiddenClass(ip: string): ForbiddenClass | null {
  const address = unmapped(ip.toLowerCase());
  const family = isIP(address);
  if (family === 0) return 'unspecified';
  const type = family === 4 ? 'ipv4' : 'ipv6';
  // (BlockList matches IPv4-mapped IPv6 addresses, ::ffff:7f00:1 too, against the IPv4 ranges.)
  for (const { cls, list } of LISTS) if (list.check(address, type)) return cls;
  return hubAddresses().has(address) ? 'hub' : null;
}

/** A vetted target: the address to connect to. */
export interface VettedAddress {
  address: string;
  family: 4 | 6;
}

/** Why a host cannot receive webhooks: it does not resolve, or resolves to a forbidden address. */
export class WebhookAddressError extends Error {
  constructor(
    /** `dns-failure` or `address-not-allowed` (what deliveries record). */
    readonly code: 'dns-failure' | 'address-not-allowed',
    message: string,
  ) {
    super(message);
  }
}

/**
 * Resolves a hook's host and vets every address it resolves to (DNS rebinding: done at each
 * delivery, and the connection then goes to the vetted address). Refused unless
 * `allowPrivate`: loopback, link-local, private (RFC 1918, fc00::/7), CGNAT, multicast,
 * unspecified and the hub's own addresses.
 */
export async function vetHost(hostname: string, allowPrivate: boolean): Promise<VettedAddress> {
  const host = hostname.replace(/^\[|\]$/g, '');
  let addresses: { address: string; family: number }[];
  try {
    addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await dnsLookup(host, { all: true, verbatim: true });
  } catch {
    throw new WebhookAddressError('dns-failure', `host '${hostname}' does not resolve`);
  }
  if (addresses.length === 0) throw new WebhookAddressError('dns-failure', `host '${hostname}' does not resolve`);
  if (!allowPrivate) {
    for (const a of addresses) {
      const cls = forbiddenClass(a.address);
      if (cls) throw new WebhookAddressError('address-not-allowed', `host '${hostname}' is a ${cls} address (set webhookAllowPrivate to allow it)`);
    }
  }
  const first = addresses[0]!;
  return { address: first.address, family: first.family === 6 ? 6 : 4 };
}
