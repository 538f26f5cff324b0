/** class-transformer ships its CommonJS storage module without a declaration beside it. */
declare module 'class-transformer/cjs/storage' {
  export { defaultMetadataStorage } from 'class-transformer/types/storage';
}
