import { Role } from '../apps/api/src/access/role';
import { UserStatus } from '../apps/api/src/users/user-status';
import { buildCustomers } from './bench-customers';

describe(buildCustomers.name, () => {
  const now = new Date('2026-06-01T00:00:00Z');
  const users = buildCustomers(3, 'scrypt$10$8$1$salt$key', 'ab12cd', now);

  it('makes active customers with unique names of this run and the given hash', () => {
    expect(users.map((user) => user.username)).toEqual([
      'bench_customer_ab12cd_1',
      'bench_customer_ab12cd_2',
      'bench_customer_ab12cd_3',
    ]);
    expect(new Set(users.map((user) => user._id)).size).toBe(3);
    for (const user of users) {
      expect(user).toMatchObject({
        role: Role.Customer,
        status: UserStatus.Active,
        passwordHash: 'scrypt$10$8$1$salt$key',
        tokenVersion: 0,
        usernameLower: user.username,
        emailLower: `${user.username}@example.test`,
        createdAt: now,
      });
    }
  });
});
