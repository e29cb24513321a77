import { randomBytes, randomUUID } from 'node:crypto';
import { AdminSeeder } from '../apps/api/src/users/admin-seeder';
import { UnverifiedUsersPurge } from '../apps/api/src/users/unverified-users.purge';
import { TestApp } from './support';
import {
  TEST_ADMIN,
  TestAccount,
  adminToken,
  bearer,
  loginAs,
  newAccountInput,
  registerAndLogin,
  registerAndVerify,
  useTestApp,
} from './support/auth';
import { SmtpSink } from './support/smtp';

const HOUR_MS = 3_600_000;

describe('user management (e2e)', () => {
  const suite = useTestApp();
  let smtp: SmtpSink;
  let testApp: TestApp;
  let admin: string;

  beforeAll(async () => {
    ({ smtp, testApp, admin } = suite);
  });

  async function promote(account: TestAccount, role: 'admin' | 'support'): Promise<string> {
    await testApp.http
      .patch(`/users/${account.id}`)
      .set('Authorization', admin)
      .send({ role })
      .expect(200);
    return bearer((await loginAs(testApp.http, account.username, account.password)).accessToken);
  }

  it('seeds the configured admin, who can log in', async () => {
    const me = await testApp.http.get('/me').set('Authorization', admin).expect(200);
    expect(me.body).toMatchObject({
      username: TEST_ADMIN.username,
      email: TEST_ADMIN.email,
      role: 'admin',
      status: 'active',
    });
  });

  describe('GET /users', () => {
    const group = `grp${randomBytes(3).toString('hex')}`;
    const members: TestAccount[] = [];

    beforeAll(async () => {
      for (const name of ['carol', 'alice', 'bob', 'dave']) {
        members.push(
          await registerAndVerify(
            testApp.http,
            smtp,
            newAccountInput({ username: `${group}_${name}` }),
          ),
        );
      }
      await testApp.http
        .post('/auth/register')
        .send(newAccountInput({ username: `${group}_eve` }))
        .expect(201);
    });

    it('searches, sorts and paginates', async () => {
      const first = await testApp.http
        .get('/users')
        .query({ search: group.toUpperCase(), sort: 'username', limit: 2, page: 1 })
        .set('Authorization', admin)
        .expect(200);
      expect(first.body).toMatchObject({ page: 1, limit: 2, total: 5, totalPages: 3 });
      expect(first.body.items.map((u: { username: string }) => u.username)).toEqual([
        `${group}_alice`,
        `${group}_bob`,
      ]);
      const last = await testApp.http
        .get('/users')
        .query({ search: group, sort: 'username', limit: 2, page: 3 })
        .set('Authorization', admin)
        .expect(200);
      expect(last.body.items.map((u: { username: string }) => u.username)).toEqual([
        `${group}_eve`,
      ]);
      expect(last.body.items[0]).not.toHaveProperty('passwordHash');
    });

    it('filters by status, role and (case-insensitively) username', async () => {
      const unverified = await testApp.http
        .get(`/users?search=${group}&filter[status]=unverified`)
        .set('Authorization', admin)
        .expect(200);
      expect(unverified.body.items.map((u: { username: string }) => u.username)).toEqual([
        `${group}_eve`,
      ]);

      const byName = await testApp.http
        .get(`/users?filter[username]=${group.toUpperCase()}_BOB`)
        .set('Authorization', admin)
        .expect(200);
      expect(byName.body.items.map((u: { id: string }) => u.id)).toEqual([members[2].id]);

      const admins = await testApp.http
        .get('/users?filter[role]=admin')
        .set('Authorization', admin)
        .expect(200);
      expect(admins.body.items.every((u: { role: string }) => u.role === 'admin')).toBe(true);
      expect(admins.body.total).toBeGreaterThanOrEqual(1);

      const recent = await testApp.http
        .get(
          `/users?search=${group}&filter[createdAt][gte]=${new Date(Date.now() - HOUR_MS).toISOString()}&sort=-username`,
        )
        .set('Authorization', admin)
        .expect(200);
      expect(recent.body.items[0].username).toBe(`${group}_eve`);
    });

    it('refuses unknown fields, operators and limits', async () => {
      for (const query of [
        'filter[passwordHash]=x',
        'filter[username][$gt]=',
        'filter[role]=superuser',
        'sort=passwordHash',
        'limit=101',
        'page=0',
      ]) {
        const response = await testApp.http
          .get(`/users?${query}`)
          .set('Authorization', admin)
          .expect(400);
        expect(response.body.error.code).toBe('VALIDATION_FAILED');
      }
    });
  });

  describe('GET/PUT/PATCH/DELETE /users/:id', () => {
    it('reads one user under both route names', async () => {
      const account = await registerAndVerify(testApp.http, smtp);
      const canonical = await testApp.http
        .get(`/users/${account.id}`)
        .set('Authorization', admin)
        .expect(200);
      const requirement = await testApp.http
        .get(`/user/${account.id}`)
        .set('Authorization', admin)
        .expect(200);
      expect(requirement.body).toEqual(canonical.body);
      expect(canonical.body).toMatchObject({
        id: account.id,
        username: account.username,
        role: 'customer',
      });
    });

    it('answers a malformed id with 400 and an unknown one with 404', async () => {
      const malformed = await testApp.http
        .get('/users/not-a-uuid')
        .set('Authorization', admin)
        .expect(400);
      expect(malformed.body.error.details).toEqual([{ field: 'id', message: 'id must be a UUID' }]);
      const unknown = await testApp.http
        .get(`/users/${randomUUID()}`)
        .set('Authorization', admin)
        .expect(404);
      expect(unknown.body.error.code).toBe('NOT_FOUND');
      await testApp.http
        .patch(`/user/${randomUUID()}`)
        .set('Authorization', admin)
        .send({ role: 'support' })
        .expect(404);
      await testApp.http.delete(`/users/${randomUUID()}`).set('Authorization', admin).expect(404);
    });

    it('changes a role, which ends the user’s sessions', async () => {
      const { http } = testApp;
      const account = await registerAndLogin(http, smtp);
      const updated = await http
        .patch(`/users/${account.id}`)
        .set('Authorization', admin)
        .send({ role: 'support' })
        .expect(200);
      expect(updated.body.role).toBe('support');
      await http.get('/me').set('Authorization', bearer(account.accessToken)).expect(401);
      const fresh = await loginAs(http, account.username, account.password);
      const me = await http.get('/me').set('Authorization', bearer(fresh.accessToken)).expect(200);
      expect(me.body.role).toBe('support');
    });

    it('replaces every editable field with PUT on both route names', async () => {
      const account = await registerAndVerify(testApp.http, smtp);
      const replacement = { ...newAccountInput(), role: 'customer', status: 'active' };
      delete (replacement as { password?: string }).password;
      const response = await testApp.http
        .put(`/user/${account.id}`)
        .set('Authorization', admin)
        .send(replacement)
        .expect(200);
      expect(response.body).toMatchObject(replacement);
      const partial = await testApp.http
        .put(`/users/${account.id}`)
        .set('Authorization', admin)
        .send({ role: 'customer' })
        .expect(400);
      expect(partial.body.error.code).toBe('VALIDATION_FAILED');
    });

    it('refuses a username another user holds', async () => {
      const other = await registerAndVerify(testApp.http, smtp);
      const account = await registerAndVerify(testApp.http, smtp);
      const response = await testApp.http
        .patch(`/users/${account.id}`)
        .set('Authorization', admin)
        .send({ username: other.username.toUpperCase() })
        .expect(409);
      expect(response.body.error.code).toBe('ALREADY_EXISTS');
    });

    it('deactivates a user: tokens die and login is refused', async () => {
      const { http } = testApp;
      const account = await registerAndLogin(http, smtp);
      await http
        .patch(`/users/${account.id}`)
        .set('Authorization', admin)
        .send({ status: 'deactivated' })
        .expect(200);
      await http.get('/me').set('Authorization', bearer(account.accessToken)).expect(401);
      const login = await http
        .post('/auth/login')
        .send({ username: account.username, password: account.password })
        .expect(403);
      expect(login.body.error.code).toBe('FORBIDDEN');
    });

    it('deletes a user, whose tokens then fail', async () => {
      const { http } = testApp;
      const account = await registerAndLogin(http, smtp);
      const { refreshToken } = await loginAs(http, account.username, account.password);
      await http.delete(`/user/${account.id}`).set('Authorization', admin).expect(204);
      await http.get(`/users/${account.id}`).set('Authorization', admin).expect(404);
      await http.get('/me').set('Authorization', bearer(account.accessToken)).expect(401);
      await http.post('/auth/refresh').send({ refreshToken }).expect(401);
    });
  });

  describe('access', () => {
    it('refuses customers and support staff on every admin route', async () => {
      const customer = await registerAndLogin(testApp.http, smtp);
      const supportAccount = await registerAndVerify(testApp.http, smtp);
      const support = await promote(supportAccount, 'support');
      const victim = await registerAndVerify(testApp.http, smtp);
      for (const auth of [bearer(customer.accessToken), support]) {
        const requests = [
          testApp.http.get('/users'),
          testApp.http.get(`/users/${victim.id}`),
          testApp.http.get(`/user/${victim.id}`),
          testApp.http
            .put(`/users/${victim.id}`)
            .send({ ...newAccountInput(), role: 'admin', status: 'active' }),
          testApp.http.patch(`/users/${victim.id}`).send({ role: 'admin' }),
          testApp.http.patch(`/users/${customer.id}`).send({ role: 'admin' }),
          testApp.http.delete(`/users/${victim.id}`),
        ];
        for (const request of requests) {
          const response = await request.set('Authorization', auth).expect(403);
          expect(response.body.error.code).toBe('FORBIDDEN');
        }
      }
      const untouched = await testApp.http
        .get(`/users/${victim.id}`)
        .set('Authorization', admin)
        .expect(200);
      expect(untouched.body).toMatchObject({ role: 'customer', status: 'active' });
    });

    it('refuses anonymous callers with 401', async () => {
      await testApp.http.get('/users').expect(401);
      await testApp.http.delete(`/users/${randomUUID()}`).expect(401);
    });
  });

  describe('the last admin', () => {
    it('can be neither demoted, deactivated nor deleted, while a second admin can', async () => {
      const { http } = testApp;
      const seeded = (await http.get('/me').set('Authorization', admin).expect(200)).body;
      const others = await http
        .get('/users?filter[role]=admin')
        .set('Authorization', admin)
        .expect(200);
      for (const other of others.body.items.filter((u: { id: string }) => u.id !== seeded.id)) {
        await http
          .patch(`/users/${other.id}`)
          .set('Authorization', admin)
          .send({ role: 'customer' })
          .expect(200);
      }

      for (const [method, body] of [
        ['patch', { role: 'customer' }],
        ['patch', { status: 'deactivated' }],
        [
          'put',
          { username: seeded.username, email: seeded.email, role: 'support', status: 'active' },
        ],
        ['delete', undefined],
      ] as const) {
        const response = await http[method](`/users/${seeded.id}`)
          .set('Authorization', admin)
          .send(body)
          .expect(409);
        expect(response.body.error.code).toBe('LAST_ADMIN');
      }

      const deputy = await registerAndVerify(http, smtp);
      const deputyAuth = await promote(deputy, 'admin');
      await http
        .patch(`/users/${deputy.id}`)
        .set('Authorization', deputyAuth)
        .send({ role: 'customer' })
        .expect(200);
      await http.get('/users').set('Authorization', deputyAuth).expect(401);
    });

    it('survives two admins demoting each other at the same time', async () => {
      const { http } = testApp;
      const seeded = (await http.get('/me').set('Authorization', admin).expect(200)).body;
      const deputy = await registerAndVerify(http, smtp);
      const deputyAuth = await promote(deputy, 'admin');

      testApp.concurrency.reset();
      const responses = await Promise.all([
        http
          .patch(`/users/${seeded.id}`)
          .set('Authorization', deputyAuth)
          .send({ role: 'customer' }),
        http.patch(`/users/${deputy.id}`).set('Authorization', admin).send({ role: 'customer' }),
      ]);
      expect(testApp.concurrency.peak).toBe(2);
      expect(responses.map((response) => response.status).sort()).toEqual([200, 409]);
      const activeAdmins = await testApp.connection
        .collection('users')
        .countDocuments({ role: 'admin', status: 'active' });
      expect(activeAdmins).toBe(1);

      if (responses[0].status === 200) {
        const deputyAgain = bearer(
          (await loginAs(http, deputy.username, deputy.password)).accessToken,
        );
        await http
          .patch(`/users/${seeded.id}`)
          .set('Authorization', deputyAgain)
          .send({ role: 'admin' })
          .expect(200);
        admin = bearer(await adminToken(http));
        await http
          .patch(`/users/${deputy.id}`)
          .set('Authorization', admin)
          .send({ role: 'customer' })
          .expect(200);
      }
    });
  });

  describe('unverified account purge', () => {
    it('removes only accounts left unverified past the limit', async () => {
      const { http, connection } = testApp;
      const stale = newAccountInput();
      const fresh = newAccountInput();
      const staleResponse = await http.post('/auth/register').send(stale).expect(201);
      const freshResponse = await http.post('/auth/register').send(fresh).expect(201);
      const oldButVerified = await registerAndVerify(http, smtp);
      const longAgo = new Date(Date.now() - 49 * HOUR_MS);
      await connection
        .collection('users')
        .updateMany(
          { _id: { $in: [staleResponse.body.id, oldButVerified.id] as never[] } },
          { $set: { createdAt: longAgo } },
        );

      const purge = testApp.app.get(UnverifiedUsersPurge);
      const [first, second] = await Promise.all([purge.purge(), purge.purge()]);
      expect(first + second).toBe(1);

      const remaining = await connection
        .collection('users')
        .find({
          _id: {
            $in: [staleResponse.body.id, freshResponse.body.id, oldButVerified.id] as never[],
          },
        })
        .project({ _id: 1 })
        .toArray();
      expect(remaining.map((user) => user._id).sort()).toEqual(
        [freshResponse.body.id, oldButVerified.id].sort(),
      );
      await http
        .post('/auth/register')
        .send({ ...stale, password: 'another-password' })
        .expect(201);
    });
  });

  describe('admin seed', () => {
    it('never resets a changed password on a later start', async () => {
      const { http } = testApp;
      const seededAdmin = await loginAs(http, TEST_ADMIN.username, TEST_ADMIN.password);
      await http
        .post('/me/password')
        .set('Authorization', bearer(seededAdmin.accessToken))
        .send({ currentPassword: TEST_ADMIN.password, newPassword: 'changed-admin-password' })
        .expect(204);

      await testApp.app.get(AdminSeeder).onApplicationBootstrap();

      await http
        .post('/auth/login')
        .send({ username: TEST_ADMIN.username, password: TEST_ADMIN.password })
        .expect(401);
      const again = await loginAs(http, TEST_ADMIN.username, 'changed-admin-password');
      await http
        .post('/me/password')
        .set('Authorization', bearer(again.accessToken))
        .send({ currentPassword: 'changed-admin-password', newPassword: TEST_ADMIN.password })
        .expect(204);
      admin = bearer(await adminToken(http));
    });

    it('creates the admin exactly once when instances start together', async () => {
      const { connection } = testApp;
      await connection.collection('users').deleteOne({ usernameLower: TEST_ADMIN.username });
      const seeder = testApp.app.get(AdminSeeder);
      await Promise.all([seeder.onApplicationBootstrap(), seeder.onApplicationBootstrap()]);
      expect(
        await connection.collection('users').countDocuments({ usernameLower: TEST_ADMIN.username }),
      ).toBe(1);
      admin = bearer(await adminToken(testApp.http));
      await testApp.http.get('/users').set('Authorization', admin).expect(200);
    });
  });
});
