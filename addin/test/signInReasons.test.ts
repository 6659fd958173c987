// A failed sign-in says why in the user's language: every reason the sign-in code names is in both
// catalogs, and the MessageBar shows it worded, not the English message.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeClaims } from '../src/auth';
import { describeError } from '../src/errors';
import { translator, uiStrings } from '../src/i18n';

const authDir = path.resolve(__dirname, '../src/auth');
const named = readdirSync(authDir)
  .flatMap((f) => [...readFileSync(path.join(authDir, f), 'utf8').matchAll(/'(signIn\.why\.[\w.]+)'/g)])
  .map((m) => m[1]!);

describe('why a sign-in failed, in the user’s language', () => {
  it('has every reason the sign-in code names in English and Chinese', () => {
    expect(named.length).toBeGreaterThanOrEqual(17);
    for (const key of new Set(named)) {
      expect(uiStrings.en, key).toHaveProperty(key);
      expect((uiStrings['zh-CN'] as Record<string, string>)[key], key).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('shows a bad token’s reason in Chinese in zh-CN and in English in en', () => {
    let failure: unknown;
    try {
      decodeClaims('not-a-token');
    } catch (e) {
      failure = e;
    }
    expect(describeError(failure, translator('zh-CN')).detail).toBe('登录令牌无法识别，请重新登录。');
    expect(describeError(failure, translator('en')).detail).toBe(
      'The sign-in token is not one Teamsheet can read. Sign in again.',
    );
  });
});
