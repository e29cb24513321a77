import { Type } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  OnGatewayConnection,
  OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
} from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import { NotFoundError, UnauthenticatedError } from '@kassa/common';
import { AuthUser } from '../../access/auth-user';
import { ConversationService, isStaff } from '../conversation.service';
import { ConversationRefDto, OpenConversationDto, SendMessageDto } from '../dto/chat-payload.dto';
import { ChatAck, ClientEvent, Rooms, ServerEvent, TypingPayload } from '../support-events';
import { SupportBroadcaster } from '../support.broadcaster';
import { toConversationResponse, toMessageResponse } from '../support-response.mapper';
import { SupportMessageService } from '../support-message.service';
import { errorAck, parsePayload } from './chat-acks';
import { SocketAuthenticator, SupportSocketData } from './socket-authenticator';

/**
 * The support chat over socket.io, namespace `/support` (event reference in the README). The
 * handshake needs an access token; every client event re-checks it, validates its payload like
 * an HTTP body and is acknowledged with `{ data }` or `{ error }` in the shared error shape. The
 * rules are the services'; this class only translates events.
 */
@WebSocketGateway({ namespace: '/support' })
export class SupportGateway implements OnGatewayInit<Namespace>, OnGatewayConnection<Socket> {
  constructor(
    private readonly authenticator: SocketAuthenticator,
    private readonly conversations: ConversationService,
    private readonly messages: SupportMessageService,
    private readonly broadcaster: SupportBroadcaster,
  ) {}

  afterInit(namespace: Namespace): void {
    namespace.use(this.authenticator.handshake);
    this.broadcaster.attach(namespace);
  }

  /** Staff sockets hear the queue; a customer's sockets hear all of that customer's conversations. */
  async handleConnection(socket: Socket): Promise<void> {
    const { user } = socket.data as SupportSocketData;
    await socket.join(isStaff(user) ? Rooms.staff : Rooms.customer(user.id));
  }

  @SubscribeMessage(ClientEvent.OpenConversation)
  open(@ConnectedSocket() socket: Socket, @MessageBody() payload: unknown) {
    return this.handle(
      socket,
      ClientEvent.OpenConversation,
      OpenConversationDto,
      payload,
      async (caller, input) => {
        const opened = await this.conversations.open(caller, input);
        await socket.join(Rooms.conversation(opened.conversation._id));
        return {
          conversation: toConversationResponse(opened.conversation),
          message: toMessageResponse(opened.message),
        };
      },
    );
  }

  @SubscribeMessage(ClientEvent.JoinConversation)
  join(@ConnectedSocket() socket: Socket, @MessageBody() payload: unknown) {
    return this.handle(
      socket,
      ClientEvent.JoinConversation,
      ConversationRefDto,
      payload,
      async (caller, input) => {
        const conversation = await this.conversations.visible(caller, input.conversationId);
        await socket.join(Rooms.conversation(conversation._id));
        return { conversation: toConversationResponse(conversation) };
      },
    );
  }

  @SubscribeMessage(ClientEvent.ClaimConversation)
  claim(@ConnectedSocket() socket: Socket, @MessageBody() payload: unknown) {
    return this.handle(
      socket,
      ClientEvent.ClaimConversation,
      ConversationRefDto,
      payload,
      async (caller, input) => {
        const conversation = await this.conversations.claim(caller, input.conversationId);
        await socket.join(Rooms.conversation(conversation._id));
        return { conversation: toConversationResponse(conversation) };
      },
    );
  }

  @SubscribeMessage(ClientEvent.CloseConversation)
  close(@ConnectedSocket() socket: Socket, @MessageBody() payload: unknown) {
    return this.handle(
      socket,
      ClientEvent.CloseConversation,
      ConversationRefDto,
      payload,
      async (caller, input) => {
        const conversation = await this.conversations.close(caller, input.conversationId);
        return { conversation: toConversationResponse(conversation) };
      },
    );
  }

  @SubscribeMessage(ClientEvent.SendMessage)
  send(@ConnectedSocket() socket: Socket, @MessageBody() payload: unknown) {
    return this.handle(
      socket,
      ClientEvent.SendMessage,
      SendMessageDto,
      payload,
      async (caller, input) => {
        const message = await this.messages.send(caller, input.conversationId, input.text);
        await socket.join(Rooms.conversation(input.conversationId));
        return { message: toMessageResponse(message) };
      },
    );
  }

  /** Relayed to the other sockets in the conversation's room; only a socket that joined may type. */
  @SubscribeMessage(ClientEvent.Typing)
  typing(@ConnectedSocket() socket: Socket, @MessageBody() payload: unknown) {
    return this.handle(
      socket,
      ClientEvent.Typing,
      ConversationRefDto,
      payload,
      async (caller, input) => {
        const room = Rooms.conversation(input.conversationId);
        if (!socket.rooms.has(room)) throw new NotFoundError('Conversation', input.conversationId);
        const typing: TypingPayload = {
          conversationId: input.conversationId,
          userId: caller.id,
          role: caller.role,
        };
        socket.to(room).emit(ServerEvent.Typing, typing);
        return { conversationId: input.conversationId };
      },
    );
  }

  /**
   * Re-checks the socket's token, parses the payload and runs the work, answering the ack with
   * its result or error. A token that no longer holds gets an `error` event and its ack, then the
   * socket is disconnected.
   */
  private async handle<T extends object, R>(
    socket: Socket,
    event: string,
    dto: Type<T>,
    payload: unknown,
    work: (caller: AuthUser, input: T) => Promise<R>,
  ): Promise<ChatAck<R>> {
    let caller: AuthUser;
    try {
      caller = await this.authenticator.recheck(socket);
    } catch (error) {
      const ack = errorAck(error, event);
      if (error instanceof UnauthenticatedError) {
        socket.emit(ServerEvent.Error, ack);
        setImmediate(() => socket.disconnect());
      }
      return ack;
    }
    try {
      return { data: await work(caller, await parsePayload(dto, payload)) };
    } catch (error) {
      return errorAck(error, event);
    }
  }
}
