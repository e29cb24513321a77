import {
  bearer,
  loginAs,
  newAccountInput,
  registerAndLogin,
  registerAndVerify,
  useTestApp,
} from './support/auth';

describe('own account (e2e)', () => {
  const suite = useTestApp();

  describe('PATCH /me', () => {
    it('renames the user at once', async () => {
      const account = await registerAndLogin(suite.testApp.http, suite.smtp);
      const username = newAccountInput().username;
      const response = await suite.testApp.http
        .patch('/me')
        .set('Authorization', bearer(account.accessToken))
        .send({ username })
        .expect(200);
      expect(response.body.username).toBe(username);
      await loginAs(suite.testApp.http, username, account.password);
    });

    it('refuses a username taken in another case', async () => {
      const other = await registerAndVerify(suite.testApp.http, suite.smtp);
      const account = await registerAndLogin(suite.testApp.http, suite.smtp);
      const response = await suite.testApp.http
        .patch('/me')
        .set('Authorization', bearer(account.accessToken))
        .send({ username: other.username.toUpperCase() })
        .expect(409);
      expect(response.body.error.code).toBe('ALREADY_EXISTS');
    });

    it('keeps a new email pending until the code mailed to it is confirmed', async () => {
      const { http } = suite.testApp;
      const account = await registerAndLogin(http, suite.smtp);
      const auth = bearer(account.accessToken);
      const newEmail = newAccountInput().email;

      const pending = await http
        .patch('/me')
        .set('Authorization', auth)
        .send({ email: newEmail })
        .expect(200);
      expect(pending.body).toMatchObject({ email: account.email, pendingEmail: newEmail });
      const mail = await suite.smtp.nextMailTo(newEmail);
      expect(mail.subject).toBe('Confirm your new Kassa email address');
      const code = /code is (\d{6})/.exec(mail.text)?.[1];
      await http
        .post('/auth/login')
        .send({ email: newEmail, password: account.password })
        .expect(401);

      const wrong = code === '000000' ? '111111' : '000000';
      const refused = await http
        .post('/me/email/verification')
        .set('Authorization', auth)
        .send({ code: wrong })
        .expect(400);
      expect(refused.body.error.code).toBe('VERIFICATION_CODE_INVALID');

      const confirmed = await http
        .post('/me/email/verification')
        .set('Authorization', auth)
        .send({ code })
        .expect(200);
      expect(confirmed.body).toMatchObject({ email: newEmail, pendingEmail: null });
      await http
        .post('/auth/login')
        .send({ email: newEmail, password: account.password })
        .expect(200);
    });

    it('answers an email another account uses as it answers a free one, and mails no code', async () => {
      const other = await registerAndVerify(suite.testApp.http, suite.smtp);
      const account = await registerAndLogin(suite.testApp.http, suite.smtp);
      const taken = await suite.testApp.http
        .patch('/me')
        .set('Authorization', bearer(account.accessToken))
        .send({ email: other.email.toUpperCase() })
        .expect(200);
      expect(taken.body.pendingEmail).toBe(other.email.toUpperCase());
      const free = await suite.testApp.http
        .patch('/me')
        .set('Authorization', bearer(account.accessToken))
        .send({ email: `free-${other.email}` })
        .expect(200);
      expect(Object.keys(free.body).sort()).toEqual(Object.keys(taken.body).sort());
      await suite.smtp.nextCodeFor(`free-${other.email}`);
      expect(suite.smtp.pendingFor(other.email)).toEqual([]);
    });

    it('refuses fields a user may not set on themselves', async () => {
      const account = await registerAndLogin(suite.testApp.http, suite.smtp);
      const response = await suite.testApp.http
        .patch('/me')
        .set('Authorization', bearer(account.accessToken))
        .send({ role: 'admin', status: 'active' })
        .expect(400);
      expect(response.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual([
        'role',
        'status',
      ]);
    });
  });

  describe('POST /me/password', () => {
    it('changes the password and kills every old access and refresh token', async () => {
      const { http } = suite.testApp;
      const account = await registerAndVerify(http, suite.smtp);
      const first = await loginAs(http, account.username, account.password);
      const second = await loginAs(http, account.username, account.password);

      await http
        .post('/me/password')
        .set('Authorization', bearer(first.accessToken))
        .send({ currentPassword: account.password, newPassword: 'brand-new-password' })
        .expect(204);

      await http.get('/me').set('Authorization', bearer(first.accessToken)).expect(401);
      await http.get('/me').set('Authorization', bearer(second.accessToken)).expect(401);
      await http.post('/auth/refresh').send({ refreshToken: second.refreshToken }).expect(401);
      await http
        .post('/auth/login')
        .send({ username: account.username, password: account.password })
        .expect(401);
      const fresh = await loginAs(http, account.username, 'brand-new-password');
      await http.get('/me').set('Authorization', bearer(fresh.accessToken)).expect(200);
    });

    it('refuses a wrong current password and a weak new one', async () => {
      const account = await registerAndLogin(suite.testApp.http, suite.smtp);
      const wrong = await suite.testApp.http
        .post('/me/password')
        .set('Authorization', bearer(account.accessToken))
        .send({ currentPassword: 'not-my-password', newPassword: 'brand-new-password' })
        .expect(400);
      expect(wrong.body.error.details).toEqual([
        { field: 'currentPassword', message: 'currentPassword is incorrect' },
      ]);
      const weak = await suite.testApp.http
        .post('/me/password')
        .set('Authorization', bearer(account.accessToken))
        .send({ currentPassword: account.password, newPassword: 'short' })
        .expect(400);
      expect(weak.body.error.details[0].field).toBe('newPassword');
      await suite.testApp.http
        .get('/me')
        .set('Authorization', bearer(account.accessToken))
        .expect(200);
    });
  });

  it('requires a token for every /me route', async () => {
    await suite.testApp.http.get('/me').expect(401);
    await suite.testApp.http.post('/me').expect(401);
    await suite.testApp.http.patch('/me').send({ username: 'someone' }).expect(401);
    await suite.testApp.http.post('/me/password').send({}).expect(401);
    await suite.testApp.http.post('/me/email/verification').send({ code: '123456' }).expect(401);
  });
});
