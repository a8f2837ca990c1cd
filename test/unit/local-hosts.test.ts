import { localHost, publicHostname, reachableHost, urlHost } from '../../local/hosts';

describe('HOST, the address the local stack listens on', () => {
  it('is loopback unless set, and takes any IP address', () => {
    expect(localHost({})).toBe('127.0.0.1');
    expect(localHost({ HOST: '' })).toBe('127.0.0.1');
    expect(localHost({ HOST: '0.0.0.0' })).toBe('0.0.0.0');
    expect(localHost({ HOST: '::' })).toBe('::');
    expect(localHost({ HOST: '192.168.1.20' })).toBe('192.168.1.20');
  });

  it('refuses anything but an address, in one line that says what to give', () => {
    expect(() => localHost({ HOST: 'my-laptop' })).toThrow(
      /^Bad local setting: HOST holds "my-laptop"; give an IP address to listen on: 127\.0\.0\.1 \(the default\), or 0\.0\.0\.0 for every interface\.$/,
    );
  });

  it('is reached over loopback when it is a wildcard, and named localhost in pages unless it is another address', () => {
    expect(reachableHost('0.0.0.0')).toBe('127.0.0.1');
    expect(reachableHost('::')).toBe('127.0.0.1');
    expect(reachableHost('192.168.1.20')).toBe('192.168.1.20');
    expect(publicHostname('127.0.0.1')).toBe('localhost');
    expect(publicHostname('0.0.0.0')).toBe('localhost');
    expect(publicHostname('192.168.1.20')).toBe('192.168.1.20');
    expect(publicHostname('fd00::20')).toBe('[fd00::20]');
    expect(urlHost('::1')).toBe('[::1]');
  });
});
