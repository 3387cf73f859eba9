/**
 * Pure classification of IP addresses and URL hosts for the feed proxy's SSRF guard.
 * Parses every spelling itself (inet_aton forms, IPv6 with embedded IPv4) rather than
 * trusting that a caller has normalised the input.
 */

export type AddressVerdict = { public: true } | { public: false; reason: string };

export type HostCheck =
  | { kind: 'address'; address: string; family: 4 | 6; verdict: AddressVerdict }
  | { kind: 'name'; name: string; verdict: AddressVerdict }
  | { kind: 'invalid' };

const PUBLIC: AddressVerdict = { public: true };
const refuse = (reason: string): AddressVerdict => ({ public: false, reason });

/** Parses one inet_aton part: decimal, 0x-hex or 0-prefixed octal. */
function parseIPv4Part(part: string): number | null {
  if (/^0x[0-9a-f]*$/i.test(part)) return part.length === 2 ? 0 : parseInt(part.slice(2), 16);
  if (/^0[0-7]+$/.test(part)) return parseInt(part.slice(1), 8);
  if (/^(0|[1-9][0-9]*)$/.test(part)) return Number(part);
  return null;
}

/**
 * Parses IPv4 in any inet_aton/WHATWG spelling (`127.1`, `2130706433`, `0x7f000001`,
 * `0177.0.0.1`, one trailing dot) to a 32-bit number, or null if it is not IPv4.
 */
export function parseIPv4(text: string): number | null {
  const parts = text.split('.');
  if (parts.length > 1 && parts.at(-1) === '') parts.pop();
  if (parts.length < 1 || parts.length > 4) return null;
  const numbers: number[] = [];
  for (const part of parts) {
    const value = parseIPv4Part(part);
    if (value === null || !Number.isSafeInteger(value)) return null;
    numbers.push(value);
  }
  const last = numbers.pop() ?? 0;
  if (numbers.some((n) => n > 255)) return null;
  if (last >= 256 ** (4 - numbers.length)) return null;
  return numbers.reduce((sum, n, i) => sum + n * 256 ** (3 - i), 0) + last;
}

/** Parses IPv6 (optionally bracketed, with zone id or trailing dotted IPv4) to 8 words. */
export function parseIPv6(text: string): number[] | null {
  let body = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  const zone = body.indexOf('%');
  if (zone >= 0) body = body.slice(0, zone);
  if (!body.includes(':')) return null;
  const halves = body.split('::');
  if (halves.length > 2) return null;
  const toWords = (half: string, allowV4: boolean): number[] | null => {
    if (half === '') return [];
    const groups = half.split(':');
    const words: number[] = [];
    for (const [i, group] of groups.entries()) {
      if (allowV4 && i === groups.length - 1 && group.includes('.')) {
        const parts = group.split('.');
        if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255))
          return null;
        const [a = 0, b = 0, c = 0, d = 0] = parts.map(Number);
        words.push((a << 8) | b, (c << 8) | d);
      } else if (/^[0-9a-f]{1,4}$/i.test(group)) {
        words.push(parseInt(group, 16));
      } else {
        return null;
      }
    }
    return words;
  };
  const head = toWords(halves[0] ?? '', halves.length === 1);
  const tail = halves.length === 2 ? toWords(halves[1] ?? '', true) : [];
  if (head === null || tail === null) return null;
  if (halves.length === 1) return head.length === 8 ? head : null;
  const missing = 8 - head.length - tail.length;
  if (missing < 1) return null;
  return [...head, ...new Array<number>(missing).fill(0), ...tail];
}

export function formatIPv4(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');
}

export function formatIPv6(words: readonly number[]): string {
  return words.map((w) => w.toString(16)).join(':');
}

/** IANA special-purpose IPv4 blocks that are not globally reachable: [base, prefix, reason]. */
const IPV4_BLOCKS: ReadonlyArray<readonly [string, number, string]> = [
  ['0.0.0.0', 8, 'the unspecified ("this network") range'],
  ['10.0.0.0', 8, 'a private address'],
  ['100.64.0.0', 10, 'a shared carrier-grade NAT address'],
  ['127.0.0.0', 8, 'a loopback address'],
  ['169.254.0.0', 16, 'a link-local address'],
  ['172.16.0.0', 12, 'a private address'],
  ['192.0.0.0', 24, 'a reserved protocol address'],
  ['192.0.2.0', 24, 'a documentation address'],
  ['192.88.99.0', 24, 'a reserved relay address'],
  ['192.168.0.0', 16, 'a private address'],
  ['198.18.0.0', 15, 'a benchmarking address'],
  ['198.51.100.0', 24, 'a documentation address'],
  ['203.0.113.0', 24, 'a documentation address'],
  ['224.0.0.0', 4, 'a multicast address'],
  ['255.255.255.255', 32, 'the broadcast address'],
  ['240.0.0.0', 4, 'a reserved address'],
];

