// The two choices most sections start with: a unit, by its name, and a plan year.
import { Dropdown, Field, Option, SpinButton } from '@fluentui/react-components';

type Named = { id: string; name?: string | undefined };

/** A unit chosen by its name among `units` (the id when it has none). */
export function UnitField(props: {
  label: string;
  units: readonly Named[];
  value: string;
  onChange: (id: string) => void;
  testId: string;
}) {
  const { label, units, value, onChange, testId } = props;
  const nameOf = (u: Named) => u.name ?? u.id;
  const chosen = units.find((u) => u.id === value);
  return (
    <Field label={label}>
      <Dropdown
        data-testid={testId}
        value={chosen ? nameOf(chosen) : value}
        selectedOptions={[value]}
        onOptionSelect={(_, d) => onChange(String(d.optionValue))}
      >
        {units.map((u) => (
          <Option key={u.id} value={u.id} text={nameOf(u)}>
            {nameOf(u)}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}

/** A plan year, 2000–2100; a partly typed value is ignored until it is a whole year. */
export function YearField(props: {
  label: string;
  value: number;
  onChange: (year: number) => void;
  testId: string;
}) {
  const { label, value, onChange, testId } = props;
  return (
    <Field label={label}>
      <SpinButton
        data-testid={testId}
        value={value}
        min={2000}
        max={2100}
        onChange={(_, d) => {
          const v = d.value ?? Number(d.displayValue);
          if (Number.isInteger(v)) onChange(v as number);
        }}
      />
    </Field>
  );
}
