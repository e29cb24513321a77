import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { configKey } from './config-key';

/** Mail settings read from the environment (production requires SMTP_URL: see core-environment). */
export class MailEnvironment {
  /** `smtp://user:pass@host:587` or `smtps://...`; absent outside production → mails go to the log. */
  @IsOptional()
  @Matches(/^smtps?:\/\/\S+$/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  MAIL_FROM?: string;
}

export const mailConfig = configKey('mail');

export function readMailConfig(env: MailEnvironment) {
  return {
    smtpUrl: env.SMTP_URL,
    from: env.MAIL_FROM ?? 'Kassa <no-reply@kassa.local>',
  };
}

export type MailConfig = ReturnType<typeof readMailConfig>;
