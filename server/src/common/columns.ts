import { Column, ColumnOptions } from 'typeorm';

/** A UTC instant with millisecond precision, the same on SQLite and MariaDB. */
export const TimeColumn = (options: ColumnOptions = {}) => Column({ type: 'datetime', precision: 3, ...options });

/** TypeORM's bigint comes back as string on MySQL; ids here fit in int. */
export const IdRefColumn = (options: ColumnOptions = {}) => Column({ type: 'int', ...options });
