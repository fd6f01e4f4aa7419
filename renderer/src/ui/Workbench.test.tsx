// @vitest-environment happy-dom
/** The workbench of 考评 and 测评: the list filters by status, Alt+↓/↑ and a save move on, Enter in the search gives the work the focus. */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { secretary } from '../../../shared/method/testing';
import { Workbench, type WorkbenchMoves } from './Workbench';

const roster = ['王明', '李强', '张华', '刘洋'].map((name, i) => secretary(`S${i + 1}`, { name }));
type Status = 'none' | 'firstEntered';
const LABELS: Record<Status, string> = { none: '未录入', firstEntered: '待第二次录入' };
const status: Record<string, Status> = { S1: 'firstEntered', S2: 'none', S3: 'firstEntered', S4: 'none' };
let moves: WorkbenchMoves | undefined;

const view = () =>
  render(
    <Workbench
      secretaries={roster}
      statusOf={(s) => status[s.id]!}
      statusLabels={LABELS}
      statusBadges={{ none: 'badge-warn', firstEntered: 'badge-warn' }}
      rosterHref="#/a/x/roster"
      placeKey="test"
    >
      {(s, m) => {
        moves = m;
        return (
          <div data-testid="work">
            {s.id} <select aria-label="录入员" /> <input aria-label="发出票数" data-start="" />
          </div>
        );
      }}
    </Workbench>,
  );
const current = () => screen.getByTestId('work').textContent?.trim();
const altKey = (key: 'ArrowDown' | 'ArrowUp') => fireEvent.keyDown(window, { key, altKey: true });

afterEach(() => {
  cleanup();
  sessionStorage.clear();
});

describe('Workbench', () => {
  it('goes to the next and previous secretary with Alt+↓ and Alt+↑, and says so', () => {
    view();
    expect(current()).toBe('S1');
    expect(screen.getByRole('navigation').textContent).toContain('Alt+↓ 下一位　Alt+↑ 上一位');
    altKey('ArrowDown');
    altKey('ArrowDown');
    expect(current()).toBe('S3');
    altKey('ArrowUp');
    expect(current()).toBe('S2');
    // a plain arrow stays with the field
    fireEvent.keyDown(window, { key: 'ArrowDown' });
    expect(current()).toBe('S2');
  });

  it('filters by status with counts, and moves within what the filter shows', () => {
    view();
    const filter = screen.getByLabelText('按状态筛选');
    expect(
      within(filter)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['全部（4）', '未录入（2）', '待第二次录入（2）']);
    altKey('ArrowDown');
    expect(current()).toBe('S2');
    // S2 is not 待第二次录入: the filter opens the first it shows
    fireEvent.change(filter, { target: { value: 'firstEntered' } });
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual([expect.stringContaining('S1'), expect.stringContaining('S3')]);
    expect(current()).toBe('S1');
    act(() => void expect(moves!.next()).toBe(true));
    expect(current()).toBe('S3');
    act(() => void expect(moves!.next()).toBe(false));
    expect(current()).toBe('S3');
  });

  it('takes the first match with Enter in the search and gives the work the focus', () => {
    view();
    const search = screen.getByLabelText('搜索编号或姓名');
    fireEvent.change(search, { target: { value: '刘' } });
    fireEvent.keyDown(search, { key: 'Enter' });
    expect(current()).toBe('S4');
    expect(document.activeElement).toBe(screen.getByLabelText('发出票数'));
    // the search was a jump: the whole list again, to walk on from S4
    expect(screen.getByLabelText<HTMLInputElement>('搜索编号或姓名').value).toBe('');
    altKey('ArrowUp');
    expect(current()).toBe('S3');
  });

  it('finds the same secretary and filter after leaving the screen', () => {
    const first = view();
    fireEvent.change(screen.getByLabelText('按状态筛选'), { target: { value: 'none' } });
    altKey('ArrowDown');
    expect(current()).toBe('S4');
    first.unmount();
    view();
    expect(current()).toBe('S4');
    expect(screen.getByLabelText<HTMLSelectElement>('按状态筛选').value).toBe('none');
  });
});
