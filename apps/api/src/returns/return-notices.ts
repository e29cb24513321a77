import { Injectable } from '@nestjs/common';
import { OutboxService } from '../outbox/outbox.service';
import { UserAccounts } from '../users/user-accounts.service';
import { returnMail } from './return-mail';
import { ReturnRecord } from './return.repository';

/** Queues the customer's mail about their return, in the transaction that changed it. */
@Injectable()
export class ReturnNotices {
  constructor(
    private readonly outbox: OutboxService,
    private readonly accounts: UserAccounts,
  ) {}

  async tell(request: ReturnRecord, now: Date): Promise<void> {
    const customer = await this.accounts.get(request.customerId);
    await this.outbox.enqueue(`return-${request.status}`, returnMail(request, customer.email), now);
  }
}
