import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AccessModule } from '../access/access.module';
import { RateLimitStorageModule } from '../rate-limit/rate-limit.module';
import { ChatRateLimiter } from './chat-rate-limiter';
import { ConversationRepository } from './conversation.repository';
import { ConversationService } from './conversation.service';
import { Conversation, ConversationSchema } from './schemas/conversation.schema';
import { SupportMessage, SupportMessageSchema } from './schemas/support-message.schema';
import { SocketAuthenticator } from './socket/socket-authenticator';
import { SupportGateway } from './socket/support.gateway';
import { SupportBroadcaster } from './support.broadcaster';
import { SupportController } from './support.controller';
import { SupportMessageRepository } from './support-message.repository';
import { SupportMessageService } from './support-message.service';
import { OrdersModule } from '../orders/orders.module';

/** The support chat: conversations and messages, the `/support` socket.io gateway and REST history. */
@Module({
  imports: [
    AccessModule,
    RateLimitStorageModule,
    OrdersModule,
    MongooseModule.forFeature([
      { name: Conversation.name, schema: ConversationSchema },
      { name: SupportMessage.name, schema: SupportMessageSchema },
    ]),
  ],
  controllers: [SupportController],
  providers: [
    ConversationRepository,
    SupportMessageRepository,
    ChatRateLimiter,
    SupportBroadcaster,
    ConversationService,
    SupportMessageService,
    SocketAuthenticator,
    SupportGateway,
  ],
})
export class SupportModule {}
