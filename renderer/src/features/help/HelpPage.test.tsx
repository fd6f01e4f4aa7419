// @vitest-environment happy-dom
/** 使用说明: every link of the guide resolves to a screen or print of the app; every screen is explained. */
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { PRINT_KINDS } from '../../../../shared/model';
import { parseHash, SCREENS } from '../../data/routes';
import { FILES, PROBLEMS, SCREEN_PURPOSES, STEPS } from './guide';
import { HelpPage } from './HelpPage';

afterEach(cleanup);

describe('使用说明', () => {
  it('explains every screen of the navigation, and nothing that is not one', () => {
    expect(Object.keys(SCREEN_PURPOSES).sort()).toEqual(SCREENS.filter((s) => s !== 'help').sort());
  });

  it('links only to screens and prints the app has', () => {
    const links = [...STEPS.flatMap((s) => s.links), ...PROBLEMS.flatMap((p) => p.links), ...FILES.map((f) => ({ screen: f.into }))];
    for (const link of links) {
      if ('screen' in link) expect(SCREENS).toContain(link.screen);
      else expect(PRINT_KINDS).toContain(link.print);
    }
  });

  it('inside an assessment, every link on the page resolves to a route of that assessment', () => {
    render(<HelpPage assessmentId="a1" />);
    const hrefs = [...document.querySelectorAll('[data-testid="help-page"] a')].map((a) => a.getAttribute('href') ?? '');
    expect(hrefs.length).toBeGreaterThan(20);
    for (const href of hrefs) {
      const route = parseHash(href);
      expect(route.name, href).not.toBe('notFound');
      expect('assessmentId' in route && route.assessmentId, href).toBe('a1');
    }
    // the steps in order, first to last
    const steps = [...document.querySelectorAll('.help-steps > li > strong')].map((s) => s.textContent);
    expect(steps).toEqual(STEPS.map((s) => s.title));
  });

  it('outside an assessment the names are words, and the page says how to follow them', () => {
    render(<HelpPage />);
    expect(document.querySelectorAll('[data-testid="help-page"] a')).toHaveLength(0);
    expect(screen.getByText('打开一次考核后，本页中的页面名称可直接点击前往。')).toBeTruthy();
  });
});
