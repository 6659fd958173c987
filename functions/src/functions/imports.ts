// POST /api/imports?kind=&unitId=&period=: a filled template workbook (the .xlsx bytes) → what it
// holds and the importer's findings; nothing is stored. The upload is hostile until proven
// otherwise: size, ZIP directory, inflated bytes, sheets, rows, cells and strings are all limited
// (413/422 naming the limit), see ../xlsx.
import { isTemplateKind, parsePeriod, templateKinds } from '@teamsheet/shared';
import type { HttpRequest } from '../azure';
import { authenticate, authorize, orgInForce } from '../auth';
import { handler, json, localeOf, readBytes, type HttpLocale } from '../http';
import { route } from '../registry';
import { importWorkbook } from '../xlsx/importWorkbook';
import { UPLOAD_LIMITS, UploadRefused } from '../xlsx/limits';
import { refuse } from '../xlsx/messages';
import { openWorkbook } from '../xlsx/reader';
import { XLSX_CONTENT_TYPE } from '../xlsx/templateWorkbook';

const ACCEPTED_TYPES = [XLSX_CONTENT_TYPE, 'application/octet-stream'];

/** What the query asks for: the template kind, and for plans the unit and period (400 naming the parameter). */
function importAsk(request: HttpRequest, locale: HttpLocale) {
  const kind = request.query.get('kind') ?? '';
  if (!isTemplateKind(kind))
    throw refuse(locale, 400, 'xlsx.bad-kind', { kind, allowed: templateKinds.join(', ') }, 'kind');
  const unitId = request.query.get('unitId') ?? undefined;
  const period = request.query.get('period') ?? undefined;
  const plan = kind === 'targets' || kind === 'goals';
  if (plan && !unitId)
    throw refuse(locale, 400, 'xlsx.bad-query', { name: 'unitId', reason: 'required for plans' }, 'unitId');
  if (plan && (!period || !parsePeriod(period)))
    throw refuse(
      locale,
      400,
      'xlsx.bad-query',
      { name: 'period', reason: 'a period id such as 2026' },
      'period',
    );
  const q = (name: string, fallback: string) => request.query.get(name) ?? fallback;
  const compPlan =
    kind === 'compplan'
      ? { id: q('id', 'imported'), name: q('name', 'Imported plan'), currency: q('currency', 'CNY') }
      : undefined;
  return {
    kind,
    plan,
    ...(unitId ? { unitId } : {}),
    ...(period ? { period } : {}),
    ...(compPlan ? { compPlan } : {}),
  };
}

async function postImport(request: HttpRequest) {
  const locale = localeOf(request);
  const principal = await authenticate(request);
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (!ACCEPTED_TYPES.includes(type))
    throw refuse(locale, 415, 'xlsx.media-type', { type: type || '-' }, 'Content-Type');
  const { plan, ...ask } = importAsk(request, locale);
  // A plan read from a workbook is a unit's plan: only someone who may plan for that unit imports it.
  if (plan) authorize(principal, { unitId: ask.unitId!, org: (await orgInForce()).index, locale });
  try {
    // Within the route's limit (maxFileBytes): a larger upload was refused before it was read.
    const workbook = openWorkbook(await readBytes(request), UPLOAD_LIMITS);
    return json(importWorkbook(workbook, { ...ask, locale }));
  } catch (error) {
    if (error instanceof UploadRefused) throw error.toHttpError(locale);
    throw error;
  }
}

export const imports = route({
  name: 'imports',
  methods: ['POST'],
  route: 'imports',
  maxBodyBytes: UPLOAD_LIMITS.maxFileBytes,
  handler: handler(postImport),
});