const IPV4_TABLE = IPV4_BLOCKS.map(([base, prefix, reason]) => ({
  base: parseIPv4(base) ?? 0,
  size: 2 ** (32 - prefix),
  reason,
}));

export function classifyIPv4(n: number): AddressVerdict {
  for (const block of IPV4_TABLE) {
    if (n >= block.base && n < block.base + block.size) return refuse(block.reason);
  }
  return PUBLIC;
}

/** Classifies the IPv4 address held in two 16-bit words, for IPv6 forms that embed one. */
function embedded(label: string, high: number, low: number): AddressVerdict {
  const inner = classifyIPv4(high * 65536 + low);
  return inner.public ? inner : refuse(`${label} embedding ${inner.reason}`);
}

export function classifyIPv6(words: readonly number[]): AddressVerdict {
  const w = (i: number): number => words[i] ?? 0;
  const zeroUpTo = (n: number): boolean => words.slice(0, n).every((x) => x === 0);
  if (zeroUpTo(8)) return refuse('the unspecified address');
  if (zeroUpTo(7) && w(7) === 1) return refuse('a loopback address');
  if (zeroUpTo(5) && w(5) === 0xffff) return embedded('an IPv4-mapped address', w(6), w(7));
  if (zeroUpTo(6)) return refuse('an IPv4-compatible address');
  if (w(0) === 0x64 && w(1) === 0xff9b && words.slice(2, 6).every((x) => x === 0)) {
    return embedded('a NAT64 address', w(6), w(7));
  }
  if (w(0) === 0x64 && w(1) === 0xff9b && w(2) === 1) return refuse('a local-use NAT64 address');
  if (w(0) === 0x2002) return embedded('a 6to4 address', w(1), w(2));
  if (w(0) === 0x2001 && w(1) === 0) return refuse('a Teredo address');
  if (w(0) === 0x2001 && w(1) === 0xdb8) return refuse('a documentation address');
  if (w(0) === 0x2001 && w(1) < 0x200) return refuse('a reserved protocol address');
  if (w(0) === 0x3fff && w(1) < 0x1000) return refuse('a documentation address');
  if (w(0) === 0x5f00) return refuse('a segment-routing address');
  if ((w(0) & 0xfe00) === 0xfc00) return refuse('a unique local (private) address');
  if ((w(0) & 0xffc0) === 0xfe80) return refuse('a link-local address');
  if ((w(0) & 0xffc0) === 0xfec0) return refuse('a site-local address');
  if ((w(0) & 0xff00) === 0xff00) return refuse('a multicast address');
  // Only 2000::/3 is allocated for global unicast; everything else is reserved.
  if ((w(0) & 0xe000) !== 0x2000) return refuse('a reserved address');
  return PUBLIC;
}

/** Classifies an IP literal in any spelling; null when the text is not an IP address. */
export function classifyAddress(text: string): AddressVerdict | null {
  const v6 = parseIPv6(text);
  if (v6 !== null) return classifyIPv6(v6);
  const v4 = parseIPv4(text);
  return v4 === null ? null : classifyIPv4(v4);
}

/**
 * Checks a URL hostname. As in WHATWG URL, a host whose last label is numeric is IPv4
 * or invalid, never a name to look up; `localhost` names are refused before any DNS.
 */
export function checkHost(hostname: string): HostCheck {
  const host = hostname.toLowerCase();
  if (host === '') return { kind: 'invalid' };
  if (host.startsWith('[') || host.includes(':')) {
    const words = parseIPv6(host);
    if (words === null) return { kind: 'invalid' };
    return { kind: 'address', address: formatIPv6(words), family: 6, verdict: classifyIPv6(words) };
  }
  const labels = host.replace(/\.$/, '').split('.');
  const last = labels.at(-1) ?? '';
  if (/^(\d+|0x[0-9a-f]*)$/.test(last)) {
    const n = parseIPv4(host);
    if (n === null) return { kind: 'invalid' };
    return { kind: 'address', address: formatIPv4(n), family: 4, verdict: classifyIPv4(n) };
  }
  if (last === '') return { kind: 'invalid' };
  if (last === 'localhost') {
    return { kind: 'name', name: host, verdict: refuse('a local name') };
  }
  return { kind: 'name', name: host, verdict: PUBLIC };
}
