import { TestApp } from './support';
import { bearer, loginAs, registerAndVerify, useTestApp } from './support/auth';

function setCookieLines(response: { headers: Record<string, unknown> }, name: string): string[] {
  const header = (response.headers['set-cookie'] as string[] | undefined) ?? [];
  return header.filter((cookie) => cookie.startsWith(`${name}=`));
}

describe('hardening: accounts and sessions (e2e)', () => {
  const suite = useTestApp();
  let testApp: TestApp;

  beforeAll(() => {
    ({ testApp } = suite);
  });

  describe('bearer tokens', () => {
    it('takes the Bearer scheme in any case', async () => {
      const account = await suite.factory.customer();
      const { accessToken } = await loginAs(testApp.http, account.username, account.password);
      for (const scheme of ['bearer', 'BEARER', 'Bearer']) {
        await testApp.http.get('/me').set('Authorization', `${scheme} ${accessToken}`).expect(200);
      }
    });

    it('sends WWW-Authenticate: Bearer with every 401', async () => {
      const missing = await testApp.http.get('/me').expect(401);
      expect(missing.headers['www-authenticate']).toBe('Bearer');
      const wrong = await testApp.http
        .get('/me')
        .set('Authorization', 'Bearer nonsense')
        .expect(401);
      expect(wrong.headers['www-authenticate']).toBe('Bearer');
      const login = await testApp.http
        .post('/auth/login')
        .send({ username: 'nobody', password: 'wrong-password' })
        .expect(401);
      expect(login.headers['www-authenticate']).toBe('Bearer');
    });
  });

  describe('login', () => {
    it('refuses a username and an email together, even of one account', async () => {
      const account = await suite.factory.customer();
      const other = await suite.factory.customer();
      for (const email of [other.email, account.email]) {
        const response = await testApp.http
          .post('/auth/login')
          .send({ username: account.username, email, password: account.password })
          .expect(400);
        expect(response.body.error.details).toEqual([
          { field: 'email', message: 'send either username or email, not both' },
        ]);
      }
    });
  });

  describe('passwords', () => {
    it.each(['12345678', 'password1', 'Qwertyuiop'])(
      'refuses the common password %p, saying why',
      async (password) => {
        const response = await testApp.http
          .post('/auth/register')
          .send({ username: `u_${Date.now()}`, email: `u${Date.now()}@example.test`, password })
          .expect(400);
        expect(response.body.error.details).toEqual([
          { field: 'password', message: expect.stringContaining('most common passwords') },
        ]);
      },
    );
  });

  describe('the refresh cookie', () => {
    it('is sent to /auth and to the /refresh alias, which accepts it', async () => {
      const account = await suite.factory.customer();
      const login = await testApp.http
        .post('/auth/login')
        .send({ username: account.username, password: account.password })
        .expect(200);
      const paths = setCookieLines(login, 'kassa_refresh').map(
        (line) => /Path=([^;]+)/.exec(line)?.[1],
      );
      expect(paths.sort()).toEqual(['/auth', '/refresh']);
      const csrf = /kassa_csrf=([^;]+)/.exec(setCookieLines(login, 'kassa_csrf')[0])![1];
      const refreshed = await testApp.http
        .post('/refresh')
        .set('Cookie', `kassa_refresh=${login.body.refreshToken}; kassa_csrf=${csrf}`)
        .set('X-CSRF-Token', csrf)
        .expect(200);
      expect(refreshed.body.refreshToken).not.toBe(login.body.refreshToken);
    });
  });

  describe('password reset', () => {
    it('mails a single-use code, sets the new password and ends every session', async () => {
      const account = await registerAndVerify(testApp.http, suite.smtp);
      const before = await loginAs(testApp.http, account.username, account.password);
      await testApp.http.post('/auth/password/forgot').send({ email: account.email }).expect(202);
      const code = await suite.smtp.nextCodeFor(account.email);
      const reset = { email: account.email, code, newPassword: 'brand-new-password-42' };
      await testApp.http.post('/auth/password/reset').send(reset).expect(200);

      await testApp.http.get('/me').set('Authorization', bearer(before.accessToken)).expect(401);
      await testApp.http
        .post('/auth/refresh')
        .send({ refreshToken: before.refreshToken })
        .expect(401);
      await loginAs(testApp.http, account.username, 'brand-new-password-42');
      const again = await testApp.http
        .post('/auth/password/reset')
        .send({ ...reset, newPassword: 'yet-another-password-7' })
        .expect(400);
      expect(again.body.error.code).toMatch(/^VERIFICATION_CODE_/);
    });

    it('answers the same for an unknown address and sends nothing', async () => {
      const unknown = 'nobody-here@example.test';
      const response = await testApp.http
        .post('/auth/password/forgot')
        .send({ email: unknown })
        .expect(202);
      expect(response.body).toEqual({ status: 'sent' });
      expect(suite.smtp.pendingFor(unknown)).toEqual([]);
      const reset = await testApp.http
        .post('/auth/password/reset')
        .send({ email: unknown, code: '123456', newPassword: 'brand-new-password-42' })
        .expect(400);
      expect(reset.body.error.code).toBe('VERIFICATION_CODE_INVALID');
    });

    it('locks the code after five wrong attempts', async () => {
      const account = await registerAndVerify(testApp.http, suite.smtp);
      await testApp.http.post('/auth/password/forgot').send({ email: account.email }).expect(202);
      const code = await suite.smtp.nextCodeFor(account.email);
      const wrong = code === '000000' ? '111111' : '000000';
      const attempt = (guess: string) =>
        testApp.http
          .post('/auth/password/reset')
          .send({ email: account.email, code: guess, newPassword: 'brand-new-password-42' });
      for (let tries = 0; tries < 5; tries++) await attempt(wrong).expect(400);
      const locked = await attempt(code).expect(400);
      expect(locked.body.error.code).toBe('VERIFICATION_CODE_LOCKED');
    });

    it('refuses a common new password', async () => {
      const response = await testApp.http
        .post('/auth/password/reset')
        .send({ email: 'a@example.test', code: '123456', newPassword: '12345678' })
        .expect(400);
      expect(response.body.error.details[0].field).toBe('newPassword');
    });
  });
});
