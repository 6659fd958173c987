// The Functions app: importing each route file registers it (with Azure when inside the Functions
// worker, and in the route table the local host serves). `func start` and `npm start` load this.
import './functions/devToken';
import './functions/health';
import './functions/metrics';
import './functions/me';
import './functions/org';
import './functions/openapi';
import './functions/audit';
import './functions/validate';
import './functions/allocate';
import './functions/plans';
import './functions/planVersions';
import './functions/planDraft';
import './functions/planDiff';
import './functions/planApprove';
import './functions/planQueue';
import './functions/scoresCompute';
import './functions/scoresRun';
import './functions/activities';
import './functions/analysis';
import './functions/rollup';
import './functions/templates';
import './functions/imports';
import './functions/payoutsPreview';
import './functions/actuals';
import './functions/actualsRead';
import './functions/payoutRuns';
import './functions/payoutRunGet';
import './functions/payoutRunApprove';
import './functions/payoutRunVerify';
import './functions/periodClose';
import './functions/payoutsExport';
// Statements and questions (issue 11).
import './functions/statements';
import './functions/lookups';
import './functions/statementQuestions';
import './functions/questions';
import './functions/questionAnswer';
import './functions/compPlans';

export { routes } from './registry';
