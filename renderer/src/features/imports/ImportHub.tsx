/** One button per exchange workbook (docs/formats.md), for the screens that gather data. */
import { ImportButton } from './ImportButton';
import { WORKBOOK_LABELS, type WorkbookKind } from './workbooks';

export function ImportHub({ assessmentId, kinds, disabled }: { assessmentId: string; kinds: WorkbookKind[]; disabled?: boolean }) {
  return (
    <div className="template-buttons" role="group" aria-label="导入工作簿">
      <span className="field-label">导入工作簿：</span>
      {kinds.map((kind) => (
        <ImportButton
          key={kind}
          label={`导入${WORKBOOK_LABELS[kind]}`}
          title={`导入${WORKBOOK_LABELS[kind]}`}
          disabled={disabled ?? false}
          kind={kind}
          assessmentId={assessmentId}
        />
      ))}
    </div>
  );
}
