import { randomBytes, randomUUID } from 'node:crypto';
import { Db } from 'mongodb';
import { Role } from '../apps/api/src/access/role';
import { PasswordHasher } from '../apps/api/src/users/password-hasher';
import type { User } from '../apps/api/src/users/schemas/user.schema';
import { UserStatus } from '../apps/api/src/users/user-status';
import { ApiClient } from './api-client';

/** The customers' hashes use a cheap work factor, so logging fifty of them in takes no time. */
const CUSTOMER_SCRYPT_LOG_N = 10;

/** A verified customer the flows act as, logged in through the API. */
export interface BenchCustomer {
  id: string;
  username: string;
  headers: { authorization: string };
}

/**
 * `count` active, verified customers as the users collection stores them, all with one password
 * hash; `runId` keeps their names apart from any earlier run's.
 */
export function buildCustomers(count: number, passwordHash: string, runId: string, now: Date) {
  return Array.from({ length: count }, (_, index): User => {
    const username = `bench_customer_${runId}_${index + 1}`;
    const email = `${username}@example.test`;
    return {
      _id: randomUUID(),
      username,
      usernameLower: username.toLowerCase(),
      email,
      emailLower: email.toLowerCase(),
      passwordHash,
      role: Role.Customer,
      status: UserStatus.Active,
      tokenVersion: 0,
      pendingEmail: null,
      lastLoginAt: null,
      createdAt: now,
      updatedAt: now,
    };
  });
}

/**
 * Creates `count` customers straight in the database, their password hashed by the app's own
 * `PasswordHasher`, then logs each in through the API (`POST /auth/login`).
 */
export async function createCustomers(
  db: Db,
  api: ApiClient,
  count: number,
): Promise<BenchCustomer[]> {
  const password = randomBytes(12).toString('base64url');
  const passwordHash = await new PasswordHasher(CUSTOMER_SCRYPT_LOG_N).hash(password);
  const users = buildCustomers(count, passwordHash, randomBytes(3).toString('hex'), new Date());
  if (users.length > 0) await db.collection<User>('users').insertMany(users);
  const customers: BenchCustomer[] = [];
  for (const user of users) {
    const token = await api.login(user.username, password);
    customers.push({
      id: user._id,
      username: user.username,
      headers: { authorization: `Bearer ${token}` },
    });
  }
  return customers;
}
