// GET /api/templates/{kind}.xlsx: a blank template workbook of a kind (targets, goals, activities,
// scorecard, ratings, compplan), generated from the core's template definitions with the caller's
// owners and the metric catalog in its drop-down lists; headers in the caller's language.
import { isTemplateKind, templateKinds, TEMPLATE_VERSION, type Locale } from '@teamsheet/shared';
import type { HttpRequest } from '../azure';
import { signedInCaller, type Caller } from '../auth';
import { handler, localeOf } from '../http';
import { route } from '../registry';
import { refuse } from '../xlsx/messages';
import { writeTemplateWorkbook, XLSX_CONTENT_TYPE, type TemplateScope } from '../xlsx/templateWorkbook';

function languageOf(request: HttpRequest): Locale {
  const lang = request.query.get('lang');
  if (lang === 'zh-CN' || lang === 'zh') return 'zh-CN';
  if (lang === 'en') return 'en';
  return localeOf(request);
}

/** `?year=`: a year 1900–9999, or undefined when absent (400 naming it otherwise). */
function yearOf(request: HttpRequest, locale: Caller['locale']): number | undefined {
  const text = request.query.get('year');
  const year = text === null ? undefined : Number(text);
  if (year !== undefined && !(Number.isInteger(year) && year >= 1900 && year <= 9999))
    throw refuse(locale, 400, 'xlsx.bad-query', { name: 'year', reason: `"${text}" is not a year` }, 'year');
  return year;
}

/** Owners the caller may plan for: their scope (finance and admin: everyone), and always themselves. */
function plannable({ principal, org: index, orgVersion: version }: Caller): TemplateScope {
  const all = principal.roles.includes('admin') || principal.roles.includes('finance');
  const scope = all ? undefined : index.scopeOf(principal.personId);
  const units = version.org.units.filter((u) => !scope || scope.has(u.id));
  const people = version.org.people.filter(
    (p) => !scope || scope.has(p.unitId) || p.id === principal.personId,
  );
  return { units, people };
}

async function getTemplateWorkbook(request: HttpRequest) {
  const caller = await signedInCaller(request);
  const { locale } = caller;
  const kind = request.params.kind ?? '';
  if (!isTemplateKind(kind))
    throw refuse(locale, 404, 'xlsx.bad-kind', { kind, allowed: templateKinds.join(', ') }, 'kind');
  const year = yearOf(request, locale);
  const scope = plannable(caller);
  const bytes = await writeTemplateWorkbook({
    kind,
    locale: languageOf(request),
    scope,
    ...(year ? { year } : {}),
  });
  const filename = `teamsheet-${kind}${year ? `-${year}` : ''}-${TEMPLATE_VERSION}.xlsx`;
  return {
    status: 200,
    headers: {
      'content-type': XLSX_CONTENT_TYPE,
      'content-disposition': `attachment; filename="${filename}"`,
      'cache-control': 'no-store',
    },
    body: bytes,
  };
}

export const templates = route({
  name: 'templates',
  methods: ['GET'],
  route: 'templates/{kind}.xlsx',
  handler: handler(getTemplateWorkbook),
});
