/** Reporting regimes: schema, calendar, submissions (JSON and CSV), catalogue checks. */
export * from './schema';
export * from './indicators';
export * from './calendar';
export * from './submission';
export * from './validate-submission';
export * from './csv';
export * from './reporters';
export * from './example';
export * from './catalog';
