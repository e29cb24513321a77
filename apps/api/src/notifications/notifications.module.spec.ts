import { Logger } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { loadConfiguration } from '../config/configuration';
import { ConfigurationModule } from '../config/configuration.module';
import { verificationCodeMail } from './mail-templates';
import { LogMailer } from './log.mailer';
import { MAILER, Mailer } from './mailer';
import { NotificationsModule } from './notifications.module';
import { SmtpMailer } from './smtp.mailer';

async function mailerWith(smtpUrl: string | undefined): Promise<Mailer> {
  const configuration = loadConfiguration({ SMTP_URL: smtpUrl });
  const moduleRef = await Test.createTestingModule({
    imports: [ConfigurationModule.forRoot(configuration), NotificationsModule],
  }).compile();
  return moduleRef.get<Mailer>(MAILER);
}

describe(NotificationsModule.name, () => {
  it('sends over SMTP when SMTP_URL is set', async () => {
    const mailer = await mailerWith('smtp://127.0.0.1:2525');
    expect(mailer).toBeInstanceOf(SmtpMailer);
    (mailer as SmtpMailer).close();
  });

  it('writes mail to the log when no SMTP_URL is set', async () => {
    expect(await mailerWith(undefined)).toBeInstanceOf(LogMailer);
  });
});

describe(LogMailer.name, () => {
  it('logs the whole message, code included, so a developer can read it', async () => {
    const log = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    try {
      const message = verificationCodeMail({
        to: 'ada@example.test',
        username: 'ada',
        code: '042917',
        validForMinutes: 15,
      });
      await new LogMailer().send(message);
      expect(log).toHaveBeenCalledWith(
        { mail: { to: 'ada@example.test', subject: message.subject, text: message.text } },
        expect.stringContaining('ada@example.test'),
      );
      expect(message.text).toContain('Your verification code is 042917');
    } finally {
      log.mockRestore();
    }
  });
});
