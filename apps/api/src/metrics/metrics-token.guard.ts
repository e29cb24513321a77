import { createHash, timingSafeEqual } from 'node:crypto';
import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { UnauthenticatedError } from '@kassa/common';
import { FastifyRequest } from 'fastify';
import { OperationsConfig, operationsConfig } from '../config/operations.config';

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/**
 * With `METRICS_TOKEN` set, admits only `Authorization: Bearer <METRICS_TOKEN>` (compared in
 * constant time); without it, everyone.
 */
@Injectable()
export class MetricsTokenGuard implements CanActivate {
  constructor(@Inject(operationsConfig.KEY) private readonly config: OperationsConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const expected = this.config.metricsToken;
    if (expected === undefined) return true;
    const header = context.switchToHttp().getRequest<FastifyRequest>().headers.authorization;
    const presented = /^Bearer +(\S+)$/i.exec(header ?? '')?.[1];
    if (presented === undefined || !timingSafeEqual(digest(presented), digest(expected))) {
      throw new UnauthenticatedError('The metrics token is missing or wrong');
    }
    return true;
  }
}
