export * from './api-types.ts';
export * from './folio-api.ts';
export * from './api-error.ts';
export * from './api-methods.ts';
export * from './api-dispatch.ts';
export * from './api-client.ts';
export * from './web-protocol.ts';
