export * from './office';
export * from './staff';
export * from './cases';
export * from './settings';
