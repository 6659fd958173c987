import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { transaction } from '@teamsheet/shared';
import { HttpError, handler, json, readJson } from '../src/http';
import { call } from './helpers';

const shape = z.object({ name: z.string(), items: z.array(z.object({ value: z.number() })) });
const echo = handler(async (request) => json(await readJson(request, shape, { maxBytes: 100 })));

describe('the handler wrapper and readJson', () => {
  it('passes a valid body through', async () => {
    const res = await call(echo, { method: 'POST', json: { name: 'a', items: [{ value: 1 }] } });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ name: 'a', items: [{ value: 1 }] });
  });

  it('answers 400 with each wrong field as a contract path', async () => {
    const res = await call(echo, {
      method: 'POST',
      json: { name: 1, items: [{ value: 1 }, { value: 'x' }] },
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(res.json).toMatchObject({ type: 'about:blank', title: 'Bad request', status: 400 });
    expect(res.json.errors.map((e: { path: string }) => e.path).sort()).toEqual(['items[1].value', 'name']);
  });

  it('words each wrong field in the caller’s language, the same paths in both', async () => {
    const txEcho = handler(async (request) => json(await readJson(request, transaction)));
    const body = { id: 't1', date: '3 March', amount: 1e300, credits: [{ personId: 7, share: 2 }] };
    const en = await call(txEcho, { method: 'POST', json: body });
    const zh = await call(txEcho, { method: 'POST', json: body, headers: { 'accept-language': 'zh-CN' } });
    const paths = (r: typeof en) => r.json.errors.map((e: { path: string }) => e.path).sort();
    expect(en.status).toBe(400);
    expect(zh.status).toBe(400);
    expect(paths(zh)).toEqual(paths(en));
    expect(paths(en)).toEqual(['credits[0].personId', 'credits[0].share', 'date']);
    const byPath = (r: typeof en) =>
      Object.fromEntries(r.json.errors.map((e: { path: string; message: string }) => [e.path, e.message]));
    expect(byPath(en)).toMatchObject({ date: 'expected a date as YYYY-MM-DD' });
    expect(byPath(zh)).toMatchObject({
      date: '应为 YYYY-MM-DD 格式的日期',
      'credits[0].share': '分配比例应在 0 到 1 之间',
    });
    // zod's own checks in zod's Chinese: no English words left.
    expect(byPath(zh)['credits[0].personId']).toMatch(/^无效输入/);
    for (const e of zh.json.errors as { message: string }[]) expect(e.message).not.toMatch(/[a-z]{4,}/);
    // A number past the exact range, after the shape is right, in Chinese too.
    const big = await call(txEcho, {
      method: 'POST',
      json: { ...body, date: '2026-03-03', credits: [{ personId: 'p', share: 1 }] },
      headers: { 'accept-language': 'zh-CN' },
    });
    expect(big.json.errors).toEqual([{ path: 'amount', message: expect.stringMatching(/超出 ±\d+/) }]);
  });

  it('answers 400 naming the parse error for a body that is not JSON, and for an empty body', async () => {
    const bad = await call(echo, { method: 'POST', body: '{"name": ' });
    expect(bad.status).toBe(400);
    expect(bad.json.detail).toMatch(/not valid JSON \(.+\)/);
    const empty = await call(echo, { method: 'POST' });
    expect(empty.status).toBe(400);
    expect(empty.json.detail).toContain('no body');
  });

  it('answers 413 with both sizes for a body over the limit', async () => {
    const res = await call(echo, {
      method: 'POST',
      body: JSON.stringify({ name: 'x'.repeat(200), items: [] }),
    });
    expect(res.status).toBe(413);
    expect(res.json.detail).toContain('at most 100 bytes');
  });

  it('turns a zod error thrown anywhere into 400 with paths', async () => {
    const res = await call(handler(async () => json(shape.parse({ name: 'a', items: 3 }))));
    expect(res.status).toBe(400);
    expect(res.json.errors).toEqual([{ path: 'items', message: expect.any(String) }]);
  });

  it('turns an HttpError into its problem, extra members included', async () => {
    const res = await call(
      handler(async () => {
        throw new HttpError(409, 'Conflict', 'Version 3 exists.', undefined, { currentVersion: 3 });
      }),
    );
    expect(res.status).toBe(409);
    expect(res.json).toEqual({
      type: 'about:blank',
      title: 'Conflict',
      status: 409,
      detail: 'Version 3 exists.',
      errors: [],
      code: 'http.409',
      currentVersion: 3,
    });
  });

  it('turns anything else into a 500 with a generic detail, logging the error but never showing its stack', async () => {
    const res = await call(
      handler(async () => {
        throw new Error('secret connection string in here');
      }),
    );
    expect(res.status).toBe(500);
    expect(res.text).not.toContain('secret');
    expect(res.text).not.toContain('at ');
    expect(res.json.detail).toContain('test-invocation');
    expect(
      res.logs.some(
        (l) => l.level === 'error' && l.args.some((a) => a instanceof Error && a.message.includes('secret')),
      ),
    ).toBe(true);
  });

  it('answers in Chinese when Accept-Language starts with zh', async () => {
    const res = await call(echo, { method: 'POST', body: 'nope', headers: { 'accept-language': 'zh-TW' } });
    expect(res.json.title).toBe('请求有误');
    expect(res.json.detail).toContain('不是有效的 JSON');
  });
});
