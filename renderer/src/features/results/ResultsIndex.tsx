/** 类别目录: every category with its size and grades, a click away; what the filters keep, when they narrow. */
import type { CategoryResult, Grade } from '../../../../shared/model';
import { gradeCounts, matchesView, type ResultsView } from './view';

export function ResultsIndex({
  categories,
  labels,
  view,
  narrowed,
  onJump,
}: {
  categories: readonly CategoryResult[];
  labels: Record<Grade, string>;
  view: ResultsView;
  narrowed: boolean;
  onJump: (key: string) => void;
}) {
  return (
    <nav className="card results-index" aria-label="类别目录" data-testid="results-index">
      <h2 className="index-title">类别目录</h2>
      <ul>
        {categories.map((c) => {
          const kept = narrowed ? c.rows.filter((r) => matchesView(r, view)).length : c.rows.length;
          return (
            <li key={c.key}>
              <button type="button" className="index-item" disabled={kept === 0} onClick={() => onJump(c.key)} data-category={c.key}>
                <span className="index-label">{c.label}</span>
                <span className="index-size">{narrowed ? `${kept} / ${c.size} 人` : `${c.size} 人`}</span>
                <span className="index-grades">
                  {gradeCounts(c.rows).map(({ grade, count }) => (
                    <span key={grade} className={`grade-${grade}`}>
                      {labels[grade]} {count}
                    </span>
                  ))}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
