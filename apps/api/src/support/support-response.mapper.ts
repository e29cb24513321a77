import { ConversationRecord } from './conversation.repository';
import { ConversationResponseDto, SupportMessageResponseDto } from './dto/support-response.dto';
import { SupportMessageRecord } from './support-message.repository';

export function toConversationResponse(conversation: ConversationRecord): ConversationResponseDto {
  return {
    id: conversation._id,
    customerId: conversation.customerId,
    subject: conversation.subject,
    orderId: conversation.orderId,
    status: conversation.status,
    assigneeId: conversation.assigneeId,
    messageCount: conversation.messageCount,
    lastMessageAt: conversation.lastMessageAt.toISOString(),
    closedAt: conversation.closedAt?.toISOString() ?? null,
    createdAt: conversation.createdAt.toISOString(),
    updatedAt: conversation.updatedAt.toISOString(),
  };
}

export function toMessageResponse(message: SupportMessageRecord): SupportMessageResponseDto {
  return {
    id: message._id,
    conversationId: message.conversationId,
    sequence: message.sequence,
    authorId: message.authorId,
    authorRole: message.authorRole,
    text: message.text,
    createdAt: message.createdAt.toISOString(),
  };
}
