import { Injectable } from '@nestjs/common';
import { Counter } from 'prom-client';
import { MetricsService } from '../../metrics/metrics.service';
import { ChargePurpose } from './schemas/card-charge.schema';

/**
 * How card charges end, for `/metrics`: captured, not captured (and why), left in doubt; and the
 * orders they paid. Counted once the change committed.
 */
@Injectable()
export class PaymentMetrics {
  private readonly captured: Counter<'purpose'>;
  private readonly failed: Counter<'purpose' | 'outcome'>;
  private readonly inDoubt: Counter<'purpose'>;
  private readonly ordersPaid: Counter;

  constructor(metrics: MetricsService) {
    this.captured = metrics.counter(
      'kassa_card_charges_captured_total',
      'Card charges captured, by purpose (order or top_up)',
      ['purpose'],
    );
    this.failed = metrics.counter(
      'kassa_payment_failures_total',
      'Card charges not captured, by purpose and outcome (declined or failed)',
      ['purpose', 'outcome'],
    );
    this.ordersPaid = metrics.counter('kassa_orders_paid_total', 'Orders paid');
    this.inDoubt = metrics.counter(
      'kassa_card_charges_in_doubt_total',
      'Card charges the gateway left unanswered, settled later by the reconciler',
      ['purpose'],
    );
  }

  chargeCaptured(purpose: ChargePurpose): void {
    this.captured.inc({ purpose });
  }

  orderPaid(): void {
    this.ordersPaid.inc();
  }

  chargeFailed(purpose: ChargePurpose, outcome: 'declined' | 'failed'): void {
    this.failed.inc({ purpose, outcome });
  }

  chargeInDoubt(purpose: ChargePurpose): void {
    this.inDoubt.inc({ purpose });
  }
}
