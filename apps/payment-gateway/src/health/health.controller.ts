import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { GATEWAY_STORE, GatewayStore } from '../store/gateway-store';

class HealthResponseDto {
  @ApiProperty({ example: 'ok' })
  status: 'ok';

  @ApiProperty({ enum: ['memory', 'mongodb'] })
  store: GatewayStore['kind'];
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(@Inject(GATEWAY_STORE) private readonly gatewayStore: GatewayStore) {}

  @Get()
  @ApiOkResponse({ type: HealthResponseDto, description: 'The gateway is serving' })
  health(): HealthResponseDto {
    return { status: 'ok', store: this.gatewayStore.kind };
  }
}
