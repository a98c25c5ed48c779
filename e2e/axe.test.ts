import { describe, expect, it } from 'vitest';
import { describeBlockingViolations } from './axe.ts';

const violation = (id: string, impact: 'minor' | 'moderate' | 'serious' | 'critical', targets: string[][]) => ({
  id,
  impact,
  help: `Help for ${id}`,
  helpUrl: `https://dequeuniversity.com/rules/axe/4.11/${id}`,
  nodes: targets.map((target) => ({ target, html: `<div class="${target.at(-1)}">\n  Text</div>` })),
});

describe('axe violations that fail a page', () => {
  it('keeps serious and critical ones only', () => {
    const found = describeBlockingViolations([
      violation('region', 'moderate', [['main']]),
      violation('color-contrast', 'serious', [['.badge']]),
      violation('heading-order', 'minor', [['h3']]),
      violation('button-name', 'critical', [['#bell']]),
    ]);
    expect(found.map((line) => line.split(' ')[0])).toEqual(['color-contrast', 'button-name']);
  });

  it('names the rule, its impact, every element (frames joined) and the fix', () => {
    const [line] = describeBlockingViolations([
      violation('label', 'critical', [['#email'], ['iframe', 'input[name="q"]']]),
    ]);
    expect(line).toBe(
      'label (critical): Help for label\n' +
        '    at #email  <div class="#email"> Text</div>\n' +
        '    at iframe >> input[name="q"]  <div class="input[name="q"]"> Text</div>\n' +
        '    see https://dequeuniversity.com/rules/axe/4.11/label',
    );
  });

  it('passes a page with nothing serious', () => {
    expect(describeBlockingViolations([violation('region', 'moderate', [['div']])])).toEqual([]);
  });
});
