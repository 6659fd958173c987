// Start-up decisions: preview outside Office, refusal where the host or its Excel API is too old,
// the Excel workbook and Office's display language otherwise.
import { describe, expect, it } from 'vitest';
import { nestedAppAuthSupported, REQUIRED_EXCEL_API, startHost } from '../src/office/host';

function office(host: string, supported: string[], displayLanguage = 'zh-CN') {
  const asked: string[] = [];
  return {
    asked,
    Office: {
      onReady: async () => ({ host, platform: 'PC' }),
      context: {
        displayLanguage,
        requirements: {
          isSetSupported: (name: string, version?: string) => {
            asked.push(`${name} ${version}`);
            return supported.includes(`${name} ${version}`);
          },
        },
      },
    },
    Excel: { run: async () => undefined },
  };
}

describe('startHost', () => {
  it('opens in preview without the office flag, even when Office.js happens to be present', async () => {
    expect(await startHost('', office('Excel', []))).toEqual({ mode: 'preview', reason: 'no-office-flag' });
  });

  it('falls back to preview, with a reason, when Office.js did not load', async () => {
    expect(await startHost('?office=1', {})).toEqual({ mode: 'preview', reason: 'office-js-missing' });
  });

  it('refuses a host other than Excel', async () => {
    expect(await startHost('?office=1', office('Word', []))).toEqual({
      mode: 'unsupported',
      reason: 'not-excel',
      host: 'Word',
    });
  });

  it('refuses an Excel without the required API set and names it', async () => {
    const g = office('Excel', ['ExcelApi 1.9']);
    expect(await startHost('?office=1', g)).toEqual({
      mode: 'unsupported',
      reason: 'api-missing',
      requirement: 'ExcelApi 1.10',
    });
    expect(g.asked).toEqual([`ExcelApi ${REQUIRED_EXCEL_API}`]);
  });

  it('starts on Excel with the display language when the API set is there', async () => {
    const started = await startHost('?office=1&x=2', office('Excel', ['ExcelApi 1.10'], 'zh-CN'));
    expect(started.mode).toBe('excel');
    if (started.mode === 'excel') {
      expect(started.displayLanguage).toBe('zh-CN');
      expect(started.workbook.kind).toBe('excel');
    }
  });
});

describe('nestedAppAuthSupported', () => {
  it('asks Office for NestedAppAuth 1.1, and is false outside Office', () => {
    const yes = office('Excel', ['NestedAppAuth 1.1']);
    expect(nestedAppAuthSupported(yes)).toBe(true);
    expect(yes.asked).toEqual(['NestedAppAuth 1.1']);
    expect(nestedAppAuthSupported(office('Excel', []))).toBe(false);
    expect(nestedAppAuthSupported({})).toBe(false);
  });
});
