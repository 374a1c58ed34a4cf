import type PDFDocument from 'pdfkit';
import type { Chart, ChartShape, SeriesStyle } from './charts/chart.ts';

// A chart's shapes drawn on a PDF page, as the page's SVG draws them (web/views/macros/chart.njk):
// the same places, words, colours and fill patterns, scaled to the column.

type Doc = InstanceType<typeof PDFDocument>;

/** Printed a little smaller than the page shows it, so that its words sit near the body text's size. */
export const printScale = 0.85;
type Place = { left: number; top: number; scale: number };

type Fonts = { regular: string; bold: string; clean: (text: string) => string };

/** Draws the chart at the current position, no wider than `width`, and moves below it. */
export function drawChart(doc: Doc, chart: Chart, width: number, fonts: Fonts) {
  const scale = Math.min(printScale, width / chart.width);
  const place = { left: doc.page.margins.left, top: doc.y, scale };
  for (const shape of chart.shapes) {
    if (shape.kind === 'bar') bar(doc, shape, chart.series[shape.series], place);
    else if (shape.kind === 'line') line(doc, shape, chart, place);
    else text(doc, shape, chart, place, fonts);
  }
  doc.x = doc.page.margins.left;
  doc.y = place.top + chart.height * scale;
}

const at = (place: Place, x: number, y: number) =>
  [place.left + x * place.scale, place.top + y * place.scale] as const;

function bar(
  doc: Doc,
  shape: Extract<ChartShape, { kind: 'bar' }>,
  series: SeriesStyle | undefined,
  place: Place,
) {
  if (!series) return;
  const [x, y] = at(place, shape.x, shape.y);
  const [w, h] = [shape.width * place.scale, shape.height * place.scale];
  doc.save();
  if (series.fill === 'solid') doc.rect(x, y, w, h).fill(series.colour);
  else {
    doc.rect(x, y, w, h).clip();
    doc.rect(x, y, w, h).fill('#ffffff');
    pattern(doc, series, x, y, w, h, place.scale);
  }
  doc.restore();
  doc
    .rect(x, y, w, h)
    .lineWidth(1.5 * place.scale)
    .strokeColor(series.colour)
    .stroke();
}

// The SVG's patterns: stripes at 45 degrees (hatched), a lattice at 45 degrees (crossed), or dots,
// every 8 units.
function pattern(doc: Doc, series: SeriesStyle, x: number, y: number, w: number, h: number, scale: number) {
  const gap = 8 * scale;
  doc.fillColor(series.colour).strokeColor(series.colour);
  if (series.fill === 'dotted') {
    for (let cy = y + gap / 2; cy < y + h + gap; cy += gap)
      for (let cx = x + gap / 2; cx < x + w + gap; cx += gap) doc.circle(cx, cy, 2.2 * scale).fill();
    return;
  }
  const stripes = (direction: 1 | -1) => {
    for (let offset = -h - gap; offset < w + h + gap; offset += gap * Math.SQRT2) {
      const start = direction === 1 ? x + offset : x + w - offset;
      doc
        .moveTo(start, y + h)
        .lineTo(start + direction * (h + gap), y - gap)
        .lineWidth((series.fill === 'hatched' ? 3.5 : 2.5) * scale)
        .stroke();
    }
  };
  stripes(1);
  if (series.fill === 'crossed') stripes(-1);
}

function line(doc: Doc, shape: Extract<ChartShape, { kind: 'line' }>, chart: Chart, place: Place) {
  const look = chart.look.line[shape.style];
  const [x1, y1] = at(place, shape.x1, shape.y1);
  const [x2, y2] = at(place, shape.x2, shape.y2);
  doc.save();
  doc
    .moveTo(x1, y1)
    .lineTo(x2, y2)
    .lineWidth(look.width * place.scale)
    .strokeColor(look.colour);
  if (look.dash) doc.dash(look.dash[0] * place.scale, { space: look.dash[1] * place.scale });
  doc.stroke();
  doc.restore();
}

function text(
  doc: Doc,
  shape: Extract<ChartShape, { kind: 'text' }>,
  chart: Chart,
  place: Place,
  fonts: Fonts,
) {
  const look = chart.look.text[shape.style];
  const [x, y] = at(place, shape.x, shape.y);
  doc
    .font(look.bold ? fonts.bold : fonts.regular)
    .fontSize(look.size * place.scale)
    .fillColor(look.colour);
  const words = fonts.clean(shape.text);
  const width = doc.widthOfString(words);
  const left = shape.anchor === 'start' ? x : shape.anchor === 'middle' ? x - width / 2 : x - width;
  // A white ground under the words, as the page's white edge, so that no grid or target line cuts them.
  const size = look.size * place.scale;
  doc.save();
  doc.rect(left - 1.5, y - size * 0.8, width + 3, size * 1.0).fill('#ffffff');
  doc.restore();
  doc.fillColor(look.colour).text(words, left, y, { lineBreak: false, baseline: 'alphabetic' });
}
