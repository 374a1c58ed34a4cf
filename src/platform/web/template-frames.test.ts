import nunjucks from 'nunjucks';
import { describe, expect, it } from 'vitest';
import { configureNunjucks } from './view-engine.ts';

const probity = new nunjucks.Environment([], { autoescape: true });
configureNunjucks(probity);

// What nunjucks 3.2 as it ships renders for the same template (its own Frame.prototype.set).
const template = `{% set total = 0 %}{% for row in rows %}{% set total = total + row.n %}{% for cell in row.cells %}{{ loop.index }}/{{ loop.length }}{{ "," if not loop.last }}{% endfor %}{{ ";" if not loop.last else "|" }}{% endfor %}{{ total }}|{% for k, v in {a: 1, b: 2} %}{{ k }}={{ v }}{{ loop.first }}{% endfor %}|{% macro m(x) %}{% set y = x * 2 %}{{ y }}{% endmacro %}{{ m(4) }}{{ y }}`;

describe('assignment in templates', () => {
  it('is as nunjucks makes it: loops’ own variables, a set inside a loop, a macro’s own', () => {
    const rows = [
      { n: 1, cells: ['a', 'b'] },
      { n: 2, cells: ['c'] },
    ];
    for (let time = 0; time < 2; time++)
      expect(probity.renderString(template, { rows })).toBe('1/2,2/2;1/1|3|a=1trueb=2false|8');
  });
});
