import { AuthModule } from '../../apps/api/src/auth/auth.module';
import { VerificationPurpose } from '../../apps/api/src/auth/schemas/verification-code.schema';
import { RefreshTokenRepository } from '../../apps/api/src/auth/sessions/refresh-token.repository';
import { VerificationCodeRepository } from '../../apps/api/src/auth/verification/verification-code.repository';
import { NotificationsModule } from '../../apps/api/src/notifications/notifications.module';
import { overlapping, useMediumContext } from './support/medium-context';

const MINUTE = 60_000;

describe('auth repositories (medium)', () => {
  const context = useMediumContext([NotificationsModule, AuthModule]);

  describe(RefreshTokenRepository.name, () => {
    it('rotates a token once, however many uses race for it', async () => {
      const tokens = context.get(RefreshTokenRepository);
      const now = new Date();
      await tokens.insert({
        _id: 'hash-1',
        familyId: 'family-1',
        userId: 'user-1',
        expiresAt: new Date(now.getTime() + MINUTE),
      });
      const { results, peak } = await overlapping(10, () => tokens.markRotated('hash-1', now));
      expect(peak).toBe(10);
      const winners = results.filter((result) => result.status === 'fulfilled' && result.value);
      expect(winners).toHaveLength(1);
    });

    it('never rotates an expired token', async () => {
      const tokens = context.get(RefreshTokenRepository);
      const now = new Date();
      await tokens.insert({
        _id: 'hash-2',
        familyId: 'family-2',
        userId: 'user-2',
        expiresAt: new Date(now.getTime() - 1),
      });
      expect(await tokens.markRotated('hash-2', now)).toBeNull();
    });
  });

  describe(VerificationCodeRepository.name, () => {
    const key = (userId: string) => ({ userId, purpose: VerificationPurpose.Registration });

    function newCode(userId: string, now: Date, codeHash = 'code-hash') {
      return {
        ...key(userId),
        email: `${userId}@example.test`,
        codeHash,
        expiresAt: new Date(now.getTime() + 15 * MINUTE),
        resendAvailableAt: new Date(now.getTime() + MINUTE),
        purgeAt: new Date(now.getTime() + 60 * MINUTE),
      };
    }

    it('refuses a new code within the resend cool-down, even when asked at once', async () => {
      const codes = context.get(VerificationCodeRepository);
      const now = new Date();
      const { results } = await overlapping(5, (index) =>
        codes.replace(newCode('cooldown', now, `hash-${index}`), now),
      );
      const stored = results.filter((result) => result.status === 'fulfilled' && result.value);
      expect(stored).toHaveLength(1);
    });

    it('lets a right code be used once', async () => {
      const codes = context.get(VerificationCodeRepository);
      const now = new Date();
      await codes.replace(newCode('consume', now), now);
      const { results } = await overlapping(5, () =>
        codes.consume(key('consume'), 'code-hash', now, 5),
      );
      expect(
        results.filter((result) => result.status === 'fulfilled' && result.value),
      ).toHaveLength(1);
    });

    it('counts wrong attempts exactly up to the limit, however many race', async () => {
      const codes = context.get(VerificationCodeRepository);
      const now = new Date();
      await codes.replace(newCode('attempts', now), now);
      const { results } = await overlapping(12, () =>
        codes.countWrongAttempt(key('attempts'), now, 5),
      );
      const counted = results
        .map((result) => (result.status === 'fulfilled' ? result.value : undefined))
        .filter((value) => value !== null);
      expect(counted.sort()).toEqual([1, 2, 3, 4, 5]);
      expect(await codes.consume(key('attempts'), 'code-hash', now, 5)).toBeNull();
    });
  });
});
