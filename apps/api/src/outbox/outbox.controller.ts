import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ListQuery, Page, ValidationError } from '@kassa/common';
import { AdminOnly } from '../access/access.decorators';
import { ApiErrors } from '../http/api-errors.decorator';
import { ApiListQuery } from '../http/api-list-query.decorator';
import { ListQueryParam } from '../http/list-query.param';
import { PageResponseDto } from '../http/page-response.dto';
import { OUTBOX_LIST_SPEC } from './outbox-list';
import { OutboxMessageRecord } from './outbox.repository';
import { OutboxService } from './outbox.service';
import { OUTBOX_STATUSES, OutboxStatus } from './schemas/outbox-message.schema';

export class OutboxMessageDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'order-created' })
  topic: string;

  @ApiProperty({ example: 'admin@example.com' })
  to: string;

  @ApiProperty({ example: 'New order 1f2e… (129.90 USD)' })
  subject: string;

  @ApiProperty({ enum: OUTBOX_STATUSES, example: 'failed' })
  status: OutboxStatus;

  @ApiProperty({ example: 8 })
  attempts: number;

  @ApiProperty({ type: String, nullable: true, example: 'connect ECONNREFUSED 10.0.0.5:25' })
  lastError: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  sentAt: string | null;
}

export class OutboxPageDto extends PageResponseDto(OutboxMessageDto) {}

function toOutboxMessage(message: OutboxMessageRecord): OutboxMessageDto {
  return {
    id: message._id,
    topic: message.topic,
    to: message.mail.to,
    subject: message.mail.subject,
    status: message.status,
    attempts: message.attempts,
    lastError: message.lastError,
    createdAt: message.createdAt.toISOString(),
    sentAt: message.sentAt?.toISOString() ?? null,
  };
}

/** What the outbox holds, for admins watching mail that keeps failing. */
@ApiTags('operations')
@AdminOnly()
@Controller('outbox')
export class OutboxController {
  constructor(private readonly outbox: OutboxService) {}

  @Get()
  @ApiOperation({
    summary: 'Outbox messages (e.g. filter[status]=failed: mail parked after its retries)',
  })
  @ApiListQuery(OUTBOX_LIST_SPEC, { filter: { status: 'failed' }, sort: '-createdAt' })
  @ApiOkResponse({ type: OutboxPageDto })
  @ApiErrors(ValidationError)
  async list(@ListQueryParam(OUTBOX_LIST_SPEC) query: ListQuery): Promise<Page<OutboxMessageDto>> {
    const page = await this.outbox.list(query);
    return { ...page, items: page.items.map(toOutboxMessage) };
  }
}
