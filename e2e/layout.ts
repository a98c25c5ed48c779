import type { Locator, Page } from 'playwright-core';

/** How far the page scrolls sideways, in CSS pixels: 0 or less when it fits the window. */
export function pageOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/**
 * How a data grid sits in its box: how far the box around it scrolls sideways, and the text of
 * any header or cell whose content spills over its edge (into the next column or out of the grid).
 */
export function gridFit(grid: Locator): Promise<{ sideways: number; spilling: string[] }> {
  return grid.evaluate((element) => {
    const box = element.parentElement ?? element;
    const cells = [...element.querySelectorAll<HTMLElement>('[role="columnheader"], [role="gridcell"]')];
    return {
      sideways: box.scrollWidth - box.clientWidth,
      spilling: cells.filter((cell) => cell.scrollWidth > cell.clientWidth + 1).map((cell) => cell.textContent ?? ''),
    };
  });
}
