/** The workflows the worker registers. Only workflow code here: activities are imported as types. */
export { inspectionWorkflow } from './inspectionWorkflow';
export { centreCycleWorkflow } from './centreCycleWorkflow';
export { migrationBatchWorkflow } from './migrationBatchWorkflow';
export { calendarBatchWorkflow } from './calendarBatchWorkflow';
