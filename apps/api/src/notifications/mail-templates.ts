import { MailMessage } from './mailer';

export interface CodeMailInput {
  to: string;
  username: string;
  code: string;
  validForMinutes: number;
}

/** Sent after registration (and on resend): the code that activates the account. */
export function verificationCodeMail(input: CodeMailInput): MailMessage {
  return {
    to: input.to,
    subject: 'Your Kassa verification code',
    text: [
      `Hello ${input.username},`,
      '',
      `Your verification code is ${input.code}`,
      '',
      `It is valid for ${input.validForMinutes} minutes. If you did not create a Kassa account,`,
      'you can ignore this message.',
    ].join('\n'),
  };
}

/** Sent to a new address after an email change: the code that confirms the change. */
export function emailChangeCodeMail(input: CodeMailInput): MailMessage {
  return {
    to: input.to,
    subject: 'Confirm your new Kassa email address',
    text: [
      `Hello ${input.username},`,
      '',
      `Your verification code is ${input.code}`,
      '',
      `Enter it within ${input.validForMinutes} minutes to make this your account's address.`,
      'If you did not ask for this change, you can ignore this message.',
    ].join('\n'),
  };
}

/** Sent on a password-reset request: the code that lets the owner of the address set a new one. */
export function passwordResetCodeMail(input: CodeMailInput): MailMessage {
  return {
    to: input.to,
    subject: 'Reset your Kassa password',
    text: [
      `Hello ${input.username},`,
      '',
      `Your password reset code is ${input.code}`,
      '',
      `Enter it within ${input.validForMinutes} minutes with your new password. Every session of`,
      'your account ends when the password changes. If you did not ask for this, ignore this',
      'message: your password stays as it is.',
    ].join('\n'),
  };
}
