import { describeListeningAddress } from './listening';

describe(describeListeningAddress.name, () => {
  it('prints the address it is bound to', () => {
    expect(describeListeningAddress({ address: '127.0.0.1', family: 'IPv4', port: 3000 })).toBe(
      'http://127.0.0.1:3000',
    );
  });

  it('says when it listens on every interface, and where to point a browser', () => {
    expect(describeListeningAddress({ address: '0.0.0.0', family: 'IPv4', port: 3000 })).toBe(
      'http://0.0.0.0:3000 (every interface; locally http://localhost:3000)',
    );
    expect(describeListeningAddress({ address: '::', family: 'IPv6', port: 8080 })).toBe(
      'http://[::]:8080 (every interface; locally http://localhost:8080)',
    );
  });
});
