import {
  codeRejectionError,
  generateVerificationCode,
  unusableReason,
  wrongCodeError,
} from './verification-code.rules';

const NOW = new Date('2025-01-01T12:00:00Z');
const LATER = new Date('2025-01-01T12:10:00Z');
const EARLIER = new Date('2025-01-01T11:50:00Z');

describe('verification code rules', () => {
  describe(generateVerificationCode.name, () => {
    it('makes six digits, keeping leading zeros', () => {
      const codes = Array.from({ length: 2000 }, generateVerificationCode);
      expect(codes.every((code) => /^\d{6}$/.test(code))).toBe(true);
      expect(codes.some((code) => code.startsWith('0'))).toBe(true);
    });

    it('varies from code to code', () => {
      expect(new Set(Array.from({ length: 100 }, generateVerificationCode)).size).toBeGreaterThan(
        90,
      );
    });
  });

  describe(unusableReason.name, () => {
    it('calls a missing code invalid', () => {
      expect(unusableReason(null, NOW, 5)).toBe('invalid');
    });

    it('lets a live code with attempts left be tried', () => {
      expect(unusableReason({ attempts: 4, expiresAt: LATER }, NOW, 5)).toBeUndefined();
    });

    it('locks a code once its attempts are spent', () => {
      expect(unusableReason({ attempts: 5, expiresAt: LATER }, NOW, 5)).toBe('locked');
    });

    it('expires a code at its expiry time', () => {
      expect(unusableReason({ attempts: 0, expiresAt: EARLIER }, NOW, 5)).toBe('expired');
      expect(unusableReason({ attempts: 0, expiresAt: NOW }, NOW, 5)).toBe('expired');
    });

    it('keeps saying locked after a locked code expires', () => {
      expect(unusableReason({ attempts: 5, expiresAt: EARLIER }, NOW, 5)).toBe('locked');
    });
  });

  describe(wrongCodeError.name, () => {
    it('answers INVALID with the attempts left before the last one', () => {
      const error = wrongCodeError(1, 5);
      expect(error.code).toBe('VERIFICATION_CODE_INVALID');
      expect(error.message).toContain('4 attempt(s) left');
    });

    it('answers LOCKED on the attempt that spends the last try', () => {
      expect(wrongCodeError(5, 5).code).toBe('VERIFICATION_CODE_LOCKED');
    });
  });

  describe(codeRejectionError.name, () => {
    it('uses the documented codes', () => {
      expect(codeRejectionError('invalid').code).toBe('VERIFICATION_CODE_INVALID');
      expect(codeRejectionError('expired').code).toBe('VERIFICATION_CODE_EXPIRED');
      expect(codeRejectionError('locked').code).toBe('VERIFICATION_CODE_LOCKED');
    });
  });
});
