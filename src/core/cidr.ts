import * as ipaddr from "ipaddr.js";

/** An IPv4 CIDR parsed once: the network address and prefix length. */
export interface ParsedCidr {
  readonly address: ipaddr.IPv4;
  readonly prefix: number;
}

/**
 * Parses "a.b.c.d/n" strictly: IPv4 only, and the address must be the network address
 * (10.0.1.5/24 is rejected; AWS would silently use 10.0.1.0/24 for a subnet and refuse it for a VPC).
 */
export function parseCidr(value: string): ParsedCidr | undefined {
  if (!/^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/.test(value) || !ipaddr.IPv4.isValidCIDR(value)) return undefined;
  const [address, prefix] = ipaddr.IPv4.parseCIDR(value);
  const network = ipaddr.IPv4.networkAddressFromCIDR(value);
  return network.toString() === address.toString() ? { address, prefix } : undefined;
}

/** True when `inner` lies entirely inside `outer`. */
export function cidrContains(outer: ParsedCidr, inner: ParsedCidr): boolean {
  return inner.prefix >= outer.prefix && inner.address.match(outer.address, outer.prefix);
}

/** True when two CIDRs share at least one address. */
export function cidrsOverlap(a: ParsedCidr, b: ParsedCidr): boolean {
  return cidrContains(a, b) || cidrContains(b, a);
}
