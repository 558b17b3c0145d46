import { describe, expect, it } from 'vitest';

import { isClosedAddress, RefusedTarget, vetTarget } from './target-guard';

describe('webhook target guard', () => {
  it('closes private, loopback, link-local and reserved addresses, IPv4 inside IPv6 too', () => {
    for (const address of [
      '127.0.0.1',
      '127.1.2.3',
      '10.0.0.1',
      '172.16.5.4',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '224.0.0.1',
      '::1',
      '::',
      'fe80::1',
      'fd00::1',
      '::ffff:127.0.0.1',
      '::ffff:10.1.2.3',
    ])
      expect(isClosedAddress(address), address).toBe(true);
    for (const address of ['8.8.8.8', '203.113.131.1', '2001:4860:4860::8888', '::ffff:8.8.8.8'])
      expect(isClosedAddress(address), address).toBe(false);
  });

  it('refuses loopback, private and link-local targets, and names that resolve to them, unless allow-listed', async () => {
    for (const url of [
      'http://127.0.0.1:8080/hook',
      'http://10.1.2.3/hook',
      'http://169.254.169.254/latest/meta-data',
      'http://[::1]:8080/hook',
      'http://localhost:8080/hook',
      'http://0x7f000001/hook',
    ])
      await expect(vetTarget(url, []), url).rejects.toBeInstanceOf(RefusedTarget);
    await expect(vetTarget('http://127.0.0.1:8080/hook', ['127.0.0.1'])).resolves.toBeInstanceOf(URL);
    // The allow-list names hosts as URLs write them: allowing 127.0.0.1 does not allow localhost.
    await expect(vetTarget('http://localhost:8080/hook', ['127.0.0.1'])).rejects.toBeInstanceOf(
      RefusedTarget,
    );
  });

  it('takes only absolute http and https URLs without credentials', async () => {
    for (const url of ['ftp://example.com/', 'file:///etc/passwd', 'not a url', 'http://user:pw@8.8.8.8/'])
      await expect(vetTarget(url, []), url).rejects.toBeInstanceOf(RefusedTarget);
    await expect(vetTarget('https://8.8.8.8/hook', [])).resolves.toBeInstanceOf(URL);
  });
});
