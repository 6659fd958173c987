// Entry of the Teamsheet formulas' runtime (functions.html): one LookupClient over the API with the
// sign-in the pane shared, and every function associated with its metadata id.
import { resolveLocale } from '@teamsheet/shared';
import { configuredApiBase, createApi } from './api';
import { FORMULAS, useFormulaClient } from './functions/functions';
import { LookupClient } from './functions/lookupClient';
import { apiTransport } from './functions/transport';
import {
  associateAll,
  customFunctionsGlobal,
  formulaRefreshToken,
  sharedSignIn,
  type SharedSignIn,
} from './office/customFunctions';

let signIn: SharedSignIn | null = null;
// Read again before each request: the pane may sign in (or renew the token) after the runtime started.
// Excel's functions runtime may have no page to be relative to: the build's API origin, else the page's.
const base = configuredApiBase() || (typeof location === 'undefined' ? '' : location.origin);
const api = createApi({
  base,
  getToken: () => signIn?.token,
  getLocale: () => signIn?.locale ?? 'en',
});
const transport = apiTransport(api);
const client = new LookupClient({
  transport: async (body, etag) => {
    signIn = await sharedSignIn();
    return transport(body, etag);
  },
  locale: () => resolveLocale(signIn?.locale),
  refreshToken: formulaRefreshToken,
});
const cf = customFunctionsGlobal();
if (cf) {
  useFormulaClient(client, cf);
  associateAll(FORMULAS);
}
