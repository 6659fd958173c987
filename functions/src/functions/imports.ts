// POST /api/imports?kind=&unitId=&period=: a filled template workbook (the .xlsx bytes) → what it
// holds and the importer's findings; nothing is stored. The upload is hostile until proven
// otherwise: size, ZIP directory, inflated bytes, sheets, rows, cells and strings are all limited
// (413/422 naming the limit), see ../xlsx.
import { isTemplateKind, parsePeriod, templateKinds, type TemplateKind } from '@teamsheet/shared';
import type { HttpRequest } from '../azure';
import { authenticate, authorize, orgInForce } from '../auth';
import { handler, json, localeOf, readBytes } from '../http';
import { route } from '../registry';
import { importWorkbook } from '../xlsx/importWorkbook';
import { UPLOAD_LIMITS, UploadRefused } from '../xlsx/limits';
import { refuse } from '../xlsx/messages';
import { openWorkbook } from '../xlsx/reader';
import { XLSX_CONTENT_TYPE } from '../xlsx/templateWorkbook';

const ACCEPTED_TYPES = [XLSX_CONTENT_TYPE, 'application/octet-stream'];

async function postImport(request: HttpRequest) {
  const locale = localeOf(request);
  const principal = await authenticate(request);
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (!ACCEPTED_TYPES.includes(type))
    throw refuse(locale, 415, 'xlsx.media-type', { type: type || '-' }, 'Content-Type');

  const kindText = request.query.get('kind') ?? '';
  if (!isTemplateKind(kindText))
    throw refuse(locale, 400, 'xlsx.bad-kind', { kind: kindText, allowed: templateKinds.join(', ') }, 'kind');
  const kind: TemplateKind = kindText;
  const unitId = request.query.get('unitId') ?? undefined;
  const period = request.query.get('period') ?? undefined;
  if (kind === 'targets' || kind === 'goals') {
    if (!unitId)
      throw refuse(locale, 400, 'xlsx.bad-query', { name: 'unitId', reason: 'required for plans' }, 'unitId');
    if (!period || !parsePeriod(period))
      throw refuse(
        locale,
        400,
        'xlsx.bad-query',
        { name: 'period', reason: 'a period id such as 2026' },
        'period',
      );
    // A plan read from a workbook is a unit's plan: only someone who may plan for that unit imports it.
    const latest = await orgInForce();
    authorize(principal, { unitId, org: latest.index, locale });
  }

  try {
    // Within the route's limit (maxFileBytes): a larger upload was refused before it was read.
    const bytes = await readBytes(request);
    const workbook = openWorkbook(bytes, UPLOAD_LIMITS);
    const compPlan =
      kind === 'compplan'
        ? {
            id: request.query.get('id') ?? 'imported',
            name: request.query.get('name') ?? 'Imported plan',
            currency: request.query.get('currency') ?? 'CNY',
          }
        : undefined;
    const result = importWorkbook(workbook, {
      kind,
      locale,
      ...(unitId ? { unitId } : {}),
      ...(period ? { period } : {}),
      ...(compPlan ? { compPlan } : {}),
    });
    return json(result);
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
