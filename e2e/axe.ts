import { AxeBuilder } from '@axe-core/playwright';
import type { Result } from 'axe-core';
import type { Page } from 'playwright-core';

/** The WCAG 2.1 A and AA rules: the console's accessibility bar (issue 10). */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Impacts that fail a page; minor and moderate findings are left to review. */
const BLOCKING = new Set(['serious', 'critical']);

type Violation = Pick<Result, 'id' | 'impact' | 'help' | 'helpUrl'> & {
  nodes: Pick<Result['nodes'][number], 'target' | 'html'>[];
};

/** The violations that fail a page, as a list a reader can act on: rule, impact, where, and what to do. */
export function describeBlockingViolations(violations: readonly Violation[]): string[] {
  return violations
    .filter((violation) => violation.impact && BLOCKING.has(violation.impact))
    .map((violation) => {
      // Generated class names say little: the element's own markup shows which control it is.
      const targets = violation.nodes.map(
        (node) => `${node.target.map(String).join(' >> ')}  ${node.html.replace(/\s+/g, ' ').slice(0, 160)}`,
      );
      return `${violation.id} (${violation.impact}): ${violation.help}\n    at ${targets.join('\n    at ')}\n    see ${violation.helpUrl}`;
    });
}

/**
 * Runs axe-core on the page as it is now (call it once the page has loaded its data) and fails
 * with every serious or critical WCAG 2.1 A/AA violation, so one run shows all there is to fix.
 */
export async function expectNoSeriousViolations(page: Page, where = page.url()): Promise<void> {
  // A popover or dialog still fading in is partly transparent, and axe would measure its colours
  // mid-way (a link's contrast read too low on a loaded machine): let running animations finish.
  // Not a toast's timer, though (a CSS animation as long as the toast stays): waiting it out would
  // have axe measure the toast as it fades away; the toast is checked while it is shown.
  await page.evaluate(`Promise.all(document.getAnimations()
    .filter((a) => a.effect?.getTiming().iterations !== Infinity)
    .filter((a) => !(a.effect?.target?.closest?.('.fui-Toaster') && Number(a.effect.getTiming().duration) >= 1000))
    .map((a) => a.finished.catch(() => undefined)))`);
  // Legacy mode runs in the page itself: the default opens a helper page in the page's context,
  // which pages made with browser.newPage() (most browser tests) refuse.
  const results = await new AxeBuilder({ page })
    .withTags(WCAG_TAGS)
    // Fluent's focus manager (tabster) puts hidden, focusable bumpers around toolbars, lists and
    // dialogs that hand focus straight on; axe reads them as aria-hidden-focus, a known false
    // positive (microsoft/tabster#288) that Microsoft's own Accessibility Insights leaves out too.
    .exclude('[data-tabster-dummy]')
    .setLegacyMode(true)
    .analyze();
  const blocking = describeBlockingViolations(results.violations);
  if (blocking.length > 0) {
    throw new Error(
      `axe found ${blocking.length} serious or critical violation(s) on ${where}:\n  ${blocking.join('\n  ')}`,
    );
  }
}
