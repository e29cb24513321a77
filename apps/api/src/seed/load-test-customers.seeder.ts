import { Injectable, Logger } from '@nestjs/common';
import { Role } from '../access/role';
import { PasswordHasher } from '../users/password-hasher';
import { UserAccounts } from '../users/user-accounts.service';
import { UserStatus } from '../users/user-status';

/** The one password of every load-test customer (documented in the README). */
export const LOAD_TEST_PASSWORD = 'loadtest-password';

/** How many passwords are hashed at once: scrypt runs on libuv's four threads by default. */
const HASHING_CONCURRENCY = 4;

/** `loadtest-0001`, `loadtest-0002`, …: the username of the `number`th load-test customer. */
export function loadTestUsername(number: number): string {
  return `loadtest-${String(number).padStart(4, '0')}`;
}

export function loadTestEmail(number: number): string {
  return `${loadTestUsername(number)}@example.com`;
}

export interface LoadTestCustomersResult {
  created: number;
  existing: number;
}

/**
 * Makes sure `loadtest-0001` … `loadtest-NNNN` exist as active (verified) customers with
 * {@link LOAD_TEST_PASSWORD}, so load runs can log in without a mailbox. Idempotent: a username
 * that is taken is left as it is (its password too), and each account is created with an upsert
 * on the unique username, so runs at the same time never make a duplicate. Only the missing
 * accounts cost a password hash, each with its own salt.
 */
@Injectable()
export class LoadTestCustomersSeeder {
  private readonly logger = new Logger(LoadTestCustomersSeeder.name);

  constructor(
    private readonly accounts: UserAccounts,
    private readonly hasher: PasswordHasher,
  ) {}

  async seed(count: number): Promise<LoadTestCustomersResult> {
    const numbers = Array.from({ length: count }, (_, index) => index + 1);
    const taken = await this.accounts.takenUsernames(numbers.map(loadTestUsername));
    const missing = numbers.filter((number) => !taken.has(loadTestUsername(number)));
    let created = 0;
    for (let start = 0; start < missing.length; start += HASHING_CONCURRENCY) {
      const batch = missing.slice(start, start + HASHING_CONCURRENCY);
      const outcomes = await Promise.all(batch.map((number) => this.create(number)));
      created += outcomes.filter(Boolean).length;
    }
    const result = { created, existing: count - created };
    if (count > 0) {
      this.logger.log(
        `Load-test customers: ${result.created} of ${count} created ` +
          `(${loadTestUsername(1)} to ${loadTestUsername(count)})`,
      );
    }
    return result;
  }

  private async create(number: number): Promise<boolean> {
    return this.accounts.createIfAbsent({
      username: loadTestUsername(number),
      email: loadTestEmail(number),
      passwordHash: await this.hasher.hash(LOAD_TEST_PASSWORD),
      role: Role.Customer,
      status: UserStatus.Active,
    });
  }
}
