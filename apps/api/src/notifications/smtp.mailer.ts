import { createTransport, Transporter } from 'nodemailer';
import { Mailer, MailMessage } from './mailer';

/** Delivers mail over SMTP (`SMTP_URL`) with nodemailer; one transport per process (`?pool=true` in the URL pools connections). */
export class SmtpMailer implements Mailer {
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    this.transport = createTransport(smtpUrl);
  }

  async send(message: MailMessage): Promise<void> {
    await this.transport.sendMail({ from: this.from, ...message });
  }

  close(): void {
    this.transport.close();
  }
}
