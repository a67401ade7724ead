import type { LatestPrice } from '@254carbon/contracts';
import { formatDateTime, formatPrice, zoneName } from '../../ui/format';

interface LatestPricesTableProps {
  readonly rows: readonly LatestPrice[];
  /** Market zone: interval starts read in market time. */
  readonly timeZone: string;
  readonly currency: string;
  /** Instrument ids in display order (the order they were picked). */
  readonly instrumentOrder: readonly string[];
  readonly runOrder: readonly string[];
}

const signClass = (value: number | null) =>
  value === null || value === 0 ? 'num' : value < 0 ? 'num num--neg' : 'num';

/** The newest interval per instrument and run, with its price components. */
export const LatestPricesTable = ({
  rows,
  timeZone,
  currency,
  instrumentOrder,
  runOrder,
}: LatestPricesTableProps) => {
  const rank = (list: readonly string[], value: string) => {
    const index = list.indexOf(value);
    return index < 0 ? list.length : index;
  };
  const sorted = [...rows].sort(
    (a, b) =>
      rank(instrumentOrder, a.instrument) - rank(instrumentOrder, b.instrument) ||
      rank(runOrder, a.run) - rank(runOrder, b.run),
  );
  const zone = sorted[0] ? zoneName(Date.parse(sorted[0].intervalStart), timeZone) : timeZone;

  return (
    <table className="table">
      <caption className="visually-hidden">
        Latest price per instrument and run, in {currency}/MWh; interval starts in market time (
        {timeZone}).
      </caption>
      <thead>
        <tr>
          <th scope="col">Instrument</th>
          <th scope="col">Run</th>
          <th scope="col">Interval start ({zone})</th>
          <th scope="col" className="num">
            LMP
          </th>
          <th scope="col" className="num">
            Energy
          </th>
          <th scope="col" className="num">
            Congestion
          </th>
          <th scope="col" className="num">
            Loss
          </th>
        </tr>
      </thead>
      <tbody>
        {sorted.length === 0 ? (
          <tr>
            <td colSpan={7} className="table__empty">
              No prices stored yet for the selected instruments and runs.
            </td>
          </tr>
        ) : (
          sorted.map((row) => (
            <tr key={`${row.instrument} ${row.run}`}>
              <th scope="row" className="mono">
                {row.instrument}
              </th>
              <td>{row.run}</td>
              <td className="mono" title={`Received ${row.receivedAt}`}>
                {formatDateTime(Date.parse(row.intervalStart), timeZone)}
              </td>
              <td className="num num--strong">{formatPrice(row.lmp)}</td>
              <td className="num">{formatPrice(row.energy)}</td>
              <td className={signClass(row.congestion)}>{formatPrice(row.congestion)}</td>
              <td className={signClass(row.loss)}>{formatPrice(row.loss)}</td>
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
};
