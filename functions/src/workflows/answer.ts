// What a workflow answers when it does what was asked: a status, a JSON body and the headers it needs
// (ETag, Location). A "no" is a Refusal (../refusal.ts) instead. The route wrapper renders both.
export type CommandAnswer = { status: number; body: unknown; headers?: Record<string, string> };
