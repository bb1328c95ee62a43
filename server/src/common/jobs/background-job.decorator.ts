import { SetMetadata } from '@nestjs/common';
import { JobName } from './job-names';

export const BACKGROUND_JOB = Symbol('background-job');

/**
 * Marks the method the job registry runs on the job's interval (docs/architecture.md#jobs). The method
 * takes no argument; a non-zero count (or object of counts) it returns is logged. Tests call it directly.
 */
export const BackgroundJob = (name: JobName): MethodDecorator => SetMetadata(BACKGROUND_JOB, name);
