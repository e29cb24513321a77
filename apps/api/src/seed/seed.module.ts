import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { DemoCatalogRepository } from './demo-catalog.repository';
import { DemoCatalogSeeder } from './demo-catalog.seeder';
import { DemoCatalogStartup } from './demo-catalog.startup';

/** The demo catalog loader, as `npm run seed` uses it. */
@Module({
  imports: [CatalogModule],
  providers: [DemoCatalogRepository, DemoCatalogSeeder],
  exports: [DemoCatalogSeeder],
})
export class SeedModule {}

/** The API's part: `SEED_DEMO=true` loads the demo catalog at start-up. */
@Module({
  imports: [SeedModule],
  providers: [DemoCatalogStartup],
})
export class DemoCatalogStartupModule {}
