// What a user can read, checked for what they should never read (issue 11): every visible text of the
// task pane and of each sheet of the preview workbook, searched for a raw id of a person, unit, metric
// or component, and — in zh-CN — for Latin words outside names, codes and a short allow-list.
// `findOffences` is pure (tested in visibleText.test.ts); `readVisibleTexts` reads a live page.
import type { Page } from 'playwright-core';
import { component, demoOrg, metricCatalog } from '@teamsheet/shared';

export type VisibleText = { where: string; text: string };
export type Offence = { where: string; found: string; kind: 'raw-id' | 'latin'; context: string };
export type TextRules = {
  locale: 'en' | 'zh-CN';
  /** More ids a user should not read (a comp plan's component ids, a run id…). */
  ids?: readonly string[];
  /** More Latin words allowed in zh-CN (a product or file name a test writes). */
  allow?: readonly string[];
};

/** Latin words a zh-CN user reads in Chinese software: product names, file types, standard acronyms. */
export const LATIN_ALLOWED = [
  'Teamsheet',
  'Excel',
  'Office',
  'Microsoft',
  'Entra',
  'ID',
  'CSV',
  'csv',
  'xlsx',
  'KPI',
  'SMART',
  'OGSM',
  'ABC',
  'SPIFF',
  'ACME',
  'API',
  'HTTP',
  'PDF',
  'Ctrl',
  'Enter',
] as const;

const org = demoOrg();
const metricIds = Object.keys(metricCatalog);
const componentTypes = component.options.map((o) => o.shape.type.value);
/** Ids that are never English words: people's, units', metrics' with a separator. */
const distinctIds = [
  ...org.people.map((p) => p.id),
  ...org.units.map((u) => u.id).filter((id) => id.includes('-')),
  ...metricIds.filter((id) => /[_-]/.test(id)),
];
/** Ids that read as English words too (`revenue`, `east`, `commission`): raw ids in zh-CN only. */
const wordIds = [
  ...org.units.map((u) => u.id).filter((id) => !id.includes('-')),
  ...metricIds.filter((id) => !/[_-]/.test(id)),
  ...componentTypes,
];
/** Latin words that are part of a name a user gave: `华东大区 East Region`, `上海团队 Shanghai`. */
const nameWords = new Set(
  [...org.units.map((u) => u.name), ...org.people.map((p) => p.name)].flatMap(
    (n) => (n ?? '').match(/[A-Za-z]+/g) ?? [],
  ),
);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A whole-token match: not inside a longer id or word (letters, digits, `_`, `-` around it). */
const tokenPattern = (ids: readonly string[]) =>
  ids.length === 0
    ? null
    : new RegExp(
        `(?<![\\w-])(${[...ids]
          .sort((a, b) => b.length - a.length)
          .map(escape)
          .join('|')})(?![\\w-])`,
        'g',
      );

/** A hyphenated token of letters and digits (a code when it holds a digit). */
const CODE = /(?<![\w-])[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)+(?![\w-])/g;

function around(text: string, index: number, length: number): string {
  return text.slice(Math.max(0, index - 30), index + length + 30).replace(/\s+/g, ' ');
}

/** Every offence in the texts; an empty list is a screen a user can read. */
export function findOffences(texts: readonly VisibleText[], rules: TextRules): Offence[] {
  const zh = rules.locale === 'zh-CN';
  const extra = rules.ids ?? [];
  const idPattern = tokenPattern([...distinctIds, ...extra, ...(zh ? wordIds : [])]);
  const allowed = new Set<string>([...LATIN_ALLOWED, ...(rules.allow ?? []), ...nameWords]);
  const offences: Offence[] = [];
  for (const { where, text } of texts) {
    const spans: [number, number][] = [];
    for (const m of idPattern ? text.matchAll(idPattern) : []) {
      spans.push([m.index, m.index + m[0].length]);
      offences.push({ where, found: m[0], kind: 'raw-id', context: around(text, m.index, m[0].length) });
    }
    if (!zh) continue;
    // Codes a ledger or CRM gives its records (deal tx-2026-000264, customer cust-004-002): hyphenated
    // tokens with a number in them, read as they are in any language. `half-up` is no code.
    for (const m of text.matchAll(CODE)) if (/\d/.test(m[0])) spans.push([m.index, m.index + m[0].length]);
    for (const m of text.matchAll(/(?<![A-Za-z0-9_])[A-Za-z]{2,}(?![A-Za-z0-9_])/g)) {
      const inId = spans.some(([from, to]) => m.index >= from && m.index < to);
      if (inId || allowed.has(m[0])) continue;
      offences.push({ where, found: m[0], kind: 'latin', context: around(text, m.index, m[0].length) });
    }
  }
  return offences;
}

/**
 * The pane's visible text (the preview grid left out) and the cells of every sheet of the preview
 * workbook, one sheet at a time; the sheet on show is shown again at the end.
 */
export async function readVisibleTexts(page: Page): Promise<VisibleText[]> {
  const pane = await page.evaluate(() => {
    const grid = document.querySelector('[data-testid="preview-grid"]');
    const parts: string[] = [];
    const walk = (node: Node) => {
      if (node === grid) return;
      if (node.nodeType === Node.TEXT_NODE) {
        const parent = node.parentElement;
        if (parent && parent.checkVisibility?.() !== false && node.textContent?.trim())
          parts.push(node.textContent.trim());
        return;
      }
      if (node instanceof HTMLElement && node.checkVisibility?.() === false) return;
      node.childNodes.forEach(walk);
    };
    walk(document.body);
    // Text fields show their value, not a text node (a checkbox's or a radio's value is not shown).
    const TEXT_TYPES = ['text', 'search', 'number', 'email', 'tel', 'url'];
    document.querySelectorAll('input, textarea').forEach((el) => {
      const input = el as HTMLInputElement;
      const shown = input.tagName === 'TEXTAREA' || TEXT_TYPES.includes(input.type);
      if (shown && input.checkVisibility?.() !== false && input.value) parts.push(input.value);
    });
    return parts.join('\n');
  });
  const texts: VisibleText[] = [{ where: 'pane', text: pane }];
  // A hidden sheet (the Lists a template's drop-downs read) is not on show in Excel.
  const tabs = page.locator('[data-testid^="sheet-tab-"]:not([data-hidden="true"])');
  const names = await tabs.evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.slice(10)));
  const table = page.getByTestId('preview-table');
  const shown = names.length > 0 ? await table.getAttribute('data-sheet').catch(() => null) : null;
  for (const name of names) {
    await page.getByTestId(`sheet-tab-${name}`).click();
    await page.waitForFunction(
      (n) => document.querySelector('[data-testid="preview-table"]')?.getAttribute('data-sheet') === n,
      name,
    );
    const cells = await table
      .locator('tr:not([data-hidden="true"]) > td[data-address]')
      .evaluateAll((tds) => tds.map((td) => (td as HTMLElement).innerText.trim()).filter(Boolean));
    texts.push({ where: `sheet tab`, text: name }, { where: `sheet ${name}`, text: cells.join('\n') });
  }
  if (shown) await page.getByTestId(`sheet-tab-${shown}`).click();
  return texts;
}

/** Reads the page and answers its offences (`expect(await offencesOn(page, rules)).toEqual([])`). */
export async function offencesOn(page: Page, rules: TextRules): Promise<Offence[]> {
  return findOffences(await readVisibleTexts(page), rules);
}
