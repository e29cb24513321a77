import { adminToken, bearer, newAccountInput, registerAndVerify, useTestApp } from './support/auth';

function fieldsOf(body: { error: { details?: { field: string }[] } }): string[] {
  return (body.error.details ?? []).map((detail) => detail.field).sort();
}

describe('auth input rules (e2e)', () => {
  const suite = useTestApp();

  describe('duplicates', () => {
    it.each(['username', 'email'] as const)(
      'refuses an already-used %s in another case with 409 ALREADY_EXISTS',
      async (field) => {
        const first = newAccountInput();
        await suite.testApp.http.post('/auth/register').send(first).expect(201);
        const response = await suite.testApp.http
          .post('/auth/register')
          .send(newAccountInput({ [field]: first[field].toUpperCase() }))
          .expect(409);
        expect(response.body.error).toMatchObject({
          code: 'ALREADY_EXISTS',
          message: `User with this ${field} already exists`,
        });
      },
    );

    it('lets exactly one of two simultaneous registrations of a name win', async () => {
      const username = newAccountInput().username;
      suite.testApp.concurrency.reset();
      const responses = await Promise.all([
        suite.testApp.http.post('/auth/register').send(newAccountInput({ username })),
        suite.testApp.http
          .post('/auth/register')
          .send(newAccountInput({ username: username.toUpperCase() })),
      ]);
      expect(suite.testApp.concurrency.peak).toBe(2);
      expect(responses.map((response) => response.status).sort()).toEqual([201, 409]);
    });
  });

  describe('malformed input', () => {
    it('explains every invalid registration field', async () => {
      const response = await suite.testApp.http
        .post('/auth/register')
        .send({ username: 'a b', email: 'not-an-email', password: 'short' })
        .expect(400);
      expect(response.body.error.code).toBe('VALIDATION_FAILED');
      expect(fieldsOf(response.body)).toEqual(['email', 'password', 'username']);
    });

    it.each([
      ['an operator object as username', { username: { $gt: '' } }, 'username'],
      ['an array as email', { email: ['a@example.test'] }, 'email'],
      ['a number as password', { password: 12345678 }, 'password'],
      ['a huge username', { username: 'u'.repeat(10_000) }, 'username'],
      ['a password over 128 characters', { password: 'p'.repeat(129) }, 'password'],
      ['an email over 254 characters', { email: `${'e'.repeat(250)}@example.test` }, 'email'],
    ])('refuses %s on register', async (_case, override, field) => {
      const response = await suite.testApp.http
        .post('/auth/register')
        .send({ ...newAccountInput(), ...override })
        .expect(400);
      expect(fieldsOf(response.body)).toEqual([field]);
    });

    it('refuses unknown fields, such as a role chosen at sign-up', async () => {
      const response = await suite.testApp.http
        .post('/auth/register')
        .send({ ...newAccountInput(), role: 'admin' })
        .expect(400);
      expect(fieldsOf(response.body)).toEqual(['role']);
    });

    it('refuses an operator object as login username instead of matching every user', async () => {
      const response = await suite.testApp.http
        .post('/auth/login')
        .send({ username: { $gt: '' }, password: { $gt: '' } })
        .expect(400);
      expect(fieldsOf(response.body)).toEqual(['password', 'username']);
    });

    it('asks for a username or an email on login', async () => {
      const response = await suite.testApp.http
        .post('/auth/login')
        .send({ password: 'whatever1' })
        .expect(400);
      expect(response.body.error.details).toEqual([
        { field: 'username', message: expect.stringContaining('username or email is required') },
      ]);
    });

    it('refuses a code that is not six digits', async () => {
      const response = await suite.testApp.http
        .post('/auth/verify')
        .send({ email: 'a@example.test', code: '12ab' })
        .expect(400);
      expect(fieldsOf(response.body)).toEqual(['code']);
    });

    it('refuses a refresh token of the wrong type', async () => {
      const response = await suite.testApp.http
        .post('/auth/refresh')
        .send({ refreshToken: { $ne: null } })
        .expect(400);
      expect(fieldsOf(response.body)).toEqual(['refreshToken']);
    });
  });

  describe('credentials', () => {
    it('answers an unknown user and a wrong password identically', async () => {
      const account = await registerAndVerify(suite.testApp.http, suite.smtp);
      const wrongPassword = await suite.testApp.http
        .post('/auth/login')
        .send({ username: account.username, password: 'wrong-password' })
        .expect(401);
      const unknownUser = await suite.testApp.http
        .post('/auth/login')
        .send({ username: 'nobody_here', password: account.password })
        .expect(401);
      expect(wrongPassword.body.error.code).toBe('INVALID_CREDENTIALS');
      expect(unknownUser.body.error.code).toBe('INVALID_CREDENTIALS');
      expect(unknownUser.body.error.message).toBe(wrongPassword.body.error.message);
    });

    it('refuses a forged, a garbled and a missing access token with 401', async () => {
      for (const authorization of ['Bearer not.a.jwt', 'Bearer ', 'Basic abc']) {
        const response = await suite.testApp.http
          .get('/me')
          .set('Authorization', authorization)
          .expect(401);
        expect(response.body.error.code).toBe('UNAUTHENTICATED');
      }
      const forged = [
        Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url'),
        Buffer.from(
          JSON.stringify({ sub: 'x', role: 'admin', jti: 'j', fid: 'f', ver: 0 }),
        ).toString('base64url'),
        '',
      ].join('.');
      await suite.testApp.http.get('/users').set('Authorization', `Bearer ${forged}`).expect(401);
      await suite.testApp.http.get('/me').expect(401);
    });
  });
});

