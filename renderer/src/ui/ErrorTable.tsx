import type { InputError } from '../../../shared/model/errors';
import { Table } from './Table';

/** Every error of an input at once: 工作表 / 行 / 列 / 说明. */
export function ErrorTable({ errors, title }: { errors: readonly InputError[]; title?: string }) {
  return (
    <div className="error-table" role="alert" data-testid="error-table">
      <p className="error-summary">{title ?? `发现 ${errors.length} 处错误，未导入任何数据。请修改文件后重新导入。`}</p>
      <Table
        columns={[
          { key: 'sheet', header: '工作表', render: (e) => e.sheet ?? '', width: '9em' },
          { key: 'row', header: '行', render: (e) => (e.row !== undefined ? `第${e.row}行` : ''), width: '6em' },
          { key: 'column', header: '列', render: (e) => e.column ?? '', width: '10em' },
          { key: 'message', header: '说明', render: (e) => <span className="wrap">{e.message}</span> },
        ]}
        rows={errors}
        rowKey={(_, i) => String(i)}
      />
    </div>
  );
}
