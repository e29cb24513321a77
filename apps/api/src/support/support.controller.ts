import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ConversationClosedError, ListQuery, ValidationError } from '@kassa/common';
import { Authenticated, CustomerOwned } from '../access/access.decorators';
import { AuthUser } from '../access/auth-user';
import { CurrentUser } from '../access/current-user.decorator';
import { ApiErrors } from '../http/api-errors.decorator';
import { ApiListQuery } from '../http/api-list-query.decorator';
import { IdParam } from '../http/id-param.decorator';
import { ListQueryParam } from '../http/list-query.param';
import { ConversationService, isStaff } from './conversation.service';
import {
  ConversationPageDto,
  ConversationResponseDto,
  SupportMessagePageDto,
} from './dto/support-response.dto';
import {
  CUSTOMER_CONVERSATION_LIST_SPEC,
  MESSAGE_LIST_SPEC,
  STAFF_CONVERSATION_LIST_SPEC,
} from './support-list';
import { toConversationResponse } from './support-response.mapper';
import { SupportMessageService } from './support-message.service';

function conversationListSpecFor(caller: AuthUser | undefined) {
  return caller && isStaff(caller) ? STAFF_CONVERSATION_LIST_SPEC : CUSTOMER_CONVERSATION_LIST_SPEC;
}

/**
 * The support chat's history over REST; the live chat is the socket.io namespace `/support`.
 * Customers see their own conversations only; support staff and admins see all.
 */
@ApiTags('support')
@Controller('support/conversations')
export class SupportController {
  constructor(
    private readonly conversations: ConversationService,
    private readonly messages: SupportMessageService,
  ) {}

  @Get()
  @Authenticated()
  @ApiOperation({
    summary: 'List support conversations',
    description:
      'A customer gets their own; support staff and admins get all and may also filter on ' +
      'customerId and assigneeId. The queue is filter[status]=open&sort=createdAt.',
  })
  @ApiListQuery(STAFF_CONVERSATION_LIST_SPEC, {
    filter: { status: 'open' },
    sort: 'createdAt',
  })
  @ApiOkResponse({ type: ConversationPageDto })
  @ApiErrors(ValidationError)
  list(
    @CurrentUser() caller: AuthUser,
    @ListQueryParam(conversationListSpecFor) query: ListQuery,
  ): Promise<ConversationPageDto> {
    return this.conversations.list(caller, query);
  }

  @Get(':id')
  @CustomerOwned()
  @ApiOperation({ summary: 'One support conversation' })
  @ApiOkResponse({ type: ConversationResponseDto })
  @ApiErrors(ValidationError)
  async get(
    @CurrentUser() caller: AuthUser,
    @IdParam() id: string,
  ): Promise<ConversationResponseDto> {
    return toConversationResponse(await this.conversations.visible(caller, id));
  }

  @Get(':id/messages')
  @CustomerOwned()
  @ApiOperation({
    summary: "A conversation's messages, oldest first",
    description: 'Message text is plain text exactly as written: render it as text, never as HTML.',
  })
  @ApiListQuery(MESSAGE_LIST_SPEC, { filter: {}, sort: 'sequence' })
  @ApiOkResponse({ type: SupportMessagePageDto })
  @ApiErrors(ValidationError)
  listConversationMessages(
    @CurrentUser() caller: AuthUser,
    @IdParam() id: string,
    @ListQueryParam(MESSAGE_LIST_SPEC) query: ListQuery,
  ): Promise<SupportMessagePageDto> {
    return this.messages.history(caller, id, query);
  }

  @Post(':id/close')
  @HttpCode(200)
  @CustomerOwned()
  @ApiOperation({
    summary: 'Close a conversation',
    description: 'Its customer or support staff; the sockets following it get conversation:closed.',
  })
  @ApiOkResponse({ type: ConversationResponseDto })
  @ApiErrors(ValidationError, ConversationClosedError)
  async closeConversation(
    @CurrentUser() caller: AuthUser,
    @IdParam() id: string,
  ): Promise<ConversationResponseDto> {
    return toConversationResponse(await this.conversations.close(caller, id));
  }
}
