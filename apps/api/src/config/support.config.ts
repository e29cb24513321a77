import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { configKey } from './config-key';
import { DURATION, DURATION_MESSAGE, parseDurationMs } from './environment-parsing';

export const SUPPORT_CHAT_RELAYS = ['auto', 'mongodb', 'local'] as const;
export type SupportChatRelay = (typeof SUPPORT_CHAT_RELAYS)[number];

/** Support chat settings read from the environment. */
export class SupportEnvironment {
  /** Messages one user may send (or conversations open) per window, on every instance together. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10_000)
  SUPPORT_CHAT_RATE_LIMIT?: number;

  @IsOptional()
  @Matches(DURATION, { message: DURATION_MESSAGE })
  SUPPORT_CHAT_RATE_WINDOW?: string;

  /** How chat events reach the clients of other API instances. */
  @IsOptional()
  @IsIn(SUPPORT_CHAT_RELAYS, { message: 'SUPPORT_CHAT_RELAY must be auto, mongodb or local' })
  SUPPORT_CHAT_RELAY?: SupportChatRelay;
}

export const supportConfig = configKey('support');

export function readSupportConfig(env: SupportEnvironment) {
  return {
    messagesPerWindow: env.SUPPORT_CHAT_RATE_LIMIT ?? 10,
    rateWindowMs: parseDurationMs(env.SUPPORT_CHAT_RATE_WINDOW ?? '10s'),
    relay: env.SUPPORT_CHAT_RELAY ?? 'auto',
  };
}

export type SupportConfig = ReturnType<typeof readSupportConfig>;
