import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { MailConfig, mailConfig } from '../config/mail.config';
import { LogMailer } from './log.mailer';
import { MAILER, Mailer } from './mailer';
import { SmtpMailer } from './smtp.mailer';

/** Provides the {@link Mailer} (`MAILER`): SMTP when `SMTP_URL` is set, else the log. */
@Global()
@Module({
  providers: [
    {
      provide: MAILER,
      inject: [mailConfig.KEY],
      useFactory: (config: MailConfig): Mailer =>
        config.smtpUrl ? new SmtpMailer(config.smtpUrl, config.from) : new LogMailer(),
    },
  ],
  exports: [MAILER],
})
export class NotificationsModule implements OnApplicationShutdown {
  constructor(@Inject(MAILER) private readonly mailer: Mailer) {}

  onApplicationShutdown(): void {
    if (this.mailer instanceof SmtpMailer) this.mailer.close();
  }
}
