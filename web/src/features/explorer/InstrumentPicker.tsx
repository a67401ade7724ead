import type { Instrument } from '@254carbon/contracts';
import { useId, useState, type KeyboardEvent } from 'react';
import { fetchInstruments, instrumentsUrl } from '../../api/client';
import { describeError } from '../../api/describe-error';
import { useApi } from '../../api/use-api';
import { instrumentColor } from './price-series';
import { useDebouncedValue } from './use-debounced-value';

interface InstrumentPickerProps {
  readonly market: string;
  readonly selected: readonly Instrument[];
  readonly max: number;
  readonly onAdd: (instrument: Instrument) => void;
  readonly onRemove: (id: string) => void;
}

const SEARCH_LIMIT = 25;

/**
 * Chips for the chosen instruments and a combobox to add more: type part of an id, code or name, then pick with
 * the mouse or with the arrow keys and Enter.
 */
export const InstrumentPicker = ({
  market,
  selected,
  max,
  onAdd,
  onRemove,
}: InstrumentPickerProps) => {
  const inputId = useId();
  const listId = useId();
  const [text, setText] = useState('');
  const [isOpen, setOpen] = useState(false);
  const [active, setActive] = useState({ key: '', index: 0 });
  const query = useDebouncedValue(text.trim(), 250);
  const search = { market, q: query, limit: SEARCH_LIMIT };
  const searchKey = query === '' ? null : instrumentsUrl(search);
  const results = useApi(searchKey, (signal) => fetchInstruments(search, signal));

  const isFull = selected.length >= max;
  const chosen = new Set(selected.map((i) => i.id));
  // Only priced instruments (LMP) are charted here; load and generation mix are not prices.
  // Results show once they match what is typed, so Enter never picks from an older search.
  const isSettled = query === text.trim() && !results.isLoading;
  const options = isSettled
    ? (results.data?.data ?? []).filter((i) => i.product === 'lmp' && !chosen.has(i.id))
    : [];
  const activeIndex = active.key === searchKey ? Math.min(active.index, options.length - 1) : 0;
  const showList = isOpen && text.trim() !== '';
  const activeOption = showList ? options[activeIndex] : undefined;
  const optionId = (id: string) => `${listId}-${id}`;

  const pick = (instrument: Instrument) => {
    onAdd(instrument);
    setText('');
    setOpen(false);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        event.preventDefault();
        setOpen(true);
        if (options.length > 0) {
          const step = event.key === 'ArrowDown' ? 1 : -1;
          const index = (activeIndex + step + options.length) % options.length;
          setActive({ key: searchKey ?? '', index });
        }
        break;
      }
      case 'Enter': {
        if (activeOption) {
          event.preventDefault();
          pick(activeOption);
        }
        break;
      }
      case 'Escape': {
        if (showList) {
          event.preventDefault();
          setOpen(false);
        } else {
          setText('');
        }
        break;
      }
      default:
        break;
    }
  };

  let status: string | null = null;
  if (showList) {
    if (!isSettled) {
      status = 'Searching…';
    } else if (results.error) {
      status = `Search failed: ${describeError(results.error).detail}`;
    } else if (options.length === 0) {
      status = `No priced instruments match “${text.trim()}”.`;
    }
  }

  return (
    <div className="field picker">
      <label className="field__label" htmlFor={inputId}>
        Instruments
      </label>
      <div className="picker__box">
        <ul className="chips" aria-label="Selected instruments">
          {selected.map((instrument, index) => (
            <li key={instrument.id} className="chip" title={instrument.name}>
              <span
                className="chip__swatch"
                style={{ background: instrumentColor(index) }}
                aria-hidden="true"
              />
              <span className="chip__label">{instrument.id}</span>
              <button
                type="button"
                className="chip__remove"
                aria-label={`Remove ${instrument.id}`}
                onClick={() => onRemove(instrument.id)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
        <div className="picker__search">
          <input
            id={inputId}
            type="search"
            role="combobox"
            className="input picker__input"
            placeholder={isFull ? `At most ${max} instruments` : 'Add instrument: id, code or name'}
            disabled={isFull}
            autoComplete="off"
            spellCheck={false}
            aria-autocomplete="list"
            aria-expanded={showList}
            aria-controls={listId}
            aria-activedescendant={activeOption ? optionId(activeOption.id) : undefined}
            value={text}
            onChange={(event) => {
              setText(event.target.value);
              setOpen(true);
            }}
            onFocus={() => setOpen(true)}
            onBlur={() => setOpen(false)}
            onKeyDown={onKeyDown}
          />
          <ul
            id={listId}
            role="listbox"
            aria-label="Matching instruments"
            className="picker__list"
            hidden={!showList || (status !== null && options.length === 0)}
          >
            {showList &&
              options.map((instrument, index) => (
                <li
                  key={instrument.id}
                  id={optionId(instrument.id)}
                  role="option"
                  aria-selected={index === activeIndex}
                  className="picker__option"
                  // Keep focus in the input so the list does not close before the click lands.
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => pick(instrument)}
                  onMouseMove={() => setActive({ key: searchKey ?? '', index })}
                >
                  <span className="picker__option-id">{instrument.id}</span>
                  <span className="picker__option-name">{instrument.name}</span>
                  <span className="picker__option-kind">{instrument.kind}</span>
                </li>
              ))}
          </ul>
          {status !== null && (
            <p className="picker__status" role="status">
              {status}
            </p>
          )}
        </div>
      </div>
    </div>
  );
};
