/** Types of test-database-template.js, for the server's test harness and the journeys. */
export function templateName(): string | undefined;
export function beginRun(prefix: string): string;
export function endRun(adminUrl: string): Promise<void>;
export function cloneTemplate(
  adminUrl: string,
  target: string,
  migrate: (templateUrl: string) => Promise<void>,
): Promise<boolean>;
export function createDatabaseCopy(
  adminUrl: string,
  prefix: string,
  migrate: (templateUrl: string) => Promise<void>,
): Promise<{ url: string; drop: () => Promise<void> }>;
