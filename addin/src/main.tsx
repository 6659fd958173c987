// Entry of the task pane: decide between Excel and preview mode, then mount the shell.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { configuredApiBase } from './api';
import { App, type StartProblem } from './App';
import { pickLocale } from './i18n';
import { createPreviewWorkbook, startHost, type Workbook } from './office';

const apiBase = configuredApiBase();

async function boot() {
  const host = await startHost(location.search);
  let workbook: Workbook | null = null;
  let language = navigator.language;
  let startProblem: StartProblem | undefined;
  switch (host.mode) {
    case 'excel':
      workbook = host.workbook;
      language = host.displayLanguage;
      break;
    case 'preview':
      workbook = createPreviewWorkbook(['Sheet1']);
      if (host.reason === 'office-js-missing')
        startProblem = {
          title: 'host.officeJsMissing.title',
          detail: 'host.officeJsMissing.detail',
          action: 'host.officeJsMissing.action',
          blocking: false,
        };
      break;
    case 'unsupported':
      startProblem =
        host.reason === 'not-excel'
          ? {
              title: 'host.notExcel.title',
              detail: 'host.notExcel.detail',
              action: 'host.notExcel.action',
              params: { host: host.host },
              blocking: true,
            }
          : {
              title: 'host.apiMissing.title',
              detail: 'host.apiMissing.detail',
              action: 'host.apiMissing.action',
              params: { requirement: host.requirement },
              blocking: true,
            };
      break;
  }

  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App
        workbook={workbook}
        initialLocale={pickLocale(language)}
        apiBase={apiBase}
        {...(startProblem ? { startProblem } : {})}
      />
    </StrictMode>,
  );
}

void boot();
