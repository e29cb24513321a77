import { ConfigType, registerAs } from '@nestjs/config';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { validateEnvironment } from './environment-parsing';

/** Mail settings read from the environment (production requires SMTP_URL: see core-environment). */
class MailEnvironment {
  /** `smtp://user:pass@host:587` or `smtps://...`; absent outside production → mails go to the log. */
  @IsOptional()
  @Matches(/^smtps?:\/\/\S+$/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  MAIL_FROM?: string;
}

export const mailConfig = registerAs('mail', () => {
  const env = validateEnvironment(MailEnvironment, process.env);
  return {
    smtpUrl: env.SMTP_URL,
    from: env.MAIL_FROM ?? 'Kassa <no-reply@kassa.local>',
  };
});

export type MailConfig = ConfigType<typeof mailConfig>;
