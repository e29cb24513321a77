import { ValidationError } from '@kassa/common';
import { checkChatText, MESSAGE_MAX_LENGTH } from './message-text';

describe(checkChatText.name, () => {
  it('keeps text exactly as written, markup included', () => {
    const text = '<script>alert(1)</script> & "quotes"\n\tsecond line 👋';
    expect(checkChatText('text', text)).toBe(text);
  });

  it('counts characters, not UTF-16 units', () => {
    expect(checkChatText('text', '👋'.repeat(MESSAGE_MAX_LENGTH))).toHaveLength(
      2 * MESSAGE_MAX_LENGTH,
    );
    expect(() => checkChatText('text', '👋'.repeat(MESSAGE_MAX_LENGTH + 1))).toThrow(
      'text must be at most 2000 characters',
    );
  });

  it.each([
    ['empty', ''],
    ['blank', ' \n\t '],
    ['too long', 'a'.repeat(MESSAGE_MAX_LENGTH + 1)],
    ['a NUL', 'a\u0000b'],
    ['an escape', 'a\u001b[31mred'],
    ['a carriage return', 'a\rb'],
    ['DEL', 'a\u007f'],
    ['a C1 control', 'a\u0085b'],
    ['a right-to-left override', 'abc\u202egnp.exe'],
    ['a lone surrogate', 'a\ud800b'],
    ['a number', 42],
    ['an operator object', { $gt: '' }],
  ])('refuses %s', (_label, value) => {
    expect(() => checkChatText('text', value)).toThrow(ValidationError);
  });

  it('names the field and honours a smaller maximum', () => {
    expect(() => checkChatText('subject', 'a'.repeat(11), 10)).toThrow(
      expect.objectContaining({ details: [{ field: 'subject', message: expect.any(String) }] }),
    );
  });
});
