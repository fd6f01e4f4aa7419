/** One print, chosen by kind: the body of a print page or of a PDF. */
import { ApprovalSheet, AwardsList, CadreEntries, FeedbackLetters, TermForms } from './Aftermath';
import { BallotSheets, TallySheets } from './BallotSheets';
import { IndividualForms } from './IndividualForm';
import type { PrintData, PrintKind } from './model';
import { NoticeList } from './NoticeList';
import { RankingTables } from './RankingTable';
import { SummaryTable } from './SummaryTable';

export function PrintBody({ kind, data }: { kind: PrintKind; data: PrintData }) {
  switch (kind) {
    case 'ranking':
      return <RankingTables data={data} />;
    case 'summary':
      return <SummaryTable data={data} />;
    case 'notice':
      return <NoticeList data={data} />;
    case 'individual':
      return <IndividualForms data={data} />;
    case 'ballots':
      return <BallotSheets data={data} />;
    case 'tally':
      return <TallySheets data={data} />;
    case 'awards':
      return <AwardsList data={data} />;
    case 'approval':
      return <ApprovalSheet data={data} />;
    case 'feedback':
      return <FeedbackLetters data={data} />;
    case 'cadre':
      return <CadreEntries data={data} />;
    case 'term':
      return <TermForms data={data} />;
  }
}

export function PrintDocument({ kind, data }: { kind: PrintKind; data: PrintData }) {
  return (
    <div className={`print-doc print-${kind}`}>
      <PrintBody kind={kind} data={data} />
    </div>
  );
}
