import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { authConfig, AuthConfig } from '../config/auth.config';
import { LoadTestCustomersSeeder } from './load-test-customers.seeder';

/** `SEED_CUSTOMERS=N`: makes sure the N load-test customers exist when the API starts. */
@Injectable()
export class LoadTestCustomersStartup implements OnApplicationBootstrap {
  constructor(
    private readonly seeder: LoadTestCustomersSeeder,
    @Inject(authConfig.KEY) private readonly config: AuthConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.seedCustomers > 0) {
      await this.seeder.seed(this.config.seedCustomers);
    }
  }
}