describe('hostile input on auth and user routes (e2e)', () => {
  const suite = useTestApp();

  const routes: [method: 'post' | 'patch' | 'put' | 'delete' | 'get', path: string][] = [
    ['post', '/auth/register'],
    ['post', '/registration'],
    ['post', '/auth/verify'],
    ['post', '/auth/verify/resend'],
    ['post', '/auth/login'],
    ['post', '/access'],
    ['post', '/auth/refresh'],
    ['post', '/me'],
    ['patch', '/me'],
    ['post', '/me/password'],
    ['post', '/me/email/verification'],
    ['put', '/users/00000000-0000-4000-8000-000000000000'],
    ['patch', '/user/00000000-0000-4000-8000-000000000000'],
    ['delete', '/users/%7B%22$gt%22:%22%22%7D'],
    ['get', '/users?filter[role][$ne]=x&sort[$gt]=1&page[]=1&limit=1e9&search[$regex]=.*'],
    ['post', '/auth/logout'],
  ];
  const bodies: [label: string, body: string, contentType: string][] = [
    [
      'operators',
      JSON.stringify({ username: { $gt: '' }, email: { $ne: null }, password: { $gt: '' } }),
      'application/json',
    ],
    ['an array', JSON.stringify([{ username: 'a' }]), 'application/json'],
    [
      'huge strings',
      JSON.stringify({
        username: 'u'.repeat(50_000),
        email: 'e'.repeat(50_000),
        code: '9'.repeat(50_000),
        refreshToken: 'r'.repeat(50_000),
      }),
      'application/json',
    ],
    [
      'wrong types',
      JSON.stringify({
        username: 1,
        email: true,
        password: null,
        code: 123456,
        role: 7,
        status: [],
      }),
      'application/json',
    ],
    ['malformed JSON', '{"username": ', 'application/json'],
    ['a wrong content type', 'username=a&password=b', 'text/plain'],
    [
      'a prototype key',
      '{"__proto__": {"role": "admin"}, "constructor": {"prototype": {}}}',
      'application/json',
    ],
  ];

  it('never answers 500 and always uses the error shape', async () => {
    const admin = bearer(await adminToken(suite.testApp.http));
    const failures: string[] = [];
    for (const [method, path] of routes) {
      for (const [label, body, contentType] of bodies) {
        for (const authorization of [undefined, admin]) {
          const request = suite.testApp.http[method](path).set('Content-Type', contentType);
          if (authorization) request.set('Authorization', authorization);
          const response = await (method === 'get' ? request : request.send(body));
          const shaped = response.status < 400 || typeof response.body?.error?.code === 'string';
          if (response.status >= 500 || !shaped) {
            failures.push(`${method.toUpperCase()} ${path} with ${label}: ${response.status}`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
  });
});

describe('auth rate limit (e2e)', () => {
  const suite = useTestApp({ env: { RATE_LIMIT_AUTH_PER_MINUTE: '3' }, loginAdmin: false });

  it('stops a login brute force with 429 RATE_LIMITED', async () => {
    const attempt = () =>
      suite.testApp.http.post('/auth/login').send({ username: 'victim', password: 'guess-1234' });
    for (let tries = 1; tries <= 3; tries++) {
      await attempt().expect(401);
    }
    const blocked = await attempt().expect(429);
    expect(blocked.body.error.code).toBe('RATE_LIMITED');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
  });
});
