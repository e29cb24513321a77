import { PasswordHasher } from './password-hasher';

describe(PasswordHasher.name, () => {
  const hasher = new PasswordHasher(10);

  describe('hash', () => {
    it('encodes the parameters, a salt and the key', async () => {
      const stored = await hasher.hash('correct horse');
      expect(stored).toMatch(/^scrypt\$10\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    });

    it('salts every hash differently', async () => {
      const [first, second] = await Promise.all([hasher.hash('same'), hasher.hash('same')]);
      expect(first).not.toEqual(second);
    });

    it('never contains the password', async () => {
      expect(await hasher.hash('plain-secret')).not.toContain('plain-secret');
    });
  });

  describe('verify', () => {
    it('accepts the right password', async () => {
      expect(await hasher.verify('correct horse', await hasher.hash('correct horse'))).toBe(true);
    });

    it('rejects a wrong password', async () => {
      expect(await hasher.verify('wrong horse', await hasher.hash('correct horse'))).toBe(false);
    });

    it('verifies hashes made with other parameters', async () => {
      const stored = await new PasswordHasher(11).hash('older hash');
      expect(await hasher.verify('older hash', stored)).toBe(true);
    });

    it('treats unicode-equivalent passwords as equal', async () => {
      const composed = 'caf\u00e9-password';
      const decomposed = 'cafe\u0301-password';
      expect(await hasher.verify(decomposed, await hasher.hash(composed))).toBe(true);
    });

    it('rejects a malformed stored value', async () => {
      expect(await hasher.verify('anything', 'md5$abc')).toBe(false);
    });

    it('rejects a truncated key', async () => {
      const stored = await hasher.hash('correct horse');
      expect(await hasher.verify('correct horse', stored.slice(0, -4))).toBe(false);
    });
  });

  describe('verifyDecoy', () => {
    it('always answers false', async () => {
      expect(await hasher.verifyDecoy('whatever')).toBe(false);
    });
  });
});
