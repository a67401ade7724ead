import { useId } from 'react';

export interface SegmentedOption<V extends string> {
  readonly value: V;
  readonly label: string;
}

interface SegmentedControlProps<V extends string> {
  readonly legend: string;
  readonly options: readonly SegmentedOption<V>[];
  readonly value: V;
  readonly onChange: (value: V) => void;
}

/** A radio group drawn as joined buttons: native radios keep arrow-key navigation and form semantics. */
export const SegmentedControl = <V extends string>({
  legend,
  options,
  value,
  onChange,
}: SegmentedControlProps<V>) => {
  const name = useId();
  return (
    <fieldset className="field segmented">
      <legend className="field__label">{legend}</legend>
      <div className="segmented__options">
        {options.map((option) => (
          <label key={option.value} className="segmented__option">
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={option.value === value}
              onChange={() => onChange(option.value)}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
};
