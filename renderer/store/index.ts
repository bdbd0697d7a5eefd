export * from './wallStore';
export * from './selectors';
export * from './context';
