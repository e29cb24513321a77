import { Body, Controller, Get, Module, Post, Query } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, IsString, Length, Matches, Min, ValidateNested } from 'class-validator';
import { InUseError, ListSpec, parseListQuery } from '@kassa/common';
import { Public } from '../../apps/api/src/access/public.decorator';
import { RequestId } from '../../apps/api/src/http/request-id.decorator';
import { AuthRateLimit } from '../../apps/api/src/rate-limit/auth-rate-limit.decorator';

class ProbeCardDto {
  @IsString()
  @Length(2, 60)
  holder: string;

  @Matches(/^\d{16}$/, { message: 'number must be 16 digits' })
  number: string;
}

class ProbePaymentDto {
  @ValidateNested()
  @Type(() => ProbeCardDto)
  card: ProbeCardDto;

  @IsInt()
  @Min(1)
  quantity: number;
}

class ProbeLoginDto {
  @IsString()
  username: string;

  @IsString()
  password: string;
}

const PROBE_LIST_SPEC: ListSpec = {
  fields: { price: { type: 'money', path: 'priceCents' }, name: { type: 'string' } },
  search: ['name'],
};

/** Test-only routes that exercise the frame: validation, error mapping, rate limits. */
@Public()
@Controller('probe')
class FrameProbeController {
  @Post('payments')
  pay(@Body() payment: ProbePaymentDto) {
    return { quantity: payment.quantity, holder: payment.card.holder };
  }

  @Post('login')
  @AuthRateLimit()
  login(@Body() login: ProbeLoginDto) {
    return { username: login.username };
  }

  @Get('conflict')
  conflict() {
    throw new InUseError('Brand', 'b-1');
  }

  @Get('fault')
  fault() {
    throw new Error('connection to mongodb://admin:hunter2@db.internal failed');
  }

  @Get('items')
  items(@Query() query: Record<string, unknown>) {
    return parseListQuery(query, PROBE_LIST_SPEC);
  }

  @Get('request-id')
  requestId(@RequestId() requestId: string) {
    return { requestId };
  }
}

@Module({ controllers: [FrameProbeController] })
export class FrameProbeModule {}
