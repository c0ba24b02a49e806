export * from './office';
export * from './staff';
export * from './persons';
export * from './cases';
export * from './settings';
export * from './changes';
export * from './views';
export * from './search';
