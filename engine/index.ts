export * from './answers';
export * from './clocks';
export * from './decisions';
export * from './inspectionRecord';
export * from './ledgerEntries';
export * from './stage';
export * from './view';
export * from './timeline';
