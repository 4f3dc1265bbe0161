/**
 * IP and CIDR parsing exactly as kube-apiserver does it, so the editor accepts and rejects the same strings:
 * - Go's net/netip `ParseAddr`/`ParsePrefix` (strict: no leading zeros, zones allowed only in ParseAddr),
 * - Go's net `ParseIP`/`ParseCIDR` (netip underneath, zones refused, CIDR mask digits may have leading zeros),
 * - k8s.io/utils/net `ParseIPSloppy`/`ParseCIDRSloppy` (retries with leading zeros stripped from IPv4 parts),
 * - k8s.io/apimachinery/pkg/util/validation/ip.go `IsValidIP`, `IsValidCIDR`, `GetWarningsForIP`, `GetWarningsForCIDR`,
 * Addresses are 16-byte arrays like Go's net.IP; an IPv4 address is stored in its ::ffff:a.b.c.d form.
 */

export const INVALID_IP_DETAIL = 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)';
export const INVALID_CIDR_DETAIL = 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)';

/** A netip.Addr: `v4` for the 4-byte kind (Is4), otherwise IPv6 (Is6, possibly IPv4-mapped) with an optional zone. */
export interface Addr {
  bytes: number[];
  v4: boolean;
  zone: string;
}

const V4_IN_V6_PREFIX = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff];

/** netip parseIPv4Fields: exactly four decimal fields 0-255 without leading zeros. */
function parseIPv4Fields(s: string): number[] | undefined {
  const parts = s.split('.');
  if (parts.length !== 4 || !parts.every((part) => /^(0|[1-9][0-9]{0,2})$/.test(part) && Number(part) <= 255)) return undefined;
  return parts.map(Number);
}

function parseIPv6(input: string): Addr | undefined {
  let s = input;
  let zone = '';
  const percent = s.indexOf('%');
  if (percent !== -1) {
    zone = s.slice(percent + 1);
    s = s.slice(0, percent);
    if (zone === '') return undefined;
  }
  const ip = new Array<number>(16).fill(0);
  let ellipsis = -1;
  if (s.length >= 2 && s[0] === ':' && s[1] === ':') {
    ellipsis = 0;
    s = s.slice(2);
    if (s.length === 0) return { bytes: ip, v4: false, zone };
  }
  let i = 0;
  while (i < 16) {
    let off = 0;
    let acc = 0;
    for (; off < s.length; off++) {
      if (!/[0-9a-fA-F]/.test(s[off])) break;
      acc = acc * 16 + parseInt(s[off], 16);
      if (off > 3) return undefined; // more than 4 hex digits
    }
    if (off === 0) return undefined;
    if (off < s.length && s[off] === '.') {
      // Embedded IPv4: only as the last 32 bits, or anywhere an ellipsis can make room.
      if (ellipsis < 0 && i !== 12) return undefined;
      if (i + 4 > 16) return undefined;
      const v4 = parseIPv4Fields(s);
      if (!v4) return undefined;
      ip.splice(i, 4, ...v4);
      s = '';
      i += 4;
      break;
    }
    ip[i] = acc >> 8;
    ip[i + 1] = acc & 0xff;
    i += 2;
    s = s.slice(off);
    if (s.length === 0) break;
    if (s[0] !== ':' || s.length === 1) return undefined;
    s = s.slice(1);
    if (s[0] === ':') {
      if (ellipsis >= 0) return undefined; // a second ::
      ellipsis = i;
      s = s.slice(1);
      if (s.length === 0) break;
    }
  }
  if (s.length !== 0) return undefined;
  if (i < 16) {
    if (ellipsis < 0) return undefined;
    const n = 16 - i;
    for (let j = i - 1; j >= ellipsis; j--) ip[j + n] = ip[j];
    for (let j = ellipsis; j < ellipsis + n; j++) ip[j] = 0;
  } else if (ellipsis >= 0) {
    return undefined; // :: must stand for at least one group
  }
  return { bytes: ip, v4: false, zone };
}

/** Go netip.ParseAddr. */
export function parseAddr(s: string): Addr | undefined {
  for (const c of s) {
    if (c === '.') {
      const fields = parseIPv4Fields(s);
      return fields ? { bytes: [...V4_IN_V6_PREFIX, ...fields], v4: true, zone: '' } : undefined;
    }
    if (c === ':') return parseIPv6(s);
    if (c === '%') return undefined;
  }
  return undefined;
}

/** Go net.ParseIP (netip without zones). */
export function parseIP(s: string): number[] | undefined {
  const addr = parseAddr(s);
  return addr && addr.zone === '' ? addr.bytes : undefined;
}

