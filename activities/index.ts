export { createActivities, type ActivityDeps } from './createActivities';
export type * from './types';
