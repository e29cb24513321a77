import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { catalogConfig, CatalogConfig } from '../config/catalog.config';
import { DemoCatalogSeeder } from './demo-catalog.seeder';

/** `SEED_DEMO=true`: seeds when the API starts (indexes are built by then, see DatabasePreparation). */
@Injectable()
export class DemoCatalogStartup implements OnApplicationBootstrap {
  constructor(
    private readonly seeder: DemoCatalogSeeder,
    @Inject(catalogConfig.KEY) private readonly config: CatalogConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.seedDemo) {
      await this.seeder.seed();
    }
  }
}
