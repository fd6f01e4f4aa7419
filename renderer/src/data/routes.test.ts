import { describe, expect, it } from 'vitest';
import { PRINT_KINDS } from '../../../shared/model';
import { hrefOf, parseHash, printHref, screenHref, SCREENS, type Route } from './routes';

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
    ['#/a/abc/print/individual', { name: 'print', assessmentId: 'abc', kind: 'individual' }],
    ['#/a/abc/print/tally/', { name: 'print', assessmentId: 'abc', kind: 'tally' }],
    ['#/a/abc/print', { name: 'print', assessmentId: 'abc', kind: 'ranking' }],
    ['#/a/abc/print/poster', { name: 'notFound', path: '/a/abc/print/poster' }],
    ['#/a/abc/print/ranking/extra', { name: 'notFound', path: '/a/abc/print/ranking/extra' }],
    ['#/a/abc/results/ranking', { name: 'notFound', path: '/a/abc/results/ranking' }],
    ['#/a/abc/exchange', { name: 'assessment', assessmentId: 'abc', screen: 'exchange' }],
    ['#/backups', { name: 'backups' }],
    ['#/backups/', { name: 'backups' }],
    ['#/backups/x', { name: 'notFound', path: '/backups/x' }],
    ['#/help', { name: 'help' }],
    ['#/a/abc/help', { name: 'assessment', assessmentId: 'abc', screen: 'help' }],
  ])('%s', (hash, route) => {
    expect(parseHash(hash)).toEqual(route);
  });

  it('reads back every screen it writes, ids with any characters included', () => {
    for (const screen of SCREENS) {
      for (const assessmentId of ['x', '2024/胶州 #1', 'a?b&c']) {
        expect(parseHash(screenHref(assessmentId, screen))).toEqual({ name: 'assessment', assessmentId, screen });
      }
    }
    for (const kind of PRINT_KINDS) {
      expect(parseHash(printHref('2024/胶州 #1', kind))).toEqual({ name: 'print', assessmentId: '2024/胶州 #1', kind });
    }
    expect(hrefOf({ name: 'list' })).toBe('#/');
    expect(parseHash(hrefOf({ name: 'backups' }))).toEqual({ name: 'backups' });
  });
});
