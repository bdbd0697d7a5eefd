import { resolve } from 'node:path';

/** The project's root folder (this checkout). */
export const projectRoot = resolve(import.meta.dirname, '../..');

/**
 * The real data beside the checkout (../shared/data), never copied into the repository.
 * TOANCANH_SHARED_DATA points elsewhere when the checkout is not laid beside it.
 */
export const sharedDataDir = process.env.TOANCANH_SHARED_DATA ?? resolve(projectRoot, '../shared/data');
export const indicatorsCsvPath = resolve(sharedDataDir, 'indicators/vn-national-indicators.csv');
export const provincesTopoPath = resolve(sharedDataDir, 'geo/vn-provinces-34.topo.json');
