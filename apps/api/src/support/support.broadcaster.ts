import { Injectable } from '@nestjs/common';
import type { Namespace } from 'socket.io';
import { ConversationStatus } from './conversation-status';
import { ConversationRecord } from './conversation.repository';
import { Rooms, ServerEvent } from './support-events';
import { toConversationResponse, toMessageResponse } from './support-response.mapper';
import { SupportMessageRecord } from './support-message.repository';

/**
 * Pushes what happened to the sockets allowed to see it, through the namespace's adapter, so
 * sockets on every API instance get it. Called after the change is stored. A conversation's
 * events go to its room (staff who joined or claimed it), to its customer's sockets, and while it
 * waits in the queue to all staff.
 */
@Injectable()
export class SupportBroadcaster {
  private namespace?: Namespace;

  /** Set by the gateway once the `/support` namespace exists. */
  attach(namespace: Namespace): void {
    this.namespace = namespace;
  }

  conversationOpened(conversation: ConversationRecord, message: SupportMessageRecord): void {
    this.emit(this.roomsOf(conversation, true), ServerEvent.ConversationOpened, {
      conversation: toConversationResponse(conversation),
      message: toMessageResponse(message),
    });
  }

  messageCreated(conversation: ConversationRecord, message: SupportMessageRecord): void {
    const queued = conversation.status === ConversationStatus.Open;
    this.emit(this.roomsOf(conversation, queued), ServerEvent.MessageNew, {
      message: toMessageResponse(message),
    });
  }

  conversationClaimed(conversation: ConversationRecord): void {
    this.emit(this.roomsOf(conversation, true), ServerEvent.ConversationClaimed, {
      conversation: toConversationResponse(conversation),
    });
  }

  conversationClosed(conversation: ConversationRecord): void {
    this.emit(this.roomsOf(conversation, true), ServerEvent.ConversationClosed, {
      conversation: toConversationResponse(conversation),
    });
  }

  private roomsOf(conversation: ConversationRecord, toAllStaff: boolean): string[] {
    return [
      Rooms.conversation(conversation._id),
      Rooms.customer(conversation.customerId),
      ...(toAllStaff ? [Rooms.staff] : []),
    ];
  }

  private emit(rooms: string[], event: string, payload: object): void {
    this.namespace?.to(rooms).emit(event, payload);
  }
}
