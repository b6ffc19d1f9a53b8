export * from './migrate';
export * from './projector/recommendation-rows';
export * from './projector/directory';
export * from './projector/projection';
export * from './projector/sink';
export * from './projector/checkpoint';
export * from './projector/projector';
export * from './projector/lag';
