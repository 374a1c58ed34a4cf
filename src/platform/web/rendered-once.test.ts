import nunjucks from 'nunjucks';
import { describe, expect, it } from 'vitest';
import { renderedOnce } from './rendered-once.ts';
import { configureNunjucks } from './view-engine.ts';

const probity = new nunjucks.Environment([], { autoescape: true });
configureNunjucks(probity);
const render = (template: string, context: Record<string, unknown> = {}) =>
  probity.renderString(template, context);

const radios = `{{ govukRadios({ name: "decision", items: items, value: value,
  hint: { html: hint }, errorMessage: { text: error } if error }) }}`;
const items = [
  { value: 'yes', text: 'Yes <really>', conditional: { html: '<p class="x">More</p>' } },
  { value: 'no', text: 'No' },
];

describe('a GOV.UK component rendered once for each set of parameters', () => {
  it('gives what the component gives, the first time and every time after', () => {
    const first = render(radios, { items, value: 'yes', hint: 'A hint' });
    expect(first).toContain('value="yes" checked');
    expect(first).toContain('Yes &lt;really&gt;');
    expect(render(radios, { items, value: 'yes', hint: 'A hint' })).toBe(first);
  });

  it('renders afresh for different parameters: what was typed, an error, safe or plain text', () => {
    const chosen = render(radios, { items, value: 'no', hint: 'A hint' });
    expect(chosen).toContain('value="no" checked');
    expect(chosen).not.toContain('value="yes" checked');
    expect(render(radios, { items, hint: 'A hint', error: 'Choose one' })).toContain('Choose one');
    const plain = render(radios, { items, hint: '<b>bold</b>' });
    const safe = render(radios, { items, hint: new nunjucks.runtime.SafeString('<b>bold</b>') });
    expect(plain).toBe(safe); // a hint's html is not escaped either way
    const text = '{{ govukTag({ text: label }) }}';
    expect(render(text, { label: '<i>x</i>' })).toContain('&lt;i&gt;x&lt;/i&gt;');
    expect(render(text, { label: new nunjucks.runtime.SafeString('<i>x</i>') })).toContain('<i>x</i>');
  });

  it('keeps nothing for parameters JSON cannot say exactly', () => {
    let calls = 0;
    const counted = renderedOnce('counted', (params: unknown) => {
      calls += 1;
      return String(params);
    });
    const twice = (params: unknown, ...more: unknown[]) => {
      counted(params, ...more);
      counted(params, ...more);
    };
    twice({ text: 'kept' });
    expect(calls).toBe(1);
    for (const unkept of [
      { when: new Date('2026-12-06T12:00:00Z') },
      { items: [undefined] },
      { count: Number.NaN },
      { run: () => 'x' },
    ])
      twice(unkept);
    twice({ text: 'kept' }, { caller: () => 'block', __keywords: true });
    expect(calls).toBe(1 + 4 * 2 + 2);
    twice({ text: 'x'.repeat(10_000) });
    expect(calls).toBe(1 + 4 * 2 + 2 + 2);
  });
});
