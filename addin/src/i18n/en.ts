// The task pane's own UI strings in English. Domain findings come translated from the core; these are
// the words of the shell. Keep keys identical to zh-CN.ts (a test checks).
export const en = {
  'app.title': 'Teamsheet',
  'app.tagline': 'Plans, scores and incentive pay for your sales team',
  'app.previewBadge': 'PREVIEW (outside Excel)',
  'app.previewExplain':
    'This page runs outside Excel on an in-memory workbook, shown on the left. Open Teamsheet from the Home tab in Excel to work on a real workbook.',
  'app.language': 'Language',
  'app.starting': 'Starting Teamsheet…',
  'app.working': 'Working…',

  'nav.label': 'Sections',
  'nav.plan': 'Plan',
  'nav.scores': 'Scores',
  'nav.payouts': 'Payouts',
  'nav.consolidate': 'Consolidate',
  'nav.history': 'History',
  'nav.loading': 'Opening your sections…',
  'nav.nothing':
    'Nothing opens for your role in the pane yet: your own statement will be here once finance approves a payout run.',

  'host.notExcel.title': 'Teamsheet runs in Excel',
  'host.notExcel.detail': 'It was opened in {host}.',
  'host.notExcel.action': 'Open Teamsheet from the Home tab in Excel.',
  'host.apiMissing.title': 'This version of Excel is too old for Teamsheet',
  'host.apiMissing.detail':
    'Teamsheet needs the Excel JavaScript API set {requirement}, which this Excel does not offer.',
  'host.apiMissing.action': 'Update Excel: Microsoft 365, Excel 2021 or later, or Excel on the web.',
  'host.officeJsMissing.title': 'Office.js could not be loaded',
  'host.officeJsMissing.detail':
    'The page was opened from Office, but Microsoft’s Office.js library did not arrive.',
  'host.officeJsMissing.action':
    'Check the network connection and reload the add-in. Until then the page runs in preview mode.',

  'signIn.title': 'Sign in',
  'signIn.devIntro':
    'Development sign-in: choose a demo person. Tokens come from the local issuer of npm start.',
  'signIn.loadingPeople': 'Loading demo people…',
  'signIn.noPeople': 'The server has no demo people.',
  'signIn.as': 'Sign in as {name}',
  'signIn.microsoftIntro': 'Sign in with your work account to reach your team’s plans.',
  'signIn.microsoft': 'Sign in with Microsoft',
  'signIn.notConfigured.title': 'Microsoft sign-in is not configured',
  'signIn.notConfigured.detail': 'This build has no Entra ID application (client id and API scope).',
  'signIn.notConfigured.action':
    'Build the task pane with VITE_TEAMSHEET_CLIENT_ID and VITE_TEAMSHEET_API_SCOPE set, or run the server with TEAMSHEET_DEV_AUTH=1 for demo sign-in.',
  'signIn.failed.title': 'Sign-in failed',
  'signIn.failed.action': 'Try again. If the sign-in window was blocked, allow pop-ups for this add-in.',
  'signIn.signedInAs': 'Signed in as {name}',
  'signIn.scope': 'Role: {roles} · unit {unitId}',
  'signIn.retry': 'Try again',
  'signIn.signOut': 'Sign out',

  'role.rep': 'sales rep',
  'role.manager': 'manager',
  'role.regional_head': 'regional head',
  'role.finance': 'finance',
  'role.admin': 'administrator',

  'error.whatToDo': 'What to do: {action}',
  'error.fields': 'Fields to correct:',
  'error.fieldDetails': 'Where in the request',
  'error.dismiss': 'Dismiss',
  'error.network.title': 'The Teamsheet service cannot be reached',
  'error.network.detail': '{detail}',
  'error.network.action':
    'Check your network connection. When running locally, start the service with npm start.',
  'error.http.title': 'The request failed ({status})',
  'error.http.400': 'Correct the request and try again.',
  'error.http.401': 'Your sign-in has expired or is missing. Sign in again.',
  'error.http.403': 'You do not have access to this. Ask an administrator to add it to your scope.',
  'error.http.404': 'Check the unit, period or version; it does not exist on the server.',
  'error.http.409': 'Someone changed this at the same time. Reload and apply your changes again.',
  'error.http.412': 'Someone saved a newer version. Reload it, then apply your changes again.',
  'error.http.422': 'Correct the fields listed below and try again.',
  'error.http.429': 'Too many requests. Wait a minute, then try again.',
  'error.http.5xx':
    'The service had a problem. Try again in a few minutes; if it keeps failing, tell your administrator.',
  'error.http.other': 'Try again; if it keeps failing, tell your administrator.',
  'error.workbook.title': 'The workbook could not be changed',
  'error.workbook.action':
    'Check that the sheet is not protected and no cell is being edited, then try again.',
  'error.unexpected.title': 'Something went wrong',
  'error.unexpected.action': 'Try again; if it keeps failing, reload the add-in.',

  'page.plan.title': 'Plan',
  'page.plan.intro':
    'Fill in the planning template for your unit and period: a target per person and metric, and SMART goals. Teamsheet checks the entries as you type (SMART rules, totals against the parent target), marks problem cells, and submits a new version to the server.',
  'page.plan.metrics': 'Metric catalog',
  'page.plan.metricsHelp':
    'Put the metrics that targets may use on a sheet named {sheet}, with their units and direction.',
  'page.plan.metricsButton': 'Write metric catalog to a sheet',
  'page.plan.metricsDone': 'Wrote {count} metrics to the sheet {sheet}.',
  'page.plan.colId': 'Metric',
  'page.plan.colLabel': 'Name',
  'page.plan.colUnit': 'Unit',
  'page.plan.colAggregation': 'Aggregation',
  'page.plan.colDirection': 'Better when',
  'page.scores.title': 'Scores',
  'page.scores.intro':
    'Compute scorecards: item scores from targets and actuals, 360° ratings, deductions, the final score, grade and rank, written to a sheet with the reason for each number.',
  'page.payouts.title': 'Payouts',
  'page.payouts.intro':
    'Preview incentive pay under a compensation plan (commission tiers, bonuses, overrides, spiffs, draws), each amount with its calculation trace. Finance creates, approves and exports payout runs.',
  'page.consolidate.title': 'Consolidate',
  'page.consolidate.intro':
    'Roll the plans of the teams in your scope up into one view: totals, gaps against the parent target, and the teams that have not submitted yet.',
  'page.history.title': 'History',
  'page.history.intro':
    'Every submitted version of a plan, who submitted it and when, and the cell-by-cell differences between two versions.',
  'page.comingSoon': 'The tools of this section are being built; this is what it will do.',

  'grid.label': 'Preview workbook',
  'grid.sheets': 'Sheets',
  'grid.empty': 'This sheet is empty.',
  'grid.charts': 'Charts on this sheet',
  'grid.refreshFormulas': 'Refresh Teamsheet formulas',
  'grid.hiddenRow': 'Hidden in Excel (shown dimmed in the preview)',
  'grid.hiddenSheet': 'A hidden sheet in Excel (shown dimmed in the preview)',
  'grid.chart': '{name}: {type} chart of {source}',
  'grid.selected': 'Selected cell: {address}',
  'grid.truncated': 'Showing the first {rows} rows and {cols} columns.',
  'grid.list': 'Drop-down: {values}',
  'grid.chartType.column': 'column',
  'grid.chartType.bar': 'bar',
  'grid.chartType.line': 'line',
  'grid.chartType.pie': 'pie',
} as const;
