import 'reflect-metadata';
import { StartupRefusal } from '../bootstrap/startup-refusal';
import { readAppConfig } from './app.config';
import {
  AuthEnvironment,
  authProblems,
  RANDOM_JWT_SECRET_WARNING,
  readAuthConfig,
} from './auth.config';
import { CatalogEnvironment, readCatalogConfig } from './catalog.config';
import { CoreEnvironment } from './core-environment';
import { readDatabaseConfig } from './database.config';
import { presentVariables, readEnvironment } from './environment-parsing';
import { readHttpConfig } from './http.config';
import { MailEnvironment, readMailConfig } from './mail.config';
import { OperationsEnvironment, readOperationsConfig } from './operations.config';
import { OrdersEnvironment, readOrdersConfig } from './orders.config';
import { PaymentsEnvironment, paymentsProblems, readPaymentsConfig } from './payments.config';
import { readRateLimitConfig } from './rate-limit.config';
import { readReturnsConfig, ReturnsEnvironment } from './returns.config';
import { readStoreInfoConfig, StoreInfoEnvironment } from './store-info.config';
import { readSupportConfig, SupportEnvironment } from './support.config';

const EMULATOR_IN_PRODUCTION =
  'MONGODB_URI is required when NODE_ENV=production (the in-process emulator is for development and tests only)';

/**
 * Reads and validates the whole environment once, at start-up, into typed sections. Every
 * problem is collected and reported in one message, so a misconfigured instance never starts.
 */
export function loadConfiguration(source: Record<string, string | undefined>) {
  const present = presentVariables(source);
  const problems: string[] = [];
  const core = readEnvironment(CoreEnvironment, present, problems);
  const auth = readEnvironment(AuthEnvironment, present, problems);
  const catalog = readEnvironment(CatalogEnvironment, present, problems);
  const mail = readEnvironment(MailEnvironment, present, problems);
  const orders = readEnvironment(OrdersEnvironment, present, problems);
  const payments = readEnvironment(PaymentsEnvironment, present, problems);
  const returns = readEnvironment(ReturnsEnvironment, present, problems);
  const operations = readEnvironment(OperationsEnvironment, present, problems);
  const support = readEnvironment(SupportEnvironment, present, problems);
  const storeInfoEnvironment = readEnvironment(StoreInfoEnvironment, present, problems);
  const storeInfo = readStoreInfoConfig(storeInfoEnvironment, problems);
  const production = core.NODE_ENV === 'production';
  if (production && !core.MONGODB_URI) problems.push(EMULATOR_IN_PRODUCTION);
  if (production && !mail.SMTP_URL) problems.push('SMTP_URL is required when NODE_ENV=production');
  problems.push(...authProblems(auth, production), ...paymentsProblems(payments));
  if (problems.length > 0) throw new StartupRefusal(`Invalid environment: ${problems.join('; ')}`);
  return {
    app: readAppConfig(core),
    http: readHttpConfig(core),
    database: readDatabaseConfig(core),
    rateLimit: readRateLimitConfig(core),
    auth: readAuthConfig(auth),
    catalog: readCatalogConfig(catalog),
    mail: readMailConfig(mail),
    orders: readOrdersConfig(orders),
    payments: readPaymentsConfig(payments),
    returns: readReturnsConfig(returns),
    operations: readOperationsConfig(operations),
    support: readSupportConfig(support),
    storeInfo,
    /** Worth a line in the log at start-up, once the logger is up. */
    warnings: auth.JWT_SECRET ? [] : [RANDOM_JWT_SECRET_WARNING],
  };
}

export type Configuration = ReturnType<typeof loadConfiguration>;
