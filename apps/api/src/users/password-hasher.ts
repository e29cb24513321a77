import { randomBytes, scrypt, ScryptOptions, timingSafeEqual } from 'node:crypto';

const SALT_BYTES = 16;
const KEY_BYTES = 32;
const BLOCK_SIZE = 8;
const PARALLELISM = 1;
const FORMAT = /^scrypt\$(\d{1,2})\$(\d{1,2})\$(\d{1,2})\$([A-Za-z0-9_-]+)\$([A-Za-z0-9_-]+)$/;

interface ScryptParams {
  logN: number;
  r: number;
  p: number;
}

function derive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const N = 2 ** params.logN;
  const options: ScryptOptions = { N, r: params.r, p: params.p, maxmem: 256 * N * params.r };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, KEY_BYTES, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/**
 * Password hashing with scrypt from `node:crypto`: a random salt per hash, the parameters encoded
 * in the stored string (`scrypt$<logN>$<r>$<p>$<salt>$<key>`, base64url) so they can be raised
 * later without breaking old hashes, and a constant-time comparison.
 */
export class PasswordHasher {
  private readonly params: ScryptParams;
  private decoyHash?: Promise<string>;

  constructor(logN: number) {
    this.params = { logN, r: BLOCK_SIZE, p: PARALLELISM };
  }

  async hash(password: string): Promise<string> {
    const salt = randomBytes(SALT_BYTES);
    const key = await derive(password, salt, this.params);
    const { logN, r, p } = this.params;
    return `scrypt$${logN}$${r}$${p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
  }

  async verify(password: string, stored: string): Promise<boolean> {
    const match = FORMAT.exec(stored);
    if (!match) return false;
    const [, logN, r, p, salt, key] = match;
    const expected = Buffer.from(key, 'base64url');
    const params = { logN: Number(logN), r: Number(r), p: Number(p) };
    const actual = await derive(password, Buffer.from(salt, 'base64url'), params);
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  }

  /**
   * Spends the same work as {@link verify} against a throw-away hash and answers false: used
   * when no account matches, so a login costs the same whether or not the user exists.
   */
  async verifyDecoy(password: string): Promise<false> {
    this.decoyHash ??= this.hash(randomBytes(SALT_BYTES).toString('base64url'));
    await this.verify(password, await this.decoyHash);
    return false;
  }
}
