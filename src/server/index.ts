export { createFastGPTProxy, type FastGPTProxyOptions } from './create-fastgpt-proxy';
export { CHAT_ROUTES, HISTORY_ROUTES, LOG_ROUTES, type ProxyRouteGroup } from './proxy-routes';
export { type NodeMiddleware, type ToNodeHandlerOptions, toNodeHandler } from './to-node-handler';
