import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { OutboxController } from './outbox.controller';
import { OutboxDispatcher } from './outbox.dispatcher';
import { OutboxRepository } from './outbox.repository';
import { OutboxService } from './outbox.service';
import { OutboxMessage, OutboxMessageSchema } from './schemas/outbox-message.schema';

/** Mail written with the change it reports, sent afterwards, exactly once per message. */
@Module({
  imports: [MongooseModule.forFeature([{ name: OutboxMessage.name, schema: OutboxMessageSchema }])],
  controllers: [OutboxController],
  providers: [OutboxRepository, OutboxService, OutboxDispatcher],
  exports: [OutboxService],
})
export class OutboxModule {}
