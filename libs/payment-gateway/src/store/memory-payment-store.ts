import { KeyRecord, PaymentRecord, PaymentStore, RefundRecord } from './payment-store';

/**
 * Payments and keys in process memory, for development and tests; nothing expires. Each method
 * runs to completion without awaiting, so each is atomic; records are copied in and out.
 */
export class MemoryPaymentStore implements PaymentStore {
  private readonly keys = new Map<string, KeyRecord>();
  private readonly payments = new Map<string, PaymentRecord>();
  private readonly paymentIdByReference = new Map<string, string>();

  async insertKey(record: KeyRecord): Promise<boolean> {
    if (this.keys.has(record.key)) return false;
    this.keys.set(record.key, structuredClone(record));
    return true;
  }

  async reclaimKey(
    key: string,
    fingerprint: string,
    now: Date,
    leaseExpiresAt: Date,
  ): Promise<KeyRecord | null> {
    const record = this.keys.get(key);
    if (!record || record.fingerprint !== fingerprint) return null;
    const abandoned = record.state === 'in_flight' && record.leaseExpiresAt <= now;
    if (record.state !== 'failed' && !abandoned) return null;
    Object.assign(record, { state: 'in_flight', attempts: record.attempts + 1, leaseExpiresAt });
    return structuredClone(record);
  }

  async findKey(key: string): Promise<KeyRecord | null> {
    const record = this.keys.get(key);
    return record ? structuredClone(record) : null;
  }

  async completeKey(key: string, answer: unknown): Promise<void> {
    const record = this.keys.get(key);
    if (record?.state === 'in_flight') {
      Object.assign(record, { state: 'completed', answer: structuredClone(answer) });
    }
  }

  async failKey(key: string): Promise<void> {
    const record = this.keys.get(key);
    if (record?.state === 'in_flight') record.state = 'failed';
  }

  async insertPayment(record: PaymentRecord): Promise<boolean> {
    if (this.paymentIdByReference.has(record.reference)) return false;
    this.payments.set(record.id, structuredClone(record));
    this.paymentIdByReference.set(record.reference, record.id);
    return true;
  }

  async findPayment(id: string): Promise<PaymentRecord | null> {
    const record = this.payments.get(id);
    return record ? structuredClone(record) : null;
  }

  async findPaymentByReference(reference: string): Promise<PaymentRecord | null> {
    const id = this.paymentIdByReference.get(reference);
    return id === undefined ? null : this.findPayment(id);
  }

  async addRefund(
    paymentId: string,
    refund: RefundRecord,
    maxRefundedBefore: number,
  ): Promise<PaymentRecord | null> {
    const record = this.payments.get(paymentId);
    if (!record || record.refundedAmount > maxRefundedBefore) return null;
    record.refundedAmount += refund.amount;
    record.refunds.push(structuredClone(refund));
    return structuredClone(record);
  }
}
