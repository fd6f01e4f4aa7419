// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { chartPicture, KEY_HEIGHT, pictureName, TITLE_HEIGHT } from './chartImage';

function chart(width: number, height: number): SVGSVGElement {
  const host = document.createElement('div');
  host.innerHTML = `<svg class="recharts-surface" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><rect x="10" y="10" width="20" height="40" fill="#b3261e"></rect><text x="5" y="5" font-size="11">胶东街道</text></svg>`;
  return host.firstElementChild as SVGSVGElement;
}

describe('a chart as a picture', () => {
  it('puts the title above the chart and the key below, on white', () => {
    const picture = chartPicture(chart(600, 280), '各类别等次分布', [
      { label: '优秀', color: '#b3261e' },
      { label: '良好', color: '#d98e04' },
    ]);
    expect([picture.width, picture.height]).toEqual([600, TITLE_HEIGHT + 280 + KEY_HEIGHT]);
    const svg = new DOMParser().parseFromString(picture.markup, 'image/svg+xml').documentElement;
    expect(svg.getAttribute('width')).toBe('600');
    expect(svg.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
    const texts = [...svg.querySelectorAll('text')].map((t) => t.textContent);
    expect(texts).toEqual(['各类别等次分布', '胶东街道', '优秀', '良好']);
    const inner = svg.querySelector('svg');
    expect([inner?.getAttribute('y'), inner?.getAttribute('height')]).toEqual([String(TITLE_HEIGHT), '280']);
    expect(svg.querySelector('rect')?.getAttribute('fill')).toBe('#ffffff');
  });

  it('leaves out the key when the chart has none', () => {
    expect(chartPicture(chart(500, 240), '各镇街群众满意度', []).height).toBe(TITLE_HEIGHT + 240);
  });

  it('names the file by assessment and chart', () => {
    expect(pictureName('2024年度胶州市', '考核总分（镇街党（工）委书记 / A类）')).toBe('2024年度胶州市-考核总分（镇街党（工）委书记_A类）.png');
  });
});
