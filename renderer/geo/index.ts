export * from './boundaries';
export * from './prepare';
export * from './source';
export * from './useBoundaries';
