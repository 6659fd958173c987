// Findings of a payout run, collected with a cap per rule so that a million bad rows give a readable
// list (the first 100 of each rule and a count of the rest) instead of a million messages.
import { makeFinding, type Locale, type MessageParams } from '../messages/index';
import type { Finding, Severity } from '../schemas';

const FINDINGS_PER_RULE = 100;

export class FindingSink {
  readonly findings: Finding[] = [];
  private readonly counts = new Map<string, number>();

  constructor(readonly locale: Locale = 'en') {}

  add(rule: string, severity: Severity, path: string, params: MessageParams): void {
    const count = (this.counts.get(rule) ?? 0) + 1;
    this.counts.set(rule, count);
    if (count <= FINDINGS_PER_RULE)
      this.findings.push(makeFinding(rule, severity, path, params, this.locale));
  }

  /** The findings, then one `payout.more-findings` per rule that went past the cap. */
  finish(): Finding[] {
    const out = [...this.findings];
    for (const [rule, count] of this.counts) {
      if (count > FINDINGS_PER_RULE) {
        out.push(
          makeFinding(
            'payout.more-findings',
            'info',
            '',
            { rule, count, shown: FINDINGS_PER_RULE },
            this.locale,
          ),
        );
      }
    }
    return out;
  }
}
