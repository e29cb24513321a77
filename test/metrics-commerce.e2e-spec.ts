import { useTestApp } from './support/auth';
import { Scrape, scrapeUntil } from './support/metrics';
import { card, CARDS, customerWithOrder } from './support/payments';

describe('commerce series at /metrics (e2e)', () => {
  const suite = useTestApp({
    env: {
      PAYMENT_GATEWAY: 'mock',
      OUTBOX_DISPATCH_INTERVAL: '0',
      PAYMENT_RECONCILE_INTERVAL: '0',
    },
  });

  const pay = (auth: string, orderId: string, number: string) =>
    suite.testApp.http
      .post(`/orders/${orderId}/pay`)
      .set('Authorization', auth)
      .send({ card: card(number) });

  it('counts orders created and paid, card charges captured and declined', async () => {
    const { http } = suite.testApp;
    const before = await Scrape.of(http);
    const declined = await customerWithOrder(suite);
    await pay(declined.buyer.auth, declined.order.id, CARDS.declined).expect(402);
    const paid = await customerWithOrder(suite);
    await pay(paid.buyer.auth, paid.order.id, CARDS.approved).expect(200);

    const after = await Scrape.of(http);
    const grew = (series: string) => after.value(series) - before.value(series);
    expect(grew('kassa_orders_created_total')).toBe(2);
    expect(grew('kassa_orders_paid_total')).toBe(1);
    expect(grew('kassa_card_charges_captured_total{purpose="order"}')).toBe(1);
    expect(grew('kassa_payment_failures_total{purpose="order",outcome="declined"}')).toBe(1);
  });

  it('reads the outbox backlog at scrape time', async () => {
    const { http } = suite.testApp;
    const before = (await Scrape.of(http)).value('kassa_outbox_backlog');
    const { buyer, order } = await customerWithOrder(suite);
    await pay(buyer.auth, order.id, CARDS.approved).expect(200);
    await scrapeUntil(http, (scrape) => scrape.value('kassa_outbox_backlog') > before);
  });
});
