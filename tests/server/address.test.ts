import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkHost,
  classifyAddress,
  classifyIPv4,
  formatIPv4,
  parseIPv4,
  parseIPv6,
} from '../../src/server/address.ts';

// Pure functions only: nothing here opens a socket or asks DNS.

describe('parseIPv4', () => {
  it.each([
    ['127.0.0.1', 0x7f000001],
    ['127.1', 0x7f000001],
    ['127.0.1', 0x7f000001],
    ['2130706433', 0x7f000001],
    ['0x7f000001', 0x7f000001],
    ['0X7F000001', 0x7f000001],
    ['0177.0.0.1', 0x7f000001],
    ['0x7f.0.0.1', 0x7f000001],
    ['0x7f.1', 0x7f000001],
    ['017700000001', 0x7f000001],
    ['127.0.0.1.', 0x7f000001],
    ['0', 0],
    ['0x', 0],
    ['4294967295', 0xffffffff],
    ['169.254.43518', 0xa9fea9fe],
  ])('%s → %i', (text, value) => {
    expect(parseIPv4(text)).toBe(value);
  });

  it.each([
    '4294967296',
    '1.2.3.256',
    '256.1',
    '08',
    '09.1.1.1',
    '1..2',
    '1.2.3.4.5',
    'a.b.c.d',
    '',
    '0xg',
    '1.2.3.4..',
  ])('rejects %j', (text) => {
    expect(parseIPv4(text)).toBeNull();
  });

  it.each([
    '127.1',
    '2130706433',
    '0x7f000001',
    '0177.0.0.1',
    '0x7f.1',
    '127.0.0.1.',
    '0x8.0x8.0x8.0x8',
    '3232235777',
  ])('agrees with WHATWG URL on %s', (text) => {
    const whatwg = new URL(`http://${text}/`).hostname;
    const ours = parseIPv4(text);
    expect(ours).not.toBeNull();
    expect(formatIPv4(ours ?? -1)).toBe(whatwg);
  });

  it('round-trips every address through its decimal, hex and dotted spellings', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (n) => {
        expect(parseIPv4(formatIPv4(n))).toBe(n);
        expect(parseIPv4(String(n))).toBe(n);
        expect(parseIPv4(`0x${n.toString(16)}`)).toBe(n);
      }),
    );
  });
});

describe('parseIPv6', () => {
  it.each([
    ['::1', [0, 0, 0, 0, 0, 0, 0, 1]],
    ['[::1]', [0, 0, 0, 0, 0, 0, 0, 1]],
    ['::', [0, 0, 0, 0, 0, 0, 0, 0]],
    ['::ffff:127.0.0.1', [0, 0, 0, 0, 0, 0xffff, 0x7f00, 1]],
    ['fe80::1%eth0', [0xfe80, 0, 0, 0, 0, 0, 0, 1]],
    ['1:2:3:4:5:6:7:8', [1, 2, 3, 4, 5, 6, 7, 8]],
    ['1:2:3:4:5:6:1.2.3.4', [1, 2, 3, 4, 5, 6, 0x102, 0x304]],
  ])('%s', (text, words) => {
    expect(parseIPv6(text)).toEqual(words);
  });

  it.each([
    ':::',
    '1::2::3',
    '1:2:3:4:5:6:7:8:9',
    '1:2:3:4:5:6:7::8',
    '12345::',
    '::1.2.3',
    '::1.2.3.256',
    'example.com',
    '127.0.0.1',
  ])('rejects %j', (text) => {
    expect(parseIPv6(text)).toBeNull();
  });
});

