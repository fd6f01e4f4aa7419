// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { secretary } from '../../../../shared/method/testing';
import { createAssessment } from '../../db/assessments';
import { db } from '../../db/db';
import { importRoster } from '../../db/imports';
import { lockAssessment } from '../../db/lock';
import { ToastProvider } from '../../ui';
import { PersonPage } from './PersonPage';

let assessmentId: string;

beforeEach(async () => {
  await db.meta.put({ key: 'operator', value: '王敏' });
  assessmentId = await createAssessment(db, { year: 2025, name: '2025年度考核', region: '胶州市', policy: 'jiaozhou' });
  await importRoster({ db, assessmentId, operator: '王敏', sheet: '名册' }, [
    secretary('T4', { name: '李志明', termStart: '2023-03-01', termEnd: '2025-12-31' }),
  ]);
  await lockAssessment(db, assessmentId, '王敏');
});
afterEach(async () => {
  cleanup();
  await db.delete();
  await db.open();
});

describe('the person page of a finalized (定稿) year', () => {
  it('links no one, and still takes the 期满评价 of the term ending with it', async () => {
    render(
      <ToastProvider>
        <PersonPage assessmentId={assessmentId} id="T4" />
      </ToastProvider>,
    );
    const form = await screen.findByRole('form', { name: '期满评价' });
    expect(screen.queryByRole('button', { name: '都不是，确认为新人员' })).toBeNull();
    fireEvent.change(screen.getByLabelText('派出单位和组织部门的期满评价'), { target: { value: 'pass' } });
    fireEvent.change(screen.getByLabelText('评价依据'), { target: { value: '派出单位评价意见' } });
    fireEvent.submit(form);
    await waitFor(() => expect(screen.getByTestId('term-evaluation').textContent).toContain('期满评价：合格（派出单位评价意见；王敏录入）'));
    expect(await db.termEvaluations.count()).toBe(1);
  });
});
