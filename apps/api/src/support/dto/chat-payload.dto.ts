import {
  IsOptional,
  IsUUID,
  Validate,
  ValidationArguments,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';
import { ValidationError } from '@kassa/common';
import { checkChatText, MESSAGE_MAX_LENGTH, SUBJECT_MAX_LENGTH } from '../message-text';

/** `@Validate(ChatText, [max])`: the rules of {@link checkChatText}, with its message. */
@ValidatorConstraint({ name: 'chatText' })
export class ChatText implements ValidatorConstraintInterface {
  validate(value: unknown, args: ValidationArguments): boolean {
    return problemOf(value, args) === undefined;
  }

  defaultMessage(args: ValidationArguments): string {
    return problemOf(args.value, args) ?? '';
  }
}

function problemOf(value: unknown, args: ValidationArguments): string | undefined {
  try {
    checkChatText(args.property, value, args.constraints[0] as number);
    return undefined;
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return error.message;
  }
}

/** `conversation:open`: a subject, the first message, and optionally the order it is about. */
export class OpenConversationDto {
  @Validate(ChatText, [SUBJECT_MAX_LENGTH])
  subject: string;

  @Validate(ChatText, [MESSAGE_MAX_LENGTH])
  text: string;

  @IsOptional()
  @IsUUID()
  orderId?: string;
}

/** `conversation:join`, `conversation:claim`, `conversation:close`, `typing`. */
export class ConversationRefDto {
  @IsUUID()
  conversationId: string;
}

/** `message:send`. */
export class SendMessageDto {
  @IsUUID()
  conversationId: string;

  @Validate(ChatText, [MESSAGE_MAX_LENGTH])
  text: string;
}
