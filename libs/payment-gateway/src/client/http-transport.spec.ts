import { chargeRequest } from '../testing/charge-fixtures.shared-spec';
import { HttpGatewayTransport } from './http-transport';

interface Sent {
  url: string;
  init: RequestInit;
}

function fakeFetch(status: number, body: unknown): { fetch: typeof fetch; sent: Sent[] } {
  const sent: Sent[] = [];
  const fetchStub = async (url: string | URL | Request, init?: RequestInit) => {
    sent.push({ url: String(url), init: init ?? {} });
    return new Response(JSON.stringify(body), { status });
  };
  return { fetch: fetchStub as typeof fetch, sent };
}

describe(HttpGatewayTransport.name, () => {
  const context = { signal: new AbortController().signal, requestId: 'req-42' };

  it('posts a charge as JSON with its idempotency key and request id', async () => {
    const { fetch, sent } = fakeFetch(402, { error: { code: 'card_declined', message: 'no' } });
    const transport = new HttpGatewayTransport({ baseUrl: 'http://gateway:4000/', fetch });
    const request = chargeRequest();

    const answer = await transport.charge(request, 'key-1', context);

    expect(answer).toEqual({ status: 'declined', reason: 'card_declined', message: 'no' });
    expect(sent).toHaveLength(1);
    expect(sent[0].url).toBe('http://gateway:4000/payments');
    expect(sent[0].init).toMatchObject({
      method: 'POST',
      body: JSON.stringify(request),
      signal: context.signal,
      headers: {
        'content-type': 'application/json',
        'Idempotency-Key': 'key-1',
        'x-request-id': 'req-42',
      },
    });
  });

  it('posts a refund to the payment and looks payments up by id and by encoded reference', async () => {
    const { fetch, sent } = fakeFetch(404, {
      error: { code: 'payment_not_found', message: 'No such payment' },
    });
    const transport = new HttpGatewayTransport({ baseUrl: 'http://gateway:4000', fetch });

    await transport.refund('p-1', { amount: 5 }, 'key-2', context);
    await transport.findPayment('p-1', context);
    const byReference = await transport.findByReference('order 1/2', context);

    expect(byReference).toEqual({ status: 'not_found', message: 'No such payment' });
    expect(sent.map(({ url, init }) => `${init.method} ${url}`)).toEqual([
      'POST http://gateway:4000/payments/p-1/refunds',
      'GET http://gateway:4000/payments/p-1',
      'GET http://gateway:4000/payments?reference=order%201%2F2',
    ]);
    expect(sent[1].init.body).toBeUndefined();
  });

  it('reads a body that is not JSON as a failure', async () => {
    const fetchStub = (async () =>
      new Response('<html>Bad gateway</html>', { status: 502 })) as typeof fetch;
    const transport = new HttpGatewayTransport({
      baseUrl: 'http://gateway:4000',
      fetch: fetchStub,
    });

    expect(await transport.findPayment('p-1', context)).toMatchObject({ status: 'failed' });
  });
});
