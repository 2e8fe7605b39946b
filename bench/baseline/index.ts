/** The baseline's workflows, bundled on their own (bench/baseline/) and registered by their own worker. */
export { rfcFullInspectionBaseline } from './rfcFullInspectionWorkflow';
