/**
 * A chart as a picture for the meeting's slides: the chart's own SVG, with its title
 * above and the key of colours below drawn into the same SVG, painted on a canvas at
 * twice the size on screen and saved as PNG. All offline: the browser's own canvas.
 */

/** One entry of a chart's key: a grade's label and its colour. */
export interface KeyEntry {
  label: string;
  color: string;
}

export const TITLE_HEIGHT = 36;
export const KEY_HEIGHT = 28;
const FONT = "'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', sans-serif";
const SVG_NS = 'http://www.w3.org/2000/svg';

export interface ChartPicture {
  /** a standalone SVG document */
  markup: string;
  /** its size in CSS pixels; the PNG is twice that */
  width: number;
  height: number;
}

/** The chart's SVG on a white ground, the title above, the key (if any) below. */
export function chartPicture(chart: SVGSVGElement, title: string, key: readonly KeyEntry[]): ChartPicture {
  const width = Math.round(Number(chart.getAttribute('width')) || chart.getBoundingClientRect().width);
  const chartHeight = Math.round(Number(chart.getAttribute('height')) || chart.getBoundingClientRect().height);
  const height = TITLE_HEIGHT + chartHeight + (key.length ? KEY_HEIGHT : 0);
  const doc = chart.ownerDocument;
  const el = <K extends keyof SVGElementTagNameMap>(name: K, attrs: Record<string, string | number>, text?: string) => {
    const node = doc.createElementNS(SVG_NS, name);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
    if (text !== undefined) node.textContent = text;
    return node;
  };

  const root = el('svg', { xmlns: SVG_NS, width, height, viewBox: `0 0 ${width} ${height}`, 'font-family': FONT });
  root.append(el('rect', { x: 0, y: 0, width, height, fill: '#ffffff' }));
  root.append(el('text', { x: width / 2, y: 24, 'text-anchor': 'middle', 'font-size': 16, 'font-weight': 600, fill: '#1f2329' }, title));
  const body = chart.cloneNode(true) as SVGSVGElement;
  body.setAttribute('x', '0');
  body.setAttribute('y', String(TITLE_HEIGHT));
  body.setAttribute('width', String(width));
  body.setAttribute('height', String(chartHeight));
  // text keeps the size recharts gave it, the family is the app's
  body.setAttribute('font-family', FONT);
  root.append(body);

  if (key.length) {
    const y = TITLE_HEIGHT + chartHeight + KEY_HEIGHT / 2;
    // entries about as wide as their labels, centred as a row
    const widths = key.map((k) => 14 + 4 + 13 * [...k.label].length + 16);
    let x = (width - widths.reduce((a, b) => a + b, 0)) / 2;
    key.forEach((k, i) => {
      root.append(el('rect', { x, y: y - 5, width: 10, height: 10, rx: 2, fill: k.color }));
      root.append(el('text', { x: x + 14, y: y + 4, 'font-size': 12, fill: '#4e5561' }, k.label));
      x += widths[i]!;
    });
  }
  return { markup: new XMLSerializer().serializeToString(root), width, height };
}

/** Paints the picture on a canvas at `scale` and returns the PNG's bytes. */
export async function pictureToPng({ markup, width, height }: ChartPicture, scale = 2): Promise<Uint8Array> {
  const image = new Image();
  image.width = width;
  image.height = height;
  const loaded = new Promise<void>((resolve, reject) => {
    image.onload = () => resolve();
    image.onerror = () => reject(new Error('图表无法转为图片'));
  });
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`;
  await loaded;
  const canvas = document.createElement('canvas');
  canvas.width = width * scale;
  canvas.height = height * scale;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('图表无法转为图片');
  ctx.scale(scale, scale);
  ctx.drawImage(image, 0, 0, width, height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('图表无法转为图片');
  return new Uint8Array(await blob.arrayBuffer());
}

/** A file name for the picture: the assessment and the chart, nothing a file system refuses. */
export function pictureName(assessment: string, title: string): string {
  return `${assessment}-${title}.png`.replace(/[\\/:*?"<>|\s]+/g, '_');
}
