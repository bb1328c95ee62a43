import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { JobRegistry } from './job-registry';

/** The background jobs of the server process (docs/architecture.md#jobs); CLIs leave it out. */
@Module({
  imports: [DiscoveryModule],
  providers: [JobRegistry],
})
export class JobsModule {}
