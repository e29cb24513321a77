import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** One message the sink accepted. */
export interface CapturedMail {
  /** Envelope recipients, lowercase. */
  to: string[];
  subject: string;
  /** The decoded plain-text body. */
  text: string;
}

interface Waiter {
  address: string;
  matches(mail: CapturedMail): boolean;
  resolve(mail: CapturedMail): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

const DEFAULT_WAIT_MS = 10_000;

function decodeBody(headers: string, body: string): string {
  const encoding = /^content-transfer-encoding:\s*(\S+)/im.exec(headers)?.[1]?.toLowerCase();
  if (encoding === 'base64')
    return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const bytes = body
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/gi, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}

function parseMail(raw: string, to: string[]): CapturedMail {
  const split = raw.indexOf('\r\n\r\n');
  const headers = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const body = raw.slice(split + 4);
  return {
    to,
    subject: /^subject:\s*(.*)$/im.exec(headers)?.[1]?.trim() ?? '',
    text: decodeBody(headers, body).replace(/\r\n/g, '\n'),
  };
}

/**
 * A real SMTP server (`smtp-server`) on loopback that keeps every message it receives, for
 * specs to read what the app mailed. Point the app at it with `SMTP_URL: sink.url`.
 */
export class SmtpSink {
  private readonly unclaimed: CapturedMail[] = [];
  private readonly waiters: Waiter[] = [];
  private readonly refusing = new Set<string>();

  private readonly server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onRcptTo: (address, _session, callback) => {
      const refused = this.refusing.delete(address.address.toLowerCase());
      callback(
        refused
          ? Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 })
          : undefined,
      );
    },
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const to = session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase());
        this.deliver(parseMail(Buffer.concat(chunks).toString('utf8'), to));
        callback();
      });
    },
  });

  private constructor() {}

  static async start(): Promise<SmtpSink> {
    const sink = new SmtpSink();
    await new Promise<void>((resolve, reject) => {
      sink.server.once('error', reject);
      sink.server.listen(0, '127.0.0.1', () => resolve());
    });
    return sink;
  }

  /** `smtp://127.0.0.1:<port>` for the app's `SMTP_URL`. */
  get url(): string {
    const { port } = this.server.server.address() as AddressInfo;
    return `smtp://127.0.0.1:${port}`;
  }

  /**
   * The oldest message to `address` (that `matches`, when given) not handed out yet; waits for one
   * to arrive when there is none (rejecting after `timeoutMs` so a missing mail fails the spec
   * with a clear message).
   */
  nextMailTo(
    address: string,
    timeoutMs = DEFAULT_WAIT_MS,
    matches: (mail: CapturedMail) => boolean = () => true,
  ): Promise<CapturedMail> {
    const wanted = address.toLowerCase();
    const index = this.unclaimed.findIndex((mail) => mail.to.includes(wanted) && matches(mail));
    if (index >= 0) return Promise.resolve(this.unclaimed.splice(index, 1)[0]);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        address: wanted,
        matches,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          reject(new Error(`No mail to ${address} arrived within ${timeoutMs} ms`));
        }, timeoutMs),
      };
      this.waiters.push(waiter);
    });
  }

  /** The 6-digit code of the next message to `address`. */
  async nextCodeFor(address: string): Promise<string> {
    const mail = await this.nextMailTo(address);
    const code = /code is (\d{6})\b/.exec(mail.text)?.[1];
    if (!code) throw new Error(`The mail to ${address} holds no code: ${mail.text}`);
    return code;
  }

  /** Makes the server refuse the next message to `address` (550), as a failing mail host would. */
  refuseNextMailTo(address: string): void {
    this.refusing.add(address.toLowerCase());
  }

  /** Messages to `address` received and not yet handed out. */
  pendingFor(address: string): CapturedMail[] {
    const wanted = address.toLowerCase();
    return this.unclaimed.filter((mail) => mail.to.includes(wanted));
  }

  async stop(): Promise<void> {
    for (const waiter of this.waiters.splice(0)) {
      clearTimeout(waiter.timer);
      waiter.reject(new Error('SMTP sink stopped'));
    }
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private deliver(mail: CapturedMail): void {
    const waiter = this.waiters.find(
      (candidate) => mail.to.includes(candidate.address) && candidate.matches(mail),
    );
    if (!waiter) {
      this.unclaimed.push(mail);
      return;
    }
    this.waiters.splice(this.waiters.indexOf(waiter), 1);
    clearTimeout(waiter.timer);
    waiter.resolve(mail);
  }
}
