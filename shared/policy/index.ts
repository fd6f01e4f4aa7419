export * from './presets';
export * from './validate';
export * from './numbers';
export * from './aftermath';
