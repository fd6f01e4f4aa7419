export * from './presets';
export * from './validate';
