/** Injection token of the {@link Mailer}; tests and environments swap the implementation. */
export const MAILER = Symbol('MAILER');

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** Sends one message or rejects; callers decide what a failed delivery means for them. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}
