export * from './awards';
export * from './carry';
export * from './consequences';
export * from './dates';
export * from './id-number';
export * from './persons';
export * from './term';
export * from './person-view';
