// The app's version as `GET /api/health` reports it; a test keeps it equal to the root package.json.
export const appVersion = '0.1.0';
