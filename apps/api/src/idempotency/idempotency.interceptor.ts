import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  IDEMPOTENCY_KEY_HEADER,
  IDEMPOTENT_REPLAYED_HEADER,
  isErrorCode,
  parseIdempotencyKey,
  requestFingerprint,
} from '@kassa/common';
import { TransactionRunner } from '@kassa/database';
import { FastifyReply, FastifyRequest } from 'fastify';
import { lastValueFrom, Observable, of } from 'rxjs';
import { AuthUser } from '../access/auth-user';
import { describeError } from '../http/error-response';
import { IdempotencyService } from './idempotency.service';
import { ReplayedError } from './replayed-error';

export const IDEMPOTENT_OPTIONS = 'kassa:idempotent';

export interface IdempotentOptions {
  /**
   * Run the handler and the storing of its answer in one transaction, so they commit together
   * (the handler's own transaction joins it). Not for handlers that call out to other systems.
   */
  atomic?: boolean;
}

/**
 * Applies `Idempotency-Key` to a handler (see {@link IdempotencyService}): a request without the
 * header runs as usual; with it, the first answer — success or client error — is stored and
 * replayed to repeats with `Idempotent-Replayed: true`.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly keys: IdempotencyService,
    private readonly transactions: TransactionRunner,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest & { user?: AuthUser }>();
    const key = parseIdempotencyKey(request.headers[IDEMPOTENCY_KEY_HEADER]);
    if (key === undefined) return next.handle();
    const reply = http.getResponse<FastifyReply>();
    const path = request.url.split('?')[0];
    const fingerprint = requestFingerprint(request.method, path, request.body);
    const claim = await this.keys.begin(request.user?.id ?? 'guest', key, fingerprint);
    if (claim.kind === 'repeat') {
      void reply.header(IDEMPOTENT_REPLAYED_HEADER, 'true');
      const { status, body } = claim.response;
      if (status >= 400) throw replayedError(body);
      void reply.status(status);
      return of(body);
    }
    const options = this.reflector.get<IdempotentOptions>(IDEMPOTENT_OPTIONS, context.getHandler());
    const run = async () => {
      const body = await lastValueFrom(next.handle(), { defaultValue: undefined });
      await this.keys.complete(claim.id, { status: reply.statusCode, body });
      return body;
    };
    try {
      return of(options?.atomic ? await this.transactions.run(run) : await run());
    } catch (error) {
      const described = describeError(error);
      if (described.status >= 500) await this.keys.abandon(claim.id);
      else {
        const { code, message, details } = described;
        await this.keys.complete(claim.id, {
          status: described.status,
          body: { code, message, details },
        });
      }
      throw error;
    }
  }
}

function replayedError(body: unknown): ReplayedError {
  const { code, message, details } = body as { code: string; message: string; details?: [] };
  return new ReplayedError(isErrorCode(code) ? code : 'INTERNAL', message, details);
}
