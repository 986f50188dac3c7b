/** Public API of src/server: the HTTP adapter over the application layer. */
export { createApp, type AppDeps, type ServerOptions } from './app.js';
export { DEFAULT_MAX_BODY_BYTES } from './deps.js';
export { API_ROUTES, type JsonRoute } from './api-routes.js';
export { openApiDocument } from './openapi.js';
