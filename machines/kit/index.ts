export * from './definition';
export * from './roles';
export * from './schemas';
export * from './grades';
export * from './events';
export * from './actions';
export * from './boundary';
export * from './clockText';
