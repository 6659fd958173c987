// The pane's side of the Teamsheet formulas: one LookupClient for the session, the preview workbook's
// formulas evaluated through it, the sign-in shared with Excel's functions runtime, and a refresh that
// asks the server again (304 when nothing changed) and recalculates.
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { resolveLocale, type Locale } from '@teamsheet/shared';
import type { Api } from '../../api';
import { LookupClient } from '../../functions/lookupClient';
import { teamsheetFormulas } from '../../functions/preview';
import { apiTransport } from '../../functions/transport';
import { refreshExcelFormulas, shareSignIn } from '../../office/customFunctions';
import type { PreviewWorkbook } from '../../office/previewWorkbook';

export function useFormulas(
  preview: PreviewWorkbook | null,
  api: Api,
  locale: Locale,
  token: string | undefined,
) {
  const current = useRef({ api, locale });
  current.current = { api, locale };
  const client = useMemo(
    () =>
      new LookupClient({
        transport: (body, etag) => apiTransport(current.current.api)(body, etag),
        locale: () => resolveLocale(current.current.locale),
      }),
    [],
  );
  const refresh = useCallback(async () => {
    client.refresh();
    if (preview) await preview.recalculate();
    else await refreshExcelFormulas();
  }, [client, preview]);

  useEffect(() => {
    preview?.useFormulas(teamsheetFormulas(client));
    return () => preview?.useFormulas(null);
  }, [preview, client]);
  // A new sign-in (or language) answers differently: ask again; Excel's runtime reads the shared sign-in.
  useEffect(() => {
    void shareSignIn(token ? { token, locale } : null);
    void refresh();
  }, [token, locale, refresh]);

  return { refresh, requests: () => client.requests };
}
