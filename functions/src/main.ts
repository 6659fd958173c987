// The Functions app: importing each route file registers it (with Azure when inside the Functions
// worker, and in the route table the local host serves). `func start` and `npm start` load this.
import './functions/health';
import './functions/metrics';
import './functions/org';
import './functions/openapi';
import { setOrgLoader } from './functions/devToken';
import { HttpError } from './http';
import { currentTenant, readLatestOrg } from './store';

// The development issuer signs tokens for the people of the organisation in force.
setOrgLoader(async () => {
  const latest = await readLatestOrg(currentTenant());
  if (!latest) throw HttpError.of(503, 'org.missing', { tenant: currentTenant() });
  return latest.version.org;
});

export { routes } from './registry';
