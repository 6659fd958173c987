// The runtime values of @azure/functions, taken from its CommonJS default export: Node's ESM loader
// cannot see `HttpRequest` or `InvocationContext` as named exports, so `import { HttpRequest }` breaks the bundle.
import azureFunctions from '@azure/functions';
import type * as AzureFunctions from '@azure/functions';

const azf = azureFunctions as unknown as typeof AzureFunctions;

export const app = azf.app;
export const HttpRequest = azf.HttpRequest;
export const InvocationContext = azf.InvocationContext;
export const HttpResponse = azf.HttpResponse;
export type HttpRequest = AzureFunctions.HttpRequest;
export type InvocationContext = AzureFunctions.InvocationContext;
export type HttpResponse = AzureFunctions.HttpResponse;
export type HttpResponseInit = AzureFunctions.HttpResponseInit;
export type HttpMethod = AzureFunctions.HttpMethod;
export type HttpHandler = AzureFunctions.HttpHandler;
