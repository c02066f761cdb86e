import { CLASSIFICATIONS, DOCUMENT_STATUSES, isClassification, type Classification } from '@/utils/documents/document-values';
import type { DocumentStatus } from '@/utils/documents/document-schema';
import type { Request } from '@/utils/messaging/protocol';
import { SORT_FIELDS, type RegisterFilter } from '@/utils/register/register-query';

export const PAGE_SIZE = 50;

export type SortField = (typeof SORT_FIELDS)[number];
export type StatusFilter = DocumentStatus | 'open';

/** What the register shows, kept in the hash (`#/?status=open&overdue=1&page=2`) so a link or a notification can open it. */
export interface RegisterParams {
  status?: StatusFilter;
  overdue: boolean;
  classification: Classification[];
  from?: string;
  to?: string;
  text?: string;
  sort: SortField;
  direction: 'asc' | 'desc';
  page: number;
}

export type Route =
  | { page: 'register'; params: RegisterParams }
  | { page: 'doc'; id: string }
  | { page: 'settings' }
  /** The whole ledger: a paper (fax, 机要交通, e-mail) document, the 督办台账, importing an old 收文登记簿, statistics. */
  | { page: 'new' }
  | { page: 'supervision'; unit?: string; state?: 'overdue' | 'soon' }
  | { page: 'print-supervision'; unit?: string; state?: 'overdue' | 'soon' }
  | { page: 'print-chase'; id: string }
  | { page: 'import' }
  | { page: 'stats'; from?: string; to?: string }
  | { page: 'print-stats'; from?: string; to?: string }
  | { page: 'print-register'; params: RegisterParams }
  | { page: 'print-slip'; id: string }
  /** A profile taught with 教我识别, waiting for the clerk's confirmation (see ConfirmProfile). */
  | { page: 'confirm-profile'; id: string }
  /** Export and backup; the params are the register's filters the export starts from. */
  | { page: 'backup'; params: RegisterParams };

export const DEFAULT_PARAMS: RegisterParams = { overdue: false, classification: [], sort: 'createdAt', direction: 'desc', page: 1 };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const STATUS_FILTERS: readonly string[] = [...DOCUMENT_STATUSES, 'open'];

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : undefined;
}

