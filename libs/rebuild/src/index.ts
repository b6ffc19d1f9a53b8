export * from './rebuild';
export * from './swap';
export * from './checksum';
