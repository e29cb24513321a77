import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'kassa:isPublic';

/**
 * Opens a route (or a whole controller) to callers without an access token. A valid token still
 * identifies the caller (`@CurrentUser()`); an invalid one is ignored.
 */
export const Public = () => SetMetadata(IS_PUBLIC, true);
