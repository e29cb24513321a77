import { createTransport } from 'nodemailer';
import { startMailSink } from './mail-sink';

describe(startMailSink.name, () => {
  it('accepts mail over SMTP and stops', async () => {
    const sink = await startMailSink();
    const transport = createTransport(sink.url);
    const sent = await transport.sendMail({
      from: 'shop@example.test',
      to: 'admin@example.test',
      subject: 'New order',
      text: 'An order arrived',
    });
    transport.close();
    await sink.stop();
    expect(sent.accepted).toEqual(['admin@example.test']);
  });
});
