import { randomBytes } from 'node:crypto';
import { Factory } from '../factories/records.factory';
import { createTestApp, TestApp, TestAppOptions } from './create-test-app';
import { SmtpSink } from './smtp';

type Http = TestApp['http'];

/** The admin every app started with {@link authTestEnvironment} seeds. */
export const TEST_ADMIN = {
  username: 'admin',
  email: 'admin@kassa.test',
  password: 'admin-password-123',
} as const;

/** Variables for `createTestApp({ env })`: mail to the sink and the seeded {@link TEST_ADMIN}. */
export function authTestEnvironment(smtp: SmtpSink): Record<string, string> {
  return {
    SMTP_URL: smtp.url,
    ADMIN_USERNAME: TEST_ADMIN.username,
    ADMIN_EMAIL: TEST_ADMIN.email,
    ADMIN_PASSWORD: TEST_ADMIN.password,
  };
}

/** What an end-to-end spec works with: the app, its mail sink, a factory and the seeded admin. */
export interface TestSuite {
  testApp: TestApp;
  smtp: SmtpSink;
  factory: Factory;
  /** `Authorization` header value of the seeded {@link TEST_ADMIN}. */
  admin: string;
}

/**
 * The one app setup of end-to-end specs: before all tests, an SMTP sink and the real app mailing
 * to it with the seeded {@link TEST_ADMIN} (plus `env`), logged in unless `loginAdmin` is false
 * (a spec that counts auth attempts); after all, both closed. The returned object is filled in
 * by the time the spec's own `beforeAll` runs.
 */
export function useTestApp(options: TestAppOptions & { loginAdmin?: boolean } = {}): TestSuite {
  const suite = {} as TestSuite;
  beforeAll(async () => {
    suite.smtp = await SmtpSink.start();
    suite.testApp = await createTestApp({
      imports: options.imports,
      env: { ...authTestEnvironment(suite.smtp), ...options.env },
    });
    suite.factory = new Factory(suite.testApp.connection);
    if (options.loginAdmin !== false) suite.admin = bearer(await adminToken(suite.testApp.http));
  });
  afterAll(async () => {
    await suite.testApp?.close();
    await suite.smtp?.stop();
  });
  return suite;
}

export interface AccountInput {
  username: string;
  email: string;
  password: string;
}

export interface TestAccount extends AccountInput {
  id: string;
}

export interface TestTokens {
  accessToken: string;
  refreshToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
}

/** Fresh, valid registration data; `overrides` replace any field. */
export function newAccountInput(overrides: Partial<AccountInput> = {}): AccountInput {
  const suffix = randomBytes(5).toString('hex');
  return {
    username: `user_${suffix}`,
    email: `user_${suffix}@example.test`,
    password: 'password-1234',
    ...overrides,
  };
}

export function bearer(accessToken: string): string {
  return `Bearer ${accessToken}`;
}

/** Registers over HTTP, reads the mailed code from the sink and verifies: an active customer. */
export async function registerAndVerify(
  http: Http,
  smtp: SmtpSink,
  overrides: Partial<AccountInput> = {},
): Promise<TestAccount> {
  const input = newAccountInput(overrides);
  const registered = await http.post('/auth/register').send(input).expect(201);
  const code = await smtp.nextCodeFor(input.email);
  await http.post('/auth/verify').send({ email: input.email, code }).expect(200);
  return { ...input, id: registered.body.id };
}

export async function loginAs(http: Http, username: string, password: string): Promise<TestTokens> {
  const response = await http.post('/auth/login').send({ username, password }).expect(200);
  return response.body as TestTokens;
}

/** An access token of the seeded {@link TEST_ADMIN}. */
export async function adminToken(http: Http): Promise<string> {
  return (await loginAs(http, TEST_ADMIN.username, TEST_ADMIN.password)).accessToken;
}

/** A new active customer and an access token for it. */
export async function registerAndLogin(
  http: Http,
  smtp: SmtpSink,
  overrides: Partial<AccountInput> = {},
): Promise<TestAccount & { accessToken: string }> {
  const account = await registerAndVerify(http, smtp, overrides);
  const { accessToken } = await loginAs(http, account.username, account.password);
  return { ...account, accessToken };
}
