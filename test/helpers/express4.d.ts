// `express4` is an npm alias of Express 4, installed so that every test
// runs against both major versions. Its public API is the one typed by
// @types/express for the parts the tests use.
declare module 'express4' {
  import express from 'express';

  export default express;
}