export function parseRoute(hash: string): Route {
  const [path = '', search = ''] = hash.replace(/^#/, '').split(/\?(.*)/s);
  const doc = /^\/doc\/(.+)$/.exec(path);
  if (doc) return { page: 'doc', id: safeDecode(doc[1]!) };
  const slip = /^\/print\/slip\/(.+)$/.exec(path);
  if (slip) return { page: 'print-slip', id: safeDecode(slip[1]!) };
  const proposal = /^\/confirm-profile\/([\w-]{1,64})$/.exec(path);
  if (proposal) return { page: 'confirm-profile', id: proposal[1]! };
  if (path === '/backup') return { page: 'backup', params: parseParams(new URLSearchParams(search)) };
  if (path === '/print/register') return { page: 'print-register', params: parseParams(new URLSearchParams(search)) };
  if (path === '/settings') return { page: 'settings' };
  if (path === '/new') return { page: 'new' };
  if (path === '/import') return { page: 'import' };
  const chase = /^\/print\/chase\/(.+)$/.exec(path);
  if (chase) return { page: 'print-chase', id: safeDecode(chase[1]!) };
  if (path === '/supervision' || path === '/print/supervision') {
    const query = new URLSearchParams(search);
    const unit = query.get('unit')?.trim().slice(0, 100) || undefined;
    const state = oneOf(['overdue', 'soon'] as const, query.get('state'));
    return { page: path === '/supervision' ? 'supervision' : 'print-supervision', ...(unit && { unit }), ...(state && { state }) };
  }
  if (path === '/stats' || path === '/print/stats') {
    const query = new URLSearchParams(search);
    const date = (name: string) => {
      const value = query.get(name);
      return value && ISO_DATE.test(value) ? value : undefined;
    };
    const from = date('from');
    const to = date('to');
    return { page: path === '/stats' ? 'stats' : 'print-stats', ...(from && { from }), ...(to && { to }) };
  }
  return { page: 'register', params: parseParams(new URLSearchParams(search)) };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function parseParams(search: URLSearchParams): RegisterParams {
  const date = (name: string) => {
    const value = search.get(name);
    return value && ISO_DATE.test(value) ? value : undefined;
  };
  const page = Number(search.get('page'));
  const text = search.get('q')?.trim().slice(0, 100);
  return {
    status: oneOf(STATUS_FILTERS, search.get('status')) as StatusFilter | undefined,
    overdue: search.get('overdue') === '1',
    classification: (search.get('classification') ?? '').split(',').filter(isClassification),
    from: date('from'),
    to: date('to'),
    text: text || undefined,
    sort: oneOf(SORT_FIELDS, search.get('sort')) ?? DEFAULT_PARAMS.sort,
    direction: search.get('dir') === 'asc' ? 'asc' : search.get('dir') === 'desc' ? 'desc' : DEFAULT_PARAMS.direction,
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

export function registerHash(params: RegisterParams): string {
  const search = new URLSearchParams();
  if (params.status) search.set('status', params.status);
  if (params.overdue) search.set('overdue', '1');
  const levels = CLASSIFICATIONS.filter((level) => params.classification.includes(level));
  if (levels.length) search.set('classification', levels.join(','));
  if (params.from) search.set('from', params.from);
  if (params.to) search.set('to', params.to);
  if (params.text) search.set('q', params.text);
  if (params.sort !== DEFAULT_PARAMS.sort || params.direction !== DEFAULT_PARAMS.direction) {
    search.set('sort', params.sort);
    search.set('dir', params.direction);
  }
  if (params.page > 1) search.set('page', String(params.page));
  const query = search.toString();
  return query ? `#/?${query}` : '#/';
}

export const documentHash = (id: string) => `#/doc/${encodeURIComponent(id)}`;
export const printRegisterHash = (params: RegisterParams) => registerHash({ ...params, page: 1 }).replace(/^#\//, '#/print/register');
export const backupHash = (params: RegisterParams) => registerHash({ ...params, page: 1 }).replace(/^#\//, '#/backup');
export const slipHash = (id: string) => `#/print/slip/${encodeURIComponent(id)}`;
export const SETTINGS_HASH = '#/settings';

/** What the background is asked for (every field the schema defaults is given explicitly). */
export type QuerySent = Extract<Request, { type: 'register.query' }>['query'];

/** The filters alone, as the background takes them (an export starts from these too). */
export function filterOf(params: RegisterParams): RegisterFilter {
  return {
    ...(params.status && { status: params.status }),
    ...(params.overdue && { overdue: true }),
    ...(params.classification.length && { classification: params.classification }),
    ...(params.from && { from: params.from }),
    ...(params.to && { to: params.to }),
    ...(params.text && { text: params.text }),
  };
}

export function toQuery(params: RegisterParams): QuerySent {
  return {
    ...filterOf(params),
    sort: params.sort,
    direction: params.direction,
    offset: (params.page - 1) * PAGE_SIZE,
    limit: PAGE_SIZE,
  };
}

export const NEW_HASH = '#/new';
export const IMPORT_HASH = '#/import';
export const chaseHash = (id: string) => `#/print/chase/${encodeURIComponent(id)}`;

export function supervisionHash(params: { unit?: string; state?: 'overdue' | 'soon' }, print = false): string {
  const search = new URLSearchParams();
  if (params.unit) search.set('unit', params.unit);
  if (params.state) search.set('state', params.state);
  const query = search.toString();
  return `#/${print ? 'print/' : ''}supervision${query ? `?${query}` : ''}`;
}

export function statsHash(params: { from?: string; to?: string }, print = false): string {
  const search = new URLSearchParams();
  if (params.from) search.set('from', params.from);
  if (params.to) search.set('to', params.to);
  const query = search.toString();
  return `#/${print ? 'print/' : ''}stats${query ? `?${query}` : ''}`;
}
