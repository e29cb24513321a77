import { TestApp } from './create-test-app';

type Http = TestApp['http'];

/** A valid card whose number appears nowhere else (Luhn-valid, not one of the processor's test cards). */
export const TEST_CARD = {
  holder: 'Ada Lovelace',
  number: '4000056655665556',
  expiry: '1299',
  cvv: '987',
} as const;

export interface PaymentBody {
  payeeId: string;
  amount: string;
  card?: Record<string, unknown>;
  currency?: string;
}

/** `POST /payments` as `auth`, with {@link TEST_CARD} unless the body names a card. */
export function postPayment(http: Http, auth: string, body: PaymentBody) {
  return http
    .post('/payments')
    .set('Authorization', auth)
    .send({ card: TEST_CARD, ...body });
}

/** A new payment in status `created`: its id. */
export async function createPayment(
  http: Http,
  auth: string,
  payeeId: string,
  amount: string,
): Promise<string> {
  const response = await postPayment(http, auth, { payeeId, amount }).expect(201);
  return response.body.id as string;
}

/** The wallet balance of `auth`, as `GET /me/balance` shows it. */
export async function balanceOf(http: Http, auth: string): Promise<string> {
  const response = await http.get('/me/balance').set('Authorization', auth).expect(200);
  return response.body.balance as string;
}
