import { describe, expect, it } from 'vitest';
import { hrefOf, parseHash, screenHref, SCREENS, type Route } from './router';

describe('hash router', () => {
  it.each<[string, Route]>([
    ['', { name: 'list' }],
    ['#', { name: 'list' }],
    ['#/', { name: 'list' }],
    ['#/a/abc/results', { name: 'assessment', assessmentId: 'abc', screen: 'results' }],
    ['#/a/abc/results/', { name: 'assessment', assessmentId: 'abc', screen: 'results' }],
    ['#/a/abc', { name: 'assessment', assessmentId: 'abc', screen: 'overview' }],
    ['#/a/%E8%83%B6%E5%B7%9E/roster', { name: 'assessment', assessmentId: '胶州', screen: 'roster' }],
    ['#/a/abc/nothing', { name: 'notFound', path: '/a/abc/nothing' }],
    ['#/a/abc/results/extra', { name: 'notFound', path: '/a/abc/results/extra' }],
    ['#/elsewhere', { name: 'notFound', path: '/elsewhere' }],
    ['#/a/%E0%A4%A/roster', { name: 'notFound', path: '/a/%E0%A4%A/roster' }],
  ])('%s', (hash, route) => {
    expect(parseHash(hash)).toEqual(route);
  });

  it('reads back every screen it writes, ids with any characters included', () => {
    for (const screen of SCREENS) {
      for (const assessmentId of ['x', '2024/胶州 #1', 'a?b&c']) {
        expect(parseHash(screenHref(assessmentId, screen))).toEqual({ name: 'assessment', assessmentId, screen });
      }
    }
    expect(hrefOf({ name: 'list' })).toBe('#/');
  });
});
