// The outbound guard's rules (functions/poll/outbound.ts), without I/O: which URLs and
// addresses a request may go to.
import { describe, expect, it } from 'vitest';
import {
  addressRange,
  addressVerdict,
  normalizeAuthority,
  outboundPolicy,
  urlVerdict,
} from '../../functions/poll/outbound.js';

const none = outboundPolicy([]);
const verdictOf = (href: string, address: string, policy = none) =>
  addressVerdict(new URL(href), [address], policy);

describe('addresses', () => {
  it('refuses every special-purpose range, IPv4 and IPv6, with its name', () => {
    const refused: Record<string, string> = {
      '127.0.0.1': 'loopback',
      '127.255.255.254': 'loopback',
      '0.0.0.0': 'unspecified',
      '10.1.2.3': 'private',
      '172.16.0.1': 'private',
      '192.168.1.1': 'private',
      '169.254.169.254': 'linkLocal',
      '100.64.0.1': 'carrierGradeNat',
      '224.0.0.1': 'multicast',
      '240.0.0.1': 'reserved',
      '255.255.255.255': 'broadcast',
      '192.0.2.1': 'reserved',
      '::1': 'loopback',
      '::': 'unspecified',
      'fe80::1': 'linkLocal',
      'fc00::1': 'uniqueLocal',
      'fd12:3456::1': 'uniqueLocal',
      'ff02::1': 'multicast',
      '::ffff:7f00:1': 'ipv4Mapped',
      '::ffff:169.254.169.254': 'ipv4Mapped',
      '64:ff9b::7f00:1': 'rfc6052',
      '64:ff9b:1::a9fe:a9fe': 'rfc6052',
      '2002:7f00:1::': '6to4',
      '2001::1': 'teredo',
      '::7f00:1': 'ipv4Compatible',
      '2001:db8::1': 'reserved',
    };
    for (const [address, range] of Object.entries(refused)) {
      expect(addressRange(address), address).toBe(range);
      expect(verdictOf('http://x.example/', address), address).toMatch(
        new RegExp(`a ${range} address`),
      );
    }
  });

  it('refuses a host when any of its addresses is internal, whatever their order', () => {
    const url = new URL('http://x.example/');
    expect(addressVerdict(url, ['93.184.215.14', '127.0.0.1'], none)).toMatch(
      /127\.0\.0\.1, a loopback address/,
    );
    expect(addressVerdict(url, ['127.0.0.1', '93.184.215.14'], none)).toMatch(/loopback/);
    expect(
      addressVerdict(new URL('http://x.example:4151/'), ['93.184.215.14', '10.0.0.1'], none),
    ).toMatch(/private/);
  });

  it('lets public unicast through on ports 80 and 443', () => {
    for (const address of ['93.184.215.14', '8.8.8.8', '2606:4700::1111']) {
      expect(addressRange(address), address).toBe('unicast');
      expect(verdictOf('http://x.example/', address)).toBeNull();
      expect(verdictOf('https://x.example/', address)).toBeNull();
    }
  });
});

describe('URLs', () => {
  it('reads odd IPv4 spellings as the address they are', () => {
    for (const host of [
      '2130706433',
      '0x7f.0.0.1',
      '0177.0.0.1',
      '127.1',
      '0x7f000001',
      '017700000001',
    ]) {
      const v = urlVerdict(`http://${host}:8080/x`, none);
      expect('refused' in v, host).toBe(false);
      if ('refused' in v) continue;
      expect(v.address, host).toBe('127.0.0.1');
      expect(addressVerdict(v.url, [v.address!], none), host).toMatch(/loopback/);
    }
    const v6 = urlVerdict('http://[::ffff:127.0.0.1]/', none);
    expect('refused' in v6 ? null : v6.address).toBe('::ffff:7f00:1');
  });

  it('takes host names to the resolver, and refuses other schemes and credentials', () => {
    const v = urlVerdict('https://metadata.google.internal/computeMetadata/v1/', none);
    expect('refused' in v ? null : v.address).toBeNull();
    expect(urlVerdict('file:///etc/passwd', none)).toEqual({ refused: 'scheme file: not allowed' });
    expect(urlVerdict('ftp://x.example/', none)).toEqual({ refused: 'scheme ftp: not allowed' });
    expect(urlVerdict('http://user:pw@x.example/', none)).toEqual({
      refused: 'credentials in the URL',
    });
    expect(urlVerdict('not a url', none)).toEqual({ refused: 'not a valid URL' });
  });

  it('allows ports 80 and 443, and a port only on the host whose feed URL names it', () => {
    const policy = outboundPolicy(['https://news.example:8443/rss', 'https://other.example/rss']);
    expect(verdictOf('https://news.example:8443/a', '93.184.215.14', policy)).toBeNull();
    expect(verdictOf('https://news.example:8444/a', '93.184.215.14', policy)).toMatch(
      /port 8444 not allowed/,
    );
    expect(verdictOf('https://elsewhere.example:8443/a', '93.184.215.14', policy)).toMatch(
      /port 8443 not allowed/,
    );
    expect(verdictOf('http://x.example:22/', '93.184.215.14', policy)).toMatch(
      /port 22 not allowed/,
    );
    // a named port does not open an internal address
    expect(
      verdictOf(
        'https://news.example:8443/a',
        '10.0.0.1',
        outboundPolicy(['https://news.example:8443/rss']),
      ),
    ).toMatch(/private/);
  });
});

describe('the allowlist (tests and npm run poll --allow-host)', () => {
  it('lets exactly the named host:port through, whatever its address; every other stays refused', () => {
    const policy = outboundPolicy([], ['127.0.0.1:8080']);
    expect(verdictOf('http://127.0.0.1:8080/a', '127.0.0.1', policy)).toBeNull();
    // the same address spelled otherwise is the same host:port
    expect(verdictOf('http://127.1:8080/a', '127.0.0.1', policy)).toBeNull();
    expect(verdictOf('http://127.0.0.1:8081/a', '127.0.0.1', policy)).toMatch(/loopback/);
    expect(verdictOf('http://127.0.0.1/a', '127.0.0.1', policy)).toMatch(/loopback/);
    expect(verdictOf('http://localhost:8080/a', '127.0.0.1', policy)).toMatch(/loopback/);
    expect(verdictOf('http://127.0.0.2:8080/a', '127.0.0.2', policy)).toMatch(/loopback/);
  });

  it('takes only host:port', () => {
    expect(normalizeAuthority('127.1:8080')).toBe('127.0.0.1:8080');
    expect(normalizeAuthority('[::1]:4100')).toBe('[::1]:4100');
    for (const bad of [
      '127.0.0.1',
      '127.0.0.1:',
      'http://127.0.0.1:8080',
      '127.0.0.1:8080/x',
      ':8080',
      'a b:80',
    ]) {
      expect(() => normalizeAuthority(bad), bad).toThrow(/host:port/);
    }
  });
});
