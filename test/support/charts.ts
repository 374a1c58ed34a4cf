// Reads back a chart on a page (web/views/macros/chart.njk): what its drawing is called and says,
// the words on its bars and in its legend, and the rows of the table beside it.

const plainText = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();

const all = (html: string, pattern: RegExp) => [...html.matchAll(pattern)].map((m) => plainText(m[1] ?? ''));

export type ShownChart = {
  title: string;
  description: string;
  /** The words on the bars, category by category, each category's series in turn. */
  values: string[];
  legend: string[];
  /** The table's heading row, then each row. */
  head: string[];
  rows: string[][];
};

export function chartOn(body: string, id: string): ShownChart | null {
  const start = new RegExp(`<figure class="app-chart[^"]*" id="${id}"`).exec(body)?.index ?? -1;
  if (start === -1) return null;
  const figure = body.slice(start, body.indexOf('</figure>', start));
  const svg = figure.slice(figure.indexOf('<svg'), figure.indexOf('</svg>'));
  if (!/role="img"/.test(svg) || !svg.includes(`aria-labelledby="${id}-title ${id}-desc"`)) return null;
  const table = figure.slice(figure.indexOf('<table'), figure.indexOf('</table>'));
  const body_ = table.slice(table.indexOf('<tbody'));
  return {
    title: all(svg, /<title[^>]*>([\s\S]*?)<\/title>/g)[0] ?? '',
    description: all(svg, /<desc[^>]*>([\s\S]*?)<\/desc>/g)[0] ?? '',
    values: all(svg, /<text class="app-chart__value"[^>]*>([\s\S]*?)<\/text>/g),
    legend: all(svg, /<text class="app-chart__legend"[^>]*>([\s\S]*?)<\/text>/g),
    head: all(table.slice(0, table.indexOf('</thead>')), /<th scope="col"[^>]*>([\s\S]*?)<\/th>/g),
    rows: [...body_.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((row) =>
      all(row[1] ?? '', /<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g),
    ),
  };
}
