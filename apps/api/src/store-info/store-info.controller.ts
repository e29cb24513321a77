import { createHash } from 'node:crypto';
import { Controller, Get, Headers, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../access/public.decorator';
import { etagMatches } from '../http/etag';
import { StoreInfoResponseDto } from './store-info-response.dto';
import { StoreInfoService } from './store-info.service';

/** Caches may keep the answer but must ask again (with its ETag) before using it. */
const CACHE_CONTROL = 'public, no-cache';

/** Public store details: address, opening hours, and whether the store is open now. */
@ApiTags('store')
@Public()
@Controller('store-info')
export class StoreInfoController {
  constructor(private readonly storeInfo: StoreInfoService) {}

  @Get()
  @ApiOperation({
    summary: 'The store: contact details, opening hours, open now and the next change',
    description:
      'openNow and nextChange are computed for the time of the request in the store time ' +
      'zone. The answer carries an ETag (a hash of the body, so it changes when openNow, ' +
      'nextChange or the configuration does); If-None-Match with it gives 304.',
  })
  @ApiHeader({ name: 'If-None-Match', required: false })
  @ApiOkResponse({ type: StoreInfoResponseDto })
  @ApiResponse({ status: 304, description: 'The cached copy named by If-None-Match is current' })
  async get(
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const body = JSON.stringify(this.storeInfo.describe());
    const etag = `"${createHash('sha256').update(body).digest('base64url')}"`;
    reply.header('ETag', etag).header('Cache-Control', CACHE_CONTROL);
    if (etagMatches(ifNoneMatch, etag)) {
      await reply.status(304).send();
      return;
    }
    await reply.status(200).header('Content-Type', 'application/json; charset=utf-8').send(body);
  }
}
