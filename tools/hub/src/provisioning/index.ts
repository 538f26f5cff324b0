export * from './options';
export * from './management-api';
export * from './rabbitmq';
export * from './postgres';
export * from './migrations';
export * from './provision';
export * from './signing-keys';
