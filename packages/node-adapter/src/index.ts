export { createHandler, errorResponse, type Handler, type HandlerOptions } from './http/handler.js';
export { toNodeListener } from './http/node-listener.js';
