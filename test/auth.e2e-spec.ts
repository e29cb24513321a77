import { bearer, loginAs, newAccountInput, registerAndVerify, useTestApp } from './support/auth';

function cookiesOf(response: { headers: Record<string, unknown> }): Record<string, string> {
  const header = (response.headers['set-cookie'] as string[] | undefined) ?? [];
  return Object.fromEntries(
    header.map((cookie) => {
      const [pair] = cookie.split(';');
      const separator = pair.indexOf('=');
      return [pair.slice(0, separator), pair.slice(separator + 1)];
    }),
  );
}

function setCookieLine(response: { headers: Record<string, unknown> }, name: string): string {
  const header = (response.headers['set-cookie'] as string[] | undefined) ?? [];
  return header.find((cookie) => cookie.startsWith(`${name}=`)) ?? '';
}

describe('auth (e2e)', () => {
  const suite = useTestApp();

  describe('the whole journey', () => {
    it('registers, verifies the mailed code, logs in, rotates, detects reuse and logs out', async () => {
      const { http } = suite.testApp;
      const input = newAccountInput();

      const registered = await http.post('/auth/register').send(input).expect(201);
      expect(registered.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
        username: input.username,
        email: input.email,
        status: 'unverified',
      });

      const mail = await suite.smtp.nextMailTo(input.email);
      expect(mail.subject).toBe('Your Kassa verification code');
      const code = /code is (\d{6})/.exec(mail.text)?.[1];
      expect(code).toMatch(/^\d{6}$/);

      const early = await http
        .post('/auth/login')
        .send({ username: input.username, password: input.password })
        .expect(403);
      expect(early.body.error.code).toBe('ACCOUNT_NOT_VERIFIED');

      await http
        .post('/auth/verify')
        .send({ email: input.email, code })
        .expect(200, { status: 'active' });

      const login = await http
        .post('/auth/login')
        .send({ email: input.email.toUpperCase(), password: input.password })
        .expect(200);
      expect(login.body).toEqual({
        accessToken: expect.any(String),
        refreshToken: expect.any(String),
        tokenType: 'Bearer',
        expiresIn: 900,
      });

      const me = await http
        .get('/me')
        .set('Authorization', bearer(login.body.accessToken))
        .expect(200);
      expect(me.body).toEqual({
        id: registered.body.id,
        username: input.username,
        email: input.email,
        role: 'customer',
        status: 'active',
        pendingEmail: null,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });

      const rotated = await http
        .post('/auth/refresh')
        .send({ refreshToken: login.body.refreshToken })
        .expect(200);
      expect(rotated.body.refreshToken).not.toBe(login.body.refreshToken);
      await http.get('/me').set('Authorization', bearer(rotated.body.accessToken)).expect(200);

      const reuse = await http
        .post('/auth/refresh')
        .send({ refreshToken: login.body.refreshToken })
        .expect(401);
      expect(reuse.body.error.code).toBe('UNAUTHENTICATED');
      await http
        .post('/auth/refresh')
        .send({ refreshToken: rotated.body.refreshToken })
        .expect(401);
      for (const accessToken of [login.body.accessToken, rotated.body.accessToken]) {
        const revoked = await http.get('/me').set('Authorization', bearer(accessToken)).expect(401);
        expect(revoked.body.error.code).toBe('UNAUTHENTICATED');
      }

      const session = await loginAs(http, input.username, input.password);
      const refreshed = await http
        .post('/auth/refresh')
        .send({ refreshToken: session.refreshToken })
        .expect(200);
      await http
        .post('/auth/logout')
        .set('Authorization', bearer(refreshed.body.accessToken))
        .expect(204);
      for (const accessToken of [session.accessToken, refreshed.body.accessToken]) {
        const afterLogout = await http
          .get('/me')
          .set('Authorization', bearer(accessToken))
          .expect(401);
        expect(afterLogout.body.error.code).toBe('UNAUTHENTICATED');
      }
    });

    it('stores no password, code or refresh token in clear', async () => {
      const { http, connection } = suite.testApp;
      const account = await registerAndVerify(http, suite.smtp);
      const tokens = await loginAs(http, account.username, account.password);
      const user = await connection.collection('users').findOne({ _id: account.id as never });
      expect(user?.passwordHash).toMatch(/^scrypt\$/);
      expect(JSON.stringify(user)).not.toContain(account.password);
      const stored = await connection
        .collection('refresh_tokens')
        .find({ userId: account.id })
        .toArray();
      expect(stored).toHaveLength(1);
      expect(JSON.stringify(stored)).not.toContain(tokens.refreshToken);

      const input = newAccountInput();
      await http.post('/auth/register').send(input).expect(201);
      const code = await suite.smtp.nextCodeFor(input.email);
      const codes = await connection.collection('verification_codes').find({}).toArray();
      expect(JSON.stringify(codes)).not.toMatch(new RegExp(`"${code}"`));
    });
  });

  describe('requirement routes', () => {
    it('serves /registration, /verification, /authentication, /access and /refresh like the canonical routes', async () => {
      const { http } = suite.testApp;
      const input = newAccountInput();
      const registered = await http.post('/registration').send(input).expect(201);
      expect(registered.body.status).toBe('unverified');
      const code = await suite.smtp.nextCodeFor(input.email);
      await http
        .post('/verification')
        .send({ email: input.email, code })
        .expect(200, { status: 'active' });

      const credentials = { username: input.username, password: input.password };
      const viaAuthentication = await http.post('/authentication').send(credentials).expect(200);
      const viaAccess = await http.post('/access').send(credentials).expect(200);
      expect(viaAccess.body.tokenType).toBe('Bearer');

      const refreshed = await http
        .post('/refresh')
        .send({ refreshToken: viaAuthentication.body.refreshToken })
        .expect(200);
      expect(refreshed.body.refreshToken).not.toBe(viaAuthentication.body.refreshToken);

      const viaPost = await http
        .post('/me')
        .set('Authorization', bearer(refreshed.body.accessToken))
        .expect(200);
      const viaGet = await http
        .get('/me')
        .set('Authorization', bearer(refreshed.body.accessToken))
        .expect(200);
      expect(viaPost.body).toEqual(viaGet.body);
    });

    it('answers errors on requirement routes like on the canonical ones', async () => {
      const { http } = suite.testApp;
      const bad = { username: 'x', email: 'nope', password: 'short' };
      const canonical = await http.post('/auth/register').send(bad).expect(400);
      const requirement = await http.post('/registration').send(bad).expect(400);
      expect(requirement.body.error.details).toEqual(canonical.body.error.details);
    });
  });

  describe('cookies', () => {
    it('sets an httpOnly, SameSite=Strict refresh cookie on /auth and a readable CSRF cookie', async () => {
      const account = await registerAndVerify(suite.testApp.http, suite.smtp);
      const login = await suite.testApp.http
        .post('/auth/login')
        .send({ username: account.username, password: account.password })
        .expect(200);
      const refreshCookie = setCookieLine(login, 'kassa_refresh');
      expect(refreshCookie).toMatch(/HttpOnly/i);
      expect(refreshCookie).toMatch(/SameSite=Strict/i);
      expect(refreshCookie).toMatch(/Path=\/auth/);
      expect(refreshCookie).not.toMatch(/Secure/i);
      const csrfCookie = setCookieLine(login, 'kassa_csrf');
      expect(csrfCookie).not.toMatch(/HttpOnly/i);
      expect(cookiesOf(login).kassa_refresh).toBe(login.body.refreshToken);
    });

    it('refreshes from the cookie only with a matching X-CSRF-Token', async () => {
      const { http } = suite.testApp;
      const account = await registerAndVerify(http, suite.smtp);
      const login = await http
        .post('/auth/login')
        .send({ username: account.username, password: account.password })
        .expect(200);
      const { kassa_refresh: refresh, kassa_csrf: csrf } = cookiesOf(login);
      const cookieHeader = `kassa_refresh=${refresh}; kassa_csrf=${csrf}`;

      const missing = await http.post('/auth/refresh').set('Cookie', cookieHeader).expect(403);
      expect(missing.body.error.code).toBe('CSRF_TOKEN_INVALID');
      const wrong = await http
        .post('/auth/refresh')
        .set('Cookie', cookieHeader)
        .set('X-CSRF-Token', `${csrf.slice(0, -2)}xx`)
        .expect(403);
      expect(wrong.body.error.code).toBe('CSRF_TOKEN_INVALID');
      const forged = await http
        .post('/auth/refresh')
        .set('Cookie', `kassa_refresh=${refresh}; kassa_csrf=forged`)
        .set('X-CSRF-Token', 'forged')
        .expect(403);
      expect(forged.body.error.code).toBe('CSRF_TOKEN_INVALID');

      const refreshed = await http
        .post('/auth/refresh')
        .set('Cookie', cookieHeader)
        .set('X-CSRF-Token', csrf)
        .expect(200);
      expect(refreshed.body.refreshToken).not.toBe(refresh);
      expect(cookiesOf(refreshed).kassa_refresh).toBe(refreshed.body.refreshToken);
    });

    it('logs out from the cookie with the CSRF header and clears the cookies', async () => {
      const { http } = suite.testApp;
      const account = await registerAndVerify(http, suite.smtp);
      const login = await http
        .post('/auth/login')
        .send({ username: account.username, password: account.password })
        .expect(200);
      const { kassa_refresh: refresh, kassa_csrf: csrf } = cookiesOf(login);
      const cookieHeader = `kassa_refresh=${refresh}; kassa_csrf=${csrf}`;

      await http.post('/auth/logout').set('Cookie', cookieHeader).expect(403);
      const logout = await http
        .post('/auth/logout')
        .set('Cookie', cookieHeader)
        .set('X-CSRF-Token', csrf)
        .expect(204);
      expect(setCookieLine(logout, 'kassa_refresh')).toMatch(/kassa_refresh=;/);
      await http.post('/auth/refresh').send({ refreshToken: refresh }).expect(401);
    });
  });

  describe('logout', () => {
    it('needs an access token or a refresh token', async () => {
      const response = await suite.testApp.http.post('/auth/logout').expect(401);
      expect(response.body.error.code).toBe('UNAUTHENTICATED');
    });

    it('ends only the session it belongs to', async () => {
      const { http } = suite.testApp;
      const account = await registerAndVerify(http, suite.smtp);
      const laptop = await loginAs(http, account.username, account.password);
      const phone = await loginAs(http, account.username, account.password);
      await http.post('/auth/logout').set('Authorization', bearer(laptop.accessToken)).expect(204);
      await http.post('/auth/refresh').send({ refreshToken: laptop.refreshToken }).expect(401);
      await http.get('/me').set('Authorization', bearer(phone.accessToken)).expect(200);
      await http.post('/auth/refresh').send({ refreshToken: phone.refreshToken }).expect(200);
    });
  });

  describe('verification codes', () => {
    it('locks the code after five wrong attempts, even for the right code', async () => {
      const { http } = suite.testApp;
      const input = newAccountInput();
      await http.post('/auth/register').send(input).expect(201);
      const code = await suite.smtp.nextCodeFor(input.email);
      const wrong = code === '000000' ? '111111' : '000000';

      for (let attempt = 1; attempt <= 4; attempt++) {
        const response = await http
          .post('/auth/verify')
          .send({ email: input.email, code: wrong })
          .expect(400);
        expect(response.body.error.code).toBe('VERIFICATION_CODE_INVALID');
      }
      const fifth = await http
        .post('/auth/verify')
        .send({ email: input.email, code: wrong })
        .expect(400);
      expect(fifth.body.error.code).toBe('VERIFICATION_CODE_LOCKED');
      const right = await http.post('/auth/verify').send({ email: input.email, code }).expect(400);
      expect(right.body.error.code).toBe('VERIFICATION_CODE_LOCKED');
      await http
        .post('/auth/login')
        .send({ username: input.username, password: input.password })
        .expect(403);
    });

    it('counts concurrent wrong attempts without losing any', async () => {
      const { http } = suite.testApp;
      const input = newAccountInput();
      await http.post('/auth/register').send(input).expect(201);
      const code = await suite.smtp.nextCodeFor(input.email);
      const wrong = code === '000000' ? '111111' : '000000';
      suite.testApp.concurrency.reset();
      const responses = await Promise.all(
        Array.from({ length: 8 }, () =>
          http.post('/auth/verify').send({ email: input.email, code: wrong }),
        ),
      );
      expect(suite.testApp.concurrency.peak).toBeGreaterThan(1);
      const codes = responses.map((response) => response.body.error.code);
      expect(codes.filter((c) => c === 'VERIFICATION_CODE_INVALID')).toHaveLength(4);
      expect(codes.filter((c) => c === 'VERIFICATION_CODE_LOCKED')).toHaveLength(4);
      await http.post('/auth/verify').send({ email: input.email, code }).expect(400);
    });

    it('refuses an expired code', async () => {
      const { http, connection } = suite.testApp;
      const input = newAccountInput();
      const registered = await http.post('/auth/register').send(input).expect(201);
      const code = await suite.smtp.nextCodeFor(input.email);
      await connection
        .collection('verification_codes')
        .updateOne(
          { userId: registered.body.id },
          { $set: { expiresAt: new Date(Date.now() - 1000) } },
        );
      const response = await http
        .post('/auth/verify')
        .send({ email: input.email, code })
        .expect(400);
      expect(response.body.error.code).toBe('VERIFICATION_CODE_EXPIRED');
    });

    it('refuses a code for an unknown or already verified address', async () => {
      const { http } = suite.testApp;
      const account = await registerAndVerify(http, suite.smtp);
      const verified = await http
        .post('/auth/verify')
        .send({ email: account.email, code: '123456' })
        .expect(400);
      expect(verified.body.error.code).toBe('VERIFICATION_CODE_INVALID');
      const unknown = await http
        .post('/auth/verify')
        .send({ email: 'nobody@example.test', code: '123456' })
        .expect(400);
      expect(unknown.body.error.code).toBe('VERIFICATION_CODE_INVALID');
    });

    it('does not resend within the cool-down', async () => {
      const { http } = suite.testApp;
      const input = newAccountInput();
      await http.post('/auth/register').send(input).expect(201);
      await suite.smtp.nextCodeFor(input.email);
      const response = await http
        .post('/auth/verify/resend')
        .send({ email: input.email })
        .expect(429);
      expect(response.body.error.code).toBe('RESEND_TOO_SOON');
      const retryAfter = Number(response.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(suite.smtp.pendingFor(input.email)).toHaveLength(0);
    });

    it('keeps a registration whose mail failed, and lets the user ask again at once', async () => {
      const { http } = suite.testApp;
      const input = newAccountInput();
      suite.smtp.refuseNextMailTo(input.email);
      await http.post('/auth/register').send(input).expect(201);
      await http.post('/auth/verify/resend').send({ email: input.email }).expect(202);
      const code = await suite.smtp.nextCodeFor(input.email);
      await http.post('/auth/verify').send({ email: input.email, code }).expect(200);
    });

    it('answers a resend for an unknown address like any other', async () => {
      await suite.testApp.http
        .post('/auth/verify/resend')
        .send({ email: 'nobody@example.test' })
        .expect(202, { status: 'sent' });
    });
  });
});

describe('auth with no resend cool-down (e2e)', () => {
  const suite = useTestApp({ env: { VERIFICATION_RESEND_COOLDOWN: '0s' } });

  it('resends a new code that replaces the old one and unlocks a locked code', async () => {
    const { http } = suite.testApp;
    const input = newAccountInput();
    await http.post('/auth/register').send(input).expect(201);
    const first = await suite.smtp.nextCodeFor(input.email);
    const wrong = first === '000000' ? '111111' : '000000';
    for (let attempt = 1; attempt <= 5; attempt++) {
      await http.post('/auth/verify').send({ email: input.email, code: wrong }).expect(400);
    }
    await http.post('/auth/verify/resend').send({ email: input.email }).expect(202);
    const second = await suite.smtp.nextCodeFor(input.email);
    if (second !== first) {
      const stale = await http
        .post('/auth/verify')
        .send({ email: input.email, code: first })
        .expect(400);
      expect(stale.body.error.code).toBe('VERIFICATION_CODE_INVALID');
    }
    await http.post('/auth/verify').send({ email: input.email, code: second }).expect(200);
  });
});
