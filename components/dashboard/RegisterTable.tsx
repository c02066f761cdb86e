import type { DocumentRecord } from '@/utils/documents/document-schema';
import { isForecastDate, useCoveredUntil } from './calendar-coverage';
import { useEnv } from './env';
import { classificationLabel, statusLabel, urgencyLabel } from './labels';
import { documentHash, type SortField } from './route';

/** The 收文登记簿's columns, in the order of the paper register. */
export const COLUMNS = [
  'registrationNo',
  'receivedDate',
  'issuer',
  'docNumber',
  'title',
  'classification',
  'copies',
  'urgency',
  'deadline',
  'currentHolder',
  'status',
] as const satisfies readonly SortField[];

type Column = (typeof COLUMNS)[number];

export interface RegisterTableProps {
  rows: DocumentRecord[];
  sort: SortField;
  direction: 'asc' | 'desc';
  onSort: (field: SortField) => void;
  today: string;
}

export function RegisterTable({ rows, sort, direction, onSort, today }: RegisterTableProps) {
  const { t, navigate } = useEnv();
  return (
    <table class="register" data-testid="register-table">
      <thead>
        <tr>
          {COLUMNS.map((column) => (
            <th key={column} scope="col" aria-sort={sort === column ? (direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
              <button type="button" class="sort" onClick={() => onSort(column)}>
                {t(`field.${column}`)}
                <span class="arrow" aria-hidden="true">{sort === column ? (direction === 'asc' ? '▲' : '▼') : ''}</span>
              </button>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((doc) => {
          const overdue = !!doc.dueDate && doc.dueDate < today;
          return (
            <tr
              key={doc.id}
              class={overdue ? 'overdue' : undefined}
              data-testid="register-row"
              data-id={doc.id}
              onClick={(e) => {
                if (!(e.target instanceof Element && e.target.closest('a'))) navigate(documentHash(doc.id));
              }}
            >
              {COLUMNS.map((column) => (
                <td key={column} class={`col-${column}`}>
                  <Cell doc={doc} column={column} overdue={overdue} />
                </td>
              ))}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function Cell({ doc, column, overdue }: { doc: DocumentRecord; column: Column; overdue: boolean }) {
  const { t } = useEnv();
  switch (column) {
    case 'registrationNo':
      return <a href={documentHash(doc.id)}>{doc.registrationNo}</a>;
    case 'title':
      return <span title={doc.title}>{doc.title}</span>;
    case 'classification':
      return <>{classificationLabel(doc.classification, t)}</>;
    case 'urgency':
      return <>{urgencyLabel(doc.urgency, t)}</>;
    case 'status':
      return <>{statusLabel(doc.status, t)}</>;
    case 'deadline':
      return (
        <>
          {doc.deadline ?? ''}
          {doc.deadlineWorkingDays && <ForecastMark date={doc.deadline} />}
          {overdue && (
            <span class="overdue-mark" title={t('register.overdueSince', { date: doc.dueDate ?? '' })}>
              {t('register.overdue')}
            </span>
          )}
        </>
      );
    default:
      return <>{doc[column] ?? ''}</>;
  }
}

/** 推算: the deadline was counted in working days past the official holiday arrangement. */
function ForecastMark({ date }: { date: string | undefined }) {
  const { t } = useEnv();
  const covered = useCoveredUntil();
  if (!isForecastDate(date, covered)) return null;
  return (
    <span class="forecast-mark" data-testid="forecast-mark" title={t('deadline.forecast')}>
      {t('deadline.forecastShort')}
    </span>
  );
}
