import { expect } from 'vitest';
import type { Page } from 'playwright-core';

/**
 * Ends the toasts on screen now, as their timers would. A toast's timer is a CSS animation, so
 * `expectNoSeriousViolations`, which lets running animations finish, would wait it out and then
 * measure the toast's colours while it fades away.
 */
export async function endToasts(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const animation of document.getAnimations()) {
      const target = (animation.effect as KeyframeEffect | null)?.target;
      if (target instanceof Element && target.closest('.fui-Toaster')) animation.finish();
    }
  });
  await expect.poll(() => page.locator('.fui-Toaster [role="listitem"]').count()).toBe(0);
}
