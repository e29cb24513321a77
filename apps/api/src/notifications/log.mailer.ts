import { Logger } from '@nestjs/common';
import { Mailer, MailMessage } from './mailer';

/**
 * Development stand-in used when no SMTP server is configured outside production: the whole
 * message (verification codes included) goes to the log so a developer can read it. The text
 * follows on lines of its own, so a code can be read at a glance in the human-readable log.
 */
export class LogMailer implements Mailer {
  private readonly logger = new Logger('Mail');

  async send(message: MailMessage): Promise<void> {
    this.logger.log(
      { mail: { to: message.to, subject: message.subject, text: message.text } },
      `Mail to ${message.to} (no SMTP_URL set, logged instead of sent): ${message.subject}\n\n` +
        `${message.text}\n`,
    );
  }
}