describe('classifyAddress', () => {
  it.each([
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['10.0.0.1', 'private'],
    ['10.255.255.255', 'private'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['100.127.255.255', 'carrier-grade NAT'],
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['169.254.169.254', 'link-local'],
    ['169.254.0.1', 'link-local'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.0.0.1', 'reserved'],
    ['192.0.2.1', 'documentation'],
    ['192.168.1.1', 'private'],
    ['198.18.0.1', 'benchmarking'],
    ['198.19.255.255', 'benchmarking'],
    ['198.51.100.7', 'documentation'],
    ['203.0.113.9', 'documentation'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['240.0.0.1', 'reserved'],
    ['255.255.255.255', 'broadcast'],
    ['127.1', 'loopback'],
    ['2130706433', 'loopback'],
    ['0x7f000001', 'loopback'],
    ['0177.0.0.1', 'loopback'],
    ['0xa9fea9fe', 'link-local'],
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['0:0:0:0:0:0:0:1', 'loopback'],
    ['0000:0000::0001', 'loopback'],
    ['::ffff:127.0.0.1', 'IPv4-mapped address embedding a loopback'],
    ['[::ffff:127.0.0.1]', 'loopback'],
    ['::ffff:7f00:1', 'IPv4-mapped address embedding a loopback'],
    ['::FFFF:7F00:0001', 'loopback'],
    ['::ffff:10.0.0.1', 'private'],
    ['::ffff:a9fe:a9fe', 'link-local'],
    ['::ffff:0:7f00:1', 'reserved'],
    ['::127.0.0.1', 'IPv4-compatible'],
    ['::7f00:1', 'IPv4-compatible'],
    ['::8.8.8.8', 'IPv4-compatible'],
    ['64:ff9b::127.0.0.1', 'NAT64 address embedding a loopback'],
    ['64:ff9b::a00:1', 'NAT64 address embedding a private'],
    ['64:ff9b::a9fe:a9fe', 'link-local'],
    ['64:ff9b:1::808:808', 'local-use NAT64'],
    ['2002:7f00:1::', '6to4 address embedding a loopback'],
    ['2002:c0a8:101::1', '6to4 address embedding a private'],
    ['2002:a9fe:a9fe::', 'link-local'],
    ['2001::1', 'Teredo'],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'Teredo'],
    ['2001:2::1', 'reserved protocol'],
    ['2001:db8::1', 'documentation'],
    ['3fff::1', 'documentation'],
    ['fc00::1', 'unique local'],
    ['fd12:3456::1', 'unique local'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['febf::1', 'link-local'],
    ['fec0::1', 'site-local'],
    ['ff02::1', 'multicast'],
    ['100::1', 'reserved'],
    ['::2', 'IPv4-compatible'],
  ])('%s is refused as %s', (text, reason) => {
    const verdict = classifyAddress(text);
    expect(verdict).not.toBeNull();
    expect(verdict?.public).toBe(false);
    if (verdict && !verdict.public) expect(verdict.reason).toContain(reason);
  });

  it.each([
    '8.8.8.8',
    '1.1.1.1',
    '11.0.0.1',
    '100.63.255.255',
    '100.128.0.0',
    '169.253.255.255',
    '172.15.255.255',
    '172.32.0.0',
    '192.169.0.1',
    '198.20.0.0',
    '223.255.255.255',
    '0x8.0x8.0x8.0x8',
    '2606:4700::1111',
    '2001:4860:4860::8888',
    '2a00:1450:4001::200e',
    '::ffff:8.8.8.8',
    '64:ff9b::8.8.8.8',
    '2002:808:808::1',
  ])('%s is public', (text) => {
    expect(classifyAddress(text)).toEqual({ public: true });
  });

  it.each(['example.com', '', ':::', 'localhost'])('%j is not an IP address', (text) => {
    expect(classifyAddress(text)).toBeNull();
  });

  it('judges an IPv4-mapped address exactly as the IPv4 address it embeds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (n) => {
        expect(classifyAddress(`::ffff:${formatIPv4(n)}`)?.public).toBe(classifyIPv4(n).public);
        expect(classifyAddress(`64:ff9b::${formatIPv4(n)}`)?.public).toBe(classifyIPv4(n).public);
      }),
    );
  });
});

describe('checkHost', () => {
  it.each([
    '127.1',
    '2130706433',
    '0x7f000001',
    '0177.0.0.1',
    '127.0.0.1.',
    '[::1]',
    '[::ffff:127.0.0.1]',
    '[::ffff:7f00:1]',
    '169.254.169.254',
    '0.0.0.0',
    '[fe80::1]',
  ])('refuses the IP host %s', (host) => {
    const check = checkHost(host);
    expect(check.kind).toBe('address');
    if (check.kind === 'address') expect(check.verdict.public).toBe(false);
  });

  it('gives the canonical address to connect to', () => {
    expect(checkHost('0x7f.1')).toMatchObject({ kind: 'address', address: '127.0.0.1', family: 4 });
    expect(checkHost('[2606:4700::1111]')).toMatchObject({
      kind: 'address',
      family: 6,
      verdict: { public: true },
    });
    expect(checkHost('8.8.8.8')).toMatchObject({
      kind: 'address',
      address: '8.8.8.8',
      verdict: { public: true },
    });
  });

  it.each(['localhost', 'LOCALHOST', 'feeds.localhost', 'localhost.'])(
    'refuses the local name %s before any lookup',
    (host) => {
      expect(checkHost(host)).toMatchObject({ kind: 'name', verdict: { public: false } });
    },
  );

  it('leaves ordinary names to DNS', () => {
    expect(checkHost('feeds.example.com')).toEqual({
      kind: 'name',
      name: 'feeds.example.com',
      verdict: { public: true },
    });
    expect(checkHost('7f000001.example')).toMatchObject({ kind: 'name' });
  });

  it.each(['1.2.3.256', '08', 'a.09', '[::1', '[1::2::3]', '', 'a..'])(
    'calls %j invalid (numeric last label that is not IPv4)',
    (host) => {
      expect(checkHost(host)).toEqual({ kind: 'invalid' });
    },
  );
});