// k8s.io/utils/net parse.go: strips leading zeros from a trailing dotted-quad (and its prefix length).
const MATCH_ZEROS = /(^|:)0*(0|[1-9][0-9]*)\.0*(0|[1-9][0-9]*)\.0*(0|[1-9][0-9]*)\.0*(0|[1-9][0-9]*)((\/)0*(0|[1-9][0-9]*))?$/;

function stripZeros(s: string): string {
  return s.replace(
    MATCH_ZEROS,
    (_m, p1: string, a: string, b: string, c: string, d: string, _p6, slash?: string, bits?: string) => `${p1}${a}.${b}.${c}.${d}${slash ?? ''}${bits ?? ''}`,
  );
}

/** k8s.io/utils/net ParseIPSloppy: what `IsValidIP` accepts. */
export function parseIPSloppy(s: string): number[] | undefined {
  return parseIP(s) ?? parseIP(stripZeros(s));
}

export function isValidIP(s: string): boolean {
  return parseIPSloppy(s) !== undefined;
}

/** net.IP.To4: the 4 bytes of an IPv4(-mapped) address. */
export function to4(ip: number[]): number[] | undefined {
  return V4_IN_V6_PREFIX.every((b, i) => ip[i] === b) ? ip.slice(12) : undefined;
}

/** netutils.IsIPv6String: parses (sloppily) and is not IPv4 or IPv4-mapped. */
export function isIPv6String(s: string): boolean {
  const ip = parseIPSloppy(s);
  return ip !== undefined && to4(ip) === undefined;
}

function string6(ip: number[]): string {
  const groups = Array.from({ length: 8 }, (_, i) => (ip[2 * i] << 8) | ip[2 * i + 1]);
  let zeroStart = -1;
  let zeroLen = 0;
  for (let i = 0; i < 8; i++) {
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i >= 2 && j - i > zeroLen) {
      zeroStart = i;
      zeroLen = j - i;
    }
  }
  let out = '';
  for (let i = 0; i < 8; i++) {
    if (i === zeroStart) {
      out += '::';
      i += zeroLen;
      if (i >= 8) break;
    } else if (i > 0) {
      out += ':';
    }
    out += groups[i].toString(16);
  }
  return out;
}

/** Go net.IP.String: dotted quad for IPv4 and IPv4-mapped addresses, RFC 5952 otherwise. */
export function ipString(ip: number[]): string {
  const v4 = to4(ip);
  return v4 ? v4.join('.') : string6(ip);
}

/** Go netip.Addr.String: keeps the ::ffff: of a mapped address and the zone. */
export function addrString(addr: Addr): string {
  if (addr.v4) return addr.bytes.slice(12).join('.');
  const zone = addr.zone ? `%${addr.zone}` : '';
  const v4 = to4(addr.bytes);
  return (v4 ? `::ffff:${v4.join('.')}` : string6(addr.bytes)) + zone;
}

function isIPv4Mapped(addr: Addr): boolean {
  return !addr.v4 && to4(addr.bytes) !== undefined;
}

/** A parsed CIDR as net.ParseCIDR returns it: the address as written and the masked network. */
export interface Cidr {
  ip: number[];
  network: number[];
  bits: number;
  /** 32 for an IPv4 CIDR, 128 for IPv6 (IPv4-mapped included), as Go's mask length. */
  bitLen: 32 | 128;
}

/** Go net.ParseCIDR: the mask may carry leading zeros ("/08"), zones are refused. */
export function parseCIDR(s: string): Cidr | undefined {
  const slash = s.indexOf('/');
  if (slash < 0) return undefined;
  const addr = parseAddr(s.slice(0, slash));
  if (!addr || addr.zone !== '') return undefined;
  const mask = s.slice(slash + 1);
  // Go's dtoi: decimal digits only, leading zeros allowed; a huge number fails the range check below.
  if (!/^[0-9]+$/.test(mask)) return undefined;
  const bits = Number(mask);
  const bitLen = addr.v4 ? 32 : 128;
  if (bits > bitLen) return undefined;
  const totalBits = bits + (128 - bitLen);
  const network = addr.bytes.map((byte, i) => {
    const keep = Math.max(0, Math.min(8, totalBits - 8 * i));
    return byte & ((0xff << (8 - keep)) & 0xff);
  });
  if (bitLen === 32) network.splice(0, 12, ...V4_IN_V6_PREFIX);
  return { ip: addr.bytes, network, bits, bitLen };
}

/** k8s.io/utils/net ParseCIDRSloppy: what `IsValidCIDR` accepts. */
export function parseCIDRSloppy(s: string): Cidr | undefined {
  return parseCIDR(s) ?? parseCIDR(stripZeros(s));
}

export function isValidCIDR(s: string): boolean {
  return parseCIDRSloppy(s) !== undefined;
}

