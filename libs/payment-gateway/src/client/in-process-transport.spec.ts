import { MemoryPaymentStore } from '../store/memory-payment-store';
import { chargeRequest, newProcessor, uniqueKey } from '../testing/charge-fixtures.shared-spec';
import { GatewayTransport } from './gateway-transport';
import { InProcessGatewayTransport } from './in-process-transport';

describe(InProcessGatewayTransport.name, () => {
  const context = { signal: new AbortController().signal };

  it('answers a fault of the processor as the HTTP app does (500, internal_error) and reports it', async () => {
    const store = new MemoryPaymentStore();
    jest.spyOn(store, 'findPayment').mockRejectedValue(new Error('connection lost'));
    const faults: unknown[] = [];
    const transport: GatewayTransport = new InProcessGatewayTransport(
      newProcessor(store),
      (error) => faults.push(error),
    );

    const answer = await transport.findPayment('0b8e8f55-4c8d-4a59-9a4e-2d2f3c7d9a10', context);

    expect(answer).toEqual({ status: 'failed', message: 'Internal server error' });
    expect(faults).toEqual([new Error('connection lost')]);
  });

  it('hands the processor the request as JSON would carry it', async () => {
    const processor = newProcessor();
    const charge = jest.spyOn(processor, 'charge');
    const request = { ...chargeRequest(), note: undefined };

    const transport: GatewayTransport = new InProcessGatewayTransport(processor);
    const answer = await transport.charge(request, uniqueKey(), context);

    expect(answer).toMatchObject({ status: 'paid' });
    expect(charge.mock.calls[0][0]).not.toHaveProperty('note');
    expect(charge.mock.calls[0][0]).not.toBe(request);
  });
});
