import { Module } from '@nestjs/common';
import { CLOCK, systemClock } from '@kassa/common';
import { StoreInfoController } from './store-info.controller';
import { StoreInfoService } from './store-info.service';

/** `GET /store-info`: the configured store details and its opening state by the clock. */
@Module({
  controllers: [StoreInfoController],
  providers: [StoreInfoService, { provide: CLOCK, useValue: systemClock }],
})
export class StoreInfoModule {}
