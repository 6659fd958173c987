// Task-pane helpers for browser tests, bound to a Stack: open the pane and sign in as a demo person, open
// a section, read the preview workbook's grid, type into a cell, save a screenshot. Each helper reads
// stack.page when called, so they can be created at module load, before the stack has started.
import path from 'node:path';
import { expect } from 'vitest';
import type { Stack } from './stack';

export function paneOf(stack: Stack) {
  const grid = () => stack.page.getByTestId('preview-table');
  const cell = (address: string) => grid().locator(`td[data-address="${address}"]`);
  return {
    /** The preview workbook's grid of the sheet on show. */
    grid,
    /** One cell of that grid, by A1 address. */
    cell,
    /** Saves test-output/<stack name>/<name>.png. */
    shot: (name: string) => stack.page.screenshot({ path: path.join(stack.shots, `${name}.png`) }),
    /** Opens the task pane and signs in as the first demo person matching `selector` on the sign-in list. */
    async signIn(selector: string) {
      await stack.page.goto(`${stack.base}/taskpane.html`);
      const person = stack.page.locator(selector).first();
      await person.waitFor({ timeout: 30_000 });
      await person.click();
      await stack.page.getByTestId('session').waitFor({ timeout: 20_000 });
    },
    /** Clicks a section in the navigation (nav-<id>) and waits until it is the selected one. */
    async openSection(id: string) {
      await stack.page.getByTestId(`nav-${id}`).click();
      await expect.poll(() => stack.page.getByTestId(`nav-${id}`).getAttribute('aria-selected')).toBe('true');
    },
    /**
     * The primary buttons on show in the section (Fluent draws them filled with white text): a
     * section has at most one, its next step's.
     */
    primaryButtons: () =>
      stack.page
        .getByTestId('page')
        .evaluate((root) =>
          [...root.querySelectorAll('button')]
            .filter((b) => b.checkVisibility() && getComputedStyle(b).color === 'rgb(255, 255, 255)')
            .map((b) => b.textContent ?? ''),
        ),
    /** Shows a sheet of the preview workbook by its tab. */
    async openSheet(name: string) {
      await stack.page.getByTestId(`sheet-tab-${name}`).click();
      await expect.poll(() => grid().getAttribute('data-sheet')).toBe(name);
    },
    /** Types into a preview cell as a person would: double-click, replace the text, Enter. */
    async typeInto(address: string, text: string) {
      await cell(address).dblclick();
      const editor = stack.page.getByTestId('cell-editor');
      await editor.fill(text);
      await editor.press('Enter');
      await expect.poll(() => stack.page.getByTestId('cell-editor').count()).toBe(0);
    },
  };
}
