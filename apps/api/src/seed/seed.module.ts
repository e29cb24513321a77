import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { UserAccountsModule } from '../users/user-accounts.module';
import { DemoCatalogRepository } from './demo-catalog.repository';
import { DemoCatalogSeeder } from './demo-catalog.seeder';
import { DemoCatalogStartup } from './demo-catalog.startup';
import { LoadTestCustomersSeeder } from './load-test-customers.seeder';
import { LoadTestCustomersStartup } from './load-test-customers.startup';

/** The demo catalog and load-test customer loaders, as `npm run seed` uses them. */
@Module({
  imports: [CatalogModule, UserAccountsModule],
  providers: [DemoCatalogRepository, DemoCatalogSeeder, LoadTestCustomersSeeder],
  exports: [DemoCatalogSeeder, LoadTestCustomersSeeder],
})
export class SeedModule {}

/**
 * The API's part: `SEED_DEMO=true` loads the demo catalog and `SEED_CUSTOMERS=N` makes the
 * load-test customers at start-up.
 */
@Module({
  imports: [SeedModule],
  providers: [DemoCatalogStartup, LoadTestCustomersStartup],
})
export class SeedStartupModule {}
