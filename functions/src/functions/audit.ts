// GET /api/audit?entity=: the audit trail of one entity (who, when, what, before → after hash), for
// administrators and finance. Entries are append-only; this route only reads them.
import { signedInCaller } from '../auth';
import { handler, json } from '../http';
import { serverText } from '../messages';
import { refusal } from '../refusal';
import { route } from '../registry';
import { readAuditTrail } from '../store';

const MAX_ENTRIES = 1000;

export const audit = route({
  name: 'audit',
  methods: ['GET'],
  route: 'audit',
  handler: handler(async (request) => {
    const { tenantId, locale } = await signedInCaller(request, { roles: ['admin', 'finance'] });
    const entity = request.query.get('entity');
    if (!entity) {
      const message = serverText(locale, 'audit.entity-required');
      throw refusal('invalid', 'audit.entity-required', {}, [{ path: 'query.entity', message }]);
    }
    // One entity's trail is one partition, in order, checked link by link.
    const { entries, intact } = await readAuditTrail(tenantId, entity);
    return json({
      entity,
      entries: entries.slice(-MAX_ENTRIES),
      truncated: entries.length > MAX_ENTRIES,
      chainIntact: intact,
    });
  }),
});
