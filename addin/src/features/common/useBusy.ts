// The one action a section runs at a time: its name while it runs (buttons disable, a spinner says
// what is happening), cleared however the action ends.
import { useCallback, useState } from 'react';

export function useBusy<Name extends string = string>() {
  const [busy, setBusy] = useState<Name | null>(null);
  const run = useCallback(async (name: Name, work: () => Promise<void>) => {
    setBusy(name);
    try {
      await work();
    } finally {
      setBusy(null);
    }
  }, []);
  return { busy, run };
}