/** Go net.IPNet.String: an IPv4-mapped network is shown as IPv4 with its prefix shortened by 96. */
export function networkString(cidr: Cidr): string {
  const v4 = to4(cidr.network);
  if (cidr.bitLen === 32) return `${(v4 as number[]).join('.')}/${cidr.bits}`;
  return v4 ? `${v4.join('.')}/${cidr.bits - 96}` : `${string6(cidr.network)}/${cidr.bits}`;
}

/** Go netip.ParsePrefix: strict address, no zone, prefix length without sign or leading zeros. */
export function parsePrefix(s: string): { addr: Addr; bits: number } | undefined {
  const slash = s.lastIndexOf('/');
  if (slash < 0) return undefined;
  const addr = parseAddr(s.slice(0, slash));
  if (!addr || addr.zone !== '') return undefined;
  const bitsText = s.slice(slash + 1);
  if (!/^(0|[1-9][0-9]{0,8})$/.test(bitsText)) return undefined;
  const bits = Number(bitsText);
  return bits <= (addr.v4 ? 32 : 128) ? { addr, bits } : undefined;
}

/** An API-server warning and the spelling(s) it recommends, for quick fixes. */
export interface IpWarning {
  message: string;
  suggestions: string[];
}

/** GetWarningsForIP, for a value that passed IsValidIP: non-standard (leading zeros, IPv4-mapped) or non-canonical IPv6. */
export function ipWarning(path: string, value: string): IpWarning | undefined {
  const ip = parseIPSloppy(value);
  if (!ip) return undefined;
  const addr = parseAddr(value);
  if (!addr || isIPv4Mapped(addr)) {
    const use = ipString(ip);
    return {
      message: `${path}: non-standard IP address ${q(value)} will be considered invalid in a future Kubernetes release: use ${q(use)}`,
      suggestions: [use],
    };
  }
  const canonical = addrString(addr);
  if (!addr.v4 && canonical !== value) {
    return { message: `${path}: IPv6 address ${q(value)} should be in RFC 5952 canonical format (${q(canonical)})`, suggestions: [canonical] };
  }
  return undefined;
}

/** GetWarningsForCIDR, for a value that passed IsValidCIDR: host bits set, non-standard form, non-canonical IPv6. */
export function cidrWarnings(path: string, value: string): IpWarning[] {
  const cidr = parseCIDRSloppy(value);
  if (!cidr) return [];
  const warnings: IpWarning[] = [];
  const network = networkString(cidr);
  if (cidr.ip.some((byte, i) => byte !== cidr.network[i])) {
    const single = `${ipString(cidr.ip)}/${cidr.bitLen}`;
    warnings.push({
      message: `${path}: CIDR value ${q(value)} is ambiguous in this context (should be ${q(network)} or ${q(single)}?)`,
      suggestions: [network, single],
    });
  }
  const prefix = parsePrefix(value);
  if (!prefix || isIPv4Mapped(prefix.addr)) {
    warnings.push({
      message: `${path}: non-standard CIDR value ${q(value)} will be considered invalid in a future Kubernetes release: use ${q(network)}`,
      suggestions: [network],
    });
  }
  if (warnings.length === 0 && prefix && !prefix.addr.v4) {
    const canonical = `${addrString(prefix.addr)}/${prefix.bits}`;
    if (canonical !== value) {
      warnings.push({ message: `${path}: IPv6 CIDR value ${q(value)} should be in RFC 5952 canonical format (${q(canonical)})`, suggestions: [canonical] });
    }
  }
  return warnings;
}

/** Go's %q for the plain strings that can reach here. */
function q(value: string): string {
  return JSON.stringify(value);
}

/**
 * ValidateNonSpecialIP (ValidateEndpointIP from 1.34): addresses that make no sense as a destination. Same order
 * and texts as Go; the parentheses of the first one echo the value as written.
 */
export function specialIPErrors(value: string): string[] {
  const ip = parseIPSloppy(value);
  if (!ip) return [];
  const v4 = to4(ip);
  const errors: string[] = [];
  const allZero = ip.every((b) => b === 0);
  if (allZero || (v4 && v4.every((b) => b === 0))) errors.push(`may not be unspecified (${value})`);
  if (v4 ? v4[0] === 127 : ip.slice(0, 15).every((b) => b === 0) && ip[15] === 1) {
    errors.push('may not be in the loopback range (127.0.0.0/8, ::1/128)');
  }
  if (v4 ? v4[0] === 169 && v4[1] === 254 : ip[0] === 0xfe && (ip[1] & 0xc0) === 0x80) {
    errors.push('may not be in the link-local range (169.254.0.0/16, fe80::/10)');
  }
  if (v4 ? v4[0] === 224 && v4[1] === 0 && v4[2] === 0 : ip[0] === 0xff && (ip[1] & 0x0f) === 0x02) {
    errors.push('may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)');
  }
  return errors;
}
