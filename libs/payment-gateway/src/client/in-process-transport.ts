import { GatewayAnswer } from '../contract/answers';
import { ChargeRequest } from '../contract/charge';
import { RefundRequest } from '../contract/refund';
import { PaymentProcessor } from '../processor/payment-processor';
import {
  chargeAnswerFrom,
  internalErrorResponse,
  lookupAnswerFrom,
  refundAnswerFrom,
  toWireResponse,
  WireResponse,
} from '../wire/http-wire';
import { GatewayTransport } from './gateway-transport';

/** A JSON round trip: what arrives is what HTTP would have carried. */
function asJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * Calls a processor in this process, with requests and answers passed through the same JSON and
 * status-code mapping as the HTTP app (a fault becomes its 500), so a client on it behaves
 * exactly as on HTTP. Like a server, the processor carries on when the client stops waiting:
 * the hanging card's charge still completes.
 */
export class InProcessGatewayTransport implements GatewayTransport {
  constructor(
    private readonly processor: PaymentProcessor,
    /** Told about every fault that became a 500, to log it. */
    private readonly onFault: (error: unknown) => void = () => undefined,
  ) {}

  async charge(request: ChargeRequest, idempotencyKey: string) {
    const response = await this.respond(() =>
      this.processor.charge(asJson(request), idempotencyKey),
    );
    return chargeAnswerFrom(response);
  }

  async refund(paymentId: string, request: RefundRequest, idempotencyKey: string) {
    const response = await this.respond(() =>
      this.processor.refund(paymentId, asJson(request), idempotencyKey),
    );
    return refundAnswerFrom(response);
  }

  async findPayment(paymentId: string) {
    return lookupAnswerFrom(await this.respond(() => this.processor.findPayment(paymentId)));
  }

  async findByReference(reference: string) {
    return lookupAnswerFrom(await this.respond(() => this.processor.findByReference(reference)));
  }

  private async respond(run: () => Promise<GatewayAnswer>): Promise<WireResponse> {
    try {
      const { statusCode, body } = toWireResponse(await run());
      return { statusCode, body: asJson(body) };
    } catch (error) {
      this.onFault(error);
      return internalErrorResponse();
    }
  }
}
