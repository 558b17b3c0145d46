import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import type { LookupAddress } from 'node:dns';

/** Addresses no webhook may reach unless allow-listed: private, loopback, link-local and the like. */
const CLOSED = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  CLOSED.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const)
  CLOSED.addSubnet(network, prefix, 'ipv6');

/** Why a webhook's target may not be reached. */
export class RefusedTarget extends Error {}

/** An IPv4 address written inside an IPv6 one (`::ffff:10.0.0.1`), which reaches the IPv4 host. */
function embeddedIpv4(address: string): string | null {
  const match = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return match ? match[1] : null;
}

export function isClosedAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return CLOSED.check(address, 'ipv4');
  if (family !== 6) return true;
  const inner = embeddedIpv4(address);
  return inner ? CLOSED.check(inner, 'ipv4') : CLOSED.check(address, 'ipv6');
}

/** The host of a URL as DNS and the allow-list know it: lower case, an IPv6 address without brackets. */
export const hostOf = (url: URL): string => url.hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');

/**
 * Resolves a webhook's host and checks every address it resolves to: all must be public, unless the
 * host, as the URL writes it, is allow-listed (WEBHOOK_ALLOWED_HOSTS). Called at registration and again for
 * each connection, so a name that later resolves elsewhere (DNS rebinding) is refused then.
 */
export async function vettedAddresses(
  host: string,
  allowedHosts: readonly string[],
): Promise<LookupAddress[]> {
  let addresses: LookupAddress[];
  try {
    addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await lookup(host, { all: true });
  } catch {
    throw new RefusedTarget(`the host ${host} does not resolve`);
  }
  if (addresses.length === 0) throw new RefusedTarget(`the host ${host} does not resolve`);
  if (allowedHosts.includes(host)) return addresses;
  const closed = addresses.find(({ address }) => isClosedAddress(address));
  if (closed)
    throw new RefusedTarget(
      `${host} resolves to ${closed.address}, a private, loopback or link-local address that is not allow-listed`,
    );
  return addresses;
}

/** Checks a target URL as registered: http or https, no credentials, a host whose every address may be reached. */
export async function vetTarget(text: string, allowedHosts: readonly string[]): Promise<URL> {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new RefusedTarget('must be an absolute http or https URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new RefusedTarget('must be an absolute http or https URL');
  if (url.username || url.password) throw new RefusedTarget('must not carry a user name or password');
  await vettedAddresses(hostOf(url), allowedHosts);
  return url;
}
