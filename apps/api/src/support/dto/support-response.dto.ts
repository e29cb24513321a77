import { ApiProperty } from '@nestjs/swagger';
import { Role } from '../../access/role';
import { PageResponseDto } from '../../http/page-response.dto';
import { ConversationStatus } from '../conversation-status';

export class ConversationResponseDto {
  @ApiProperty({ format: 'uuid', example: '0b6f3a52-8c1d-4e2f-9a7b-1c2d3e4f5a6b' })
  id: string;

  @ApiProperty({ format: 'uuid', example: '6f1c1a52-3c4e-4d8e-9b7a-2f0c9a4b7d11' })
  customerId: string;

  @ApiProperty({ example: 'Where is my parcel?', description: 'Plain text, as written' })
  subject: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, example: null })
  orderId: string | null;

  @ApiProperty({ enum: ConversationStatus, example: ConversationStatus.Open })
  status: ConversationStatus;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, example: null })
  assigneeId: string | null;

  @ApiProperty({ example: 1 })
  messageCount: number;

  @ApiProperty({ example: '2025-03-01T10:00:00.000Z' })
  lastMessageAt: string;

  @ApiProperty({ type: String, nullable: true, example: null })
  closedAt: string | null;

  @ApiProperty({ example: '2025-03-01T10:00:00.000Z' })
  createdAt: string;

  @ApiProperty({ example: '2025-03-01T10:00:00.000Z' })
  updatedAt: string;
}

export class SupportMessageResponseDto {
  @ApiProperty({ format: 'uuid', example: '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a' })
  id: string;

  @ApiProperty({ format: 'uuid', example: '0b6f3a52-8c1d-4e2f-9a7b-1c2d3e4f5a6b' })
  conversationId: string;

  @ApiProperty({ example: 1, description: '1 for the first message, then one more for each' })
  sequence: number;

  @ApiProperty({ format: 'uuid', example: '6f1c1a52-3c4e-4d8e-9b7a-2f0c9a4b7d11' })
  authorId: string;

  @ApiProperty({ enum: Role, example: Role.Customer })
  authorRole: Role;

  @ApiProperty({
    example: 'Hello, my order has not arrived yet.',
    description:
      'Plain text exactly as written (1-2,000 characters); render it as text, never as HTML',
  })
  text: string;

  @ApiProperty({ example: '2025-03-01T10:00:00.000Z' })
  createdAt: string;
}

export class ConversationPageDto extends PageResponseDto(ConversationResponseDto) {}

export class SupportMessagePageDto extends PageResponseDto(SupportMessageResponseDto) {}
