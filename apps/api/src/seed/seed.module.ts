import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { CatalogModule } from '../catalog/catalog.module';
import { catalogConfig } from '../config/catalog.config';
import { DemoCatalogRepository } from './demo-catalog.repository';
import { DemoCatalogSeeder } from './demo-catalog.seeder';

/** The demo catalog loader: `SEED_DEMO=true` at start-up, or `npm run seed`. */
@Module({
  imports: [ConfigModule.forFeature(catalogConfig), CatalogModule],
  providers: [DemoCatalogRepository, DemoCatalogSeeder],
  exports: [DemoCatalogSeeder],
})
export class SeedModule {}
