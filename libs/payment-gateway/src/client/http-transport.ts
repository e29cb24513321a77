import { ChargeRequest } from '../contract/charge';
import { IDEMPOTENCY_KEY_HEADER } from '../contract/request-rules';
import { RefundRequest } from '../contract/refund';
import {
  chargeAnswerFrom,
  lookupAnswerFrom,
  refundAnswerFrom,
  WireResponse,
} from '../wire/http-wire';
import { CallContext, GatewayTransport } from './gateway-transport';

export interface HttpGatewayTransportOptions {
  /** Where the gateway app listens, e.g. `http://payment-gateway:4000`. */
  baseUrl: string;
  /** Defaults to Node's global `fetch` (undici). */
  fetch?: typeof fetch;
}

interface Outgoing {
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
  idempotencyKey?: string;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The gateway's HTTP API (apps/payment-gateway) over `fetch`; one request per attempt. */
export class HttpGatewayTransport implements GatewayTransport {
  private readonly baseUrl: string;
  private readonly fetch: typeof fetch;

  constructor(options: HttpGatewayTransportOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.fetch = options.fetch ?? fetch;
  }

  async charge(request: ChargeRequest, idempotencyKey: string, context: CallContext) {
    const outgoing: Outgoing = { method: 'POST', path: '/payments', body: request, idempotencyKey };
    return chargeAnswerFrom(await this.send(outgoing, context));
  }

  async refund(
    paymentId: string,
    request: RefundRequest,
    idempotencyKey: string,
    context: CallContext,
  ) {
    const path = `/payments/${encodeURIComponent(paymentId)}/refunds`;
    return refundAnswerFrom(
      await this.send({ method: 'POST', path, body: request, idempotencyKey }, context),
    );
  }

  async findPayment(paymentId: string, context: CallContext) {
    const path = `/payments/${encodeURIComponent(paymentId)}`;
    return lookupAnswerFrom(await this.send({ method: 'GET', path }, context));
  }

  async findByReference(reference: string, context: CallContext) {
    const path = `/payments?reference=${encodeURIComponent(reference)}`;
    return lookupAnswerFrom(await this.send({ method: 'GET', path }, context));
  }

  private async send(outgoing: Outgoing, context: CallContext): Promise<WireResponse> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (outgoing.body !== undefined) headers['content-type'] = 'application/json';
    if (outgoing.idempotencyKey) headers[IDEMPOTENCY_KEY_HEADER] = outgoing.idempotencyKey;
    if (context.requestId) headers['x-request-id'] = context.requestId;
    const response = await this.fetch(this.baseUrl + outgoing.path, {
      method: outgoing.method,
      headers,
      body: outgoing.body === undefined ? undefined : JSON.stringify(outgoing.body),
      signal: context.signal,
    });
    return { statusCode: response.status, body: parseJson(await response.text()) };
  }
}
