import { appConfig } from './app.config';
import { databaseConfig } from './database.config';
import { httpConfig } from './http.config';
import { rateLimitConfig } from './rate-limit.config';

/** The frame's config namespaces, loaded by the root `ConfigModule`. */
export const CORE_CONFIGS = [appConfig, httpConfig, databaseConfig, rateLimitConfig];
