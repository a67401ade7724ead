// Generated from the server’s OpenAPI document by `npm run client:generate`. Do not edit.
/* eslint-disable */

export interface paths {
  '/healthz': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Liveness: the process is up */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              status: 'ok';
              version: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/readyz': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Readiness: the stores answer */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {unknown} */
              status: 'ready' | 'not_ready';
              checks: {
                [key: string]: {
                  ok: boolean;
                  detail: string;
                };
              };
            };
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {unknown} */
              status: 'ready' | 'not_ready';
              checks: {
                [key: string]: {
                  ok: boolean;
                  detail: string;
                };
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/metrics': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Prometheus metrics (text exposition format) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/markets': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Markets held by this server */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                /** @description Market code, e.g. CAISO, MISO, SIM. */
                id: string;
                name: string;
                /** @description IANA zone used for local views and peak buckets. */
                timezone: string;
                /** @description ISO 4217 currency of published prices. */
                currency: string;
                runs: {
                  /**
                   * @description DA = day-ahead; RT5/RT15 = real-time 5/15-minute; RT60 = real-time hourly.
                   * @enum {unknown}
                   */
                  id: 'DA' | 'RT5' | 'RT15' | 'RT60' | 'HASP';
                  /** @description Length of one price interval of this run. */
                  intervalMinutes: number;
                  description: string;
                }[];
                /** @description True for the simulator: data is generated, not real. */
                synthetic: boolean;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/markets/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One market */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Market code, e.g. CAISO, MISO, SIM. */
              id: string;
              name: string;
              /** @description IANA zone used for local views and peak buckets. */
              timezone: string;
              /** @description ISO 4217 currency of published prices. */
              currency: string;
              runs: {
                /**
                 * @description DA = day-ahead; RT5/RT15 = real-time 5/15-minute; RT60 = real-time hourly.
                 * @enum {unknown}
                 */
                id: 'DA' | 'RT5' | 'RT15' | 'RT60' | 'HASP';
                /** @description Length of one price interval of this run. */
                intervalMinutes: number;
                description: string;
              }[];
              /** @description True for the simulator: data is generated, not real. */
              synthetic: boolean;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/instruments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Search instruments (nodes, hubs, zones) by market, kind and text */
    get: {
      parameters: {
        query?: {
          market?: string;
          kind?: 'hub' | 'node' | 'zone' | 'system';
          /** @description Case-insensitive text in id, code or name. */
          q?: string;
          /** @description Page size (1–1000). */
          limit?: number;
          /** @description Opaque cursor from a previous page. */
          cursor?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                /** @description Market-qualified id, e.g. CAISO.TH_SP15_GEN-APND. */
                id: string;
                market: string;
                /** @description The operator’s own name for the location. */
                code: string;
                name: string;
                /** @enum {unknown} */
                kind: 'hub' | 'node' | 'zone' | 'system';
                /**
                 * @description What an entitlement grants: lmp (prices), load, gen_mix (generation mix) or curve (forward curves).
                 * @enum {unknown}
                 */
                product: 'lmp' | 'load' | 'gen_mix' | 'curve';
                timezone: string;
                aliases: {
                  source: string;
                  code: string;
                  /** Format: date-time */
                  validFrom: string | null;
                  /** Format: date-time */
                  validTo: string | null;
                }[];
              }[];
              page: {
                limit: number;
                nextCursor: string | null;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/instruments/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One instrument by id */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Market-qualified id, e.g. CAISO.TH_SP15_GEN-APND. */
              id: string;
              market: string;
              /** @description The operator’s own name for the location. */
              code: string;
              name: string;
              /** @enum {unknown} */
              kind: 'hub' | 'node' | 'zone' | 'system';
              /**
               * @description What an entitlement grants: lmp (prices), load, gen_mix (generation mix) or curve (forward curves).
               * @enum {unknown}
               */
              product: 'lmp' | 'load' | 'gen_mix' | 'curve';
              timezone: string;
              aliases: {
                source: string;
                code: string;
                /** Format: date-time */
                validFrom: string | null;
                /** Format: date-time */
                validTo: string | null;
              }[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/prices': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Prices for instruments over a time range, raw or resampled, as JSON or CSV
     * @description Times are UTC interval starts; each row covers [intervalStart, intervalStart + intervalMinutes). A date-only start/end is local midnight in the market zone (tz=market) unless tz says otherwise. Responses are capped; a larger query gets a 400 that says how to narrow it.
     */
    get: {
      parameters: {
        query: {
          /** @description Comma-separated instrument ids, e.g. SIM.HUB_NORTH,SIM.HUB_SOUTH. */
          instruments: string;
          /** @description Inclusive start: ISO 8601 with Z or an offset, or a date (YYYY-MM-DD) read in `tz`. */
          start: string;
          /** @description Exclusive end, same forms as start. */
          end: string;
          /** @description Comma-separated market runs (default: all). */
          runs?: string;
          /** @description Bucket size. Days and months follow the market’s local calendar (23/25-hour days). */
          resample?: '5m' | '15m' | '1h' | '1d' | '1mo';
          /** @description avg is weighted by interval length; min/max apply to each price field independently. */
          agg?: 'avg' | 'min' | 'max' | 'first' | 'last';
          /** @description Zone for date-only start/end: "market" (default) or "UTC" or an IANA zone. */
          tz?: string;
          format?: 'json' | 'csv';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Prices (JSON by default; CSV with format=csv) */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                instrument: string;
                /**
                 * @description DA = day-ahead; RT5/RT15 = real-time 5/15-minute; RT60 = real-time hourly.
                 * @enum {unknown}
                 */
                run: 'DA' | 'RT5' | 'RT15' | 'RT60' | 'HASP';
                /** Format: date-time */
                intervalStart: string;
                intervalMinutes: number;
                /** @description Locational marginal price per MWh. */
                lmp: number;
                /** @description Energy component in the market currency per MWh. */
                energy: number | null;
                /** @description Congestion component in the market currency per MWh. */
                congestion: number | null;
                /** @description Loss component in the market currency per MWh. */
                loss: number | null;
                /** @description Greenhouse-gas component (CAISO) in the market currency per MWh. */
                ghg: number | null;
                /** @description Resampled rows only: source intervals inside the bucket. */
                samples?: number;
              }[];
              meta: {
                instruments: string[];
                runs: ('DA' | 'RT5' | 'RT15' | 'RT60' | 'HASP')[];
                /** Format: date-time */
                start: string;
                /** Format: date-time */
                end: string;
                resample: ('5m' | '15m' | '1h' | '1d' | '1mo') | (never | null);
                agg: ('avg' | 'min' | 'max' | 'first' | 'last') | (never | null);
                rowCount: number;
                rowLimit: number;
              };
            };
            'text/csv': string;
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/prices/latest': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The newest interval per instrument and run */
    get: {
      parameters: {
        query?: {
          market?: string;
          instruments?: string;
          runs?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                instrument: string;
                /**
                 * @description DA = day-ahead; RT5/RT15 = real-time 5/15-minute; RT60 = real-time hourly.
                 * @enum {unknown}
                 */
                run: 'DA' | 'RT5' | 'RT15' | 'RT60' | 'HASP';
                /** Format: date-time */
                intervalStart: string;
                intervalMinutes: number;
                /** @description Locational marginal price per MWh. */
                lmp: number;
                /** @description Energy component in the market currency per MWh. */
                energy: number | null;
                /** @description Congestion component in the market currency per MWh. */
                congestion: number | null;
                /** @description Loss component in the market currency per MWh. */
                loss: number | null;
                /** @description Greenhouse-gas component (CAISO) in the market currency per MWh. */
                ghg: number | null;
                /** @description Resampled rows only: source intervals inside the bucket. */
                samples?: number;
                /**
                 * Format: date-time
                 * @description When this value was stored.
                 */
                receivedAt: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/jobs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Scheduled jobs with their next and last run */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                name: string;
                description: string;
                /** @description Cron expression (seconds field first). */
                schedule: string;
                timezone: string;
                enabled: boolean;
                /** Format: date-time */
                nextRunAt: string | null;
                lastRun: {
                  id: string;
                  job: string;
                  /** @enum {unknown} */
                  trigger: 'schedule' | 'startup' | 'manual' | 'retry';
                  /** @description 1 for the first try; retries count up. */
                  attempt: number;
                  /** @enum {unknown} */
                  status: 'running' | 'succeeded' | 'failed';
                  /** Format: date-time */
                  startedAt: string;
                  /** Format: date-time */
                  finishedAt: string | null;
                  durationMs: number | null;
                  rows: number | null;
                  error: string | null;
                } | null;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/jobs/runs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Job runs, newest first: start, end, status, rows and error of every attempt */
    get: {
      parameters: {
        query?: {
          job?: string;
          status?: 'running' | 'succeeded' | 'failed';
          /** @description Page size (1–1000). */
          limit?: number;
          /** @description Opaque cursor from a previous page. */
          cursor?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                id: string;
                job: string;
                /** @enum {unknown} */
                trigger: 'schedule' | 'startup' | 'manual' | 'retry';
                /** @description 1 for the first try; retries count up. */
                attempt: number;
                /** @enum {unknown} */
                status: 'running' | 'succeeded' | 'failed';
                /** Format: date-time */
                startedAt: string;
                /** Format: date-time */
                finishedAt: string | null;
                durationMs: number | null;
                rows: number | null;
                error: string | null;
              }[];
              page: {
                limit: number;
                nextCursor: string | null;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/quality': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Freshness per feed dataset and completeness per market-local day
     * @description Data quality is checked on every ingest. Freshness compares the newest stored interval with what the source has published (stale after 10 minutes for real-time data, an hour for day-ahead). Completeness counts intervals per instrument and market-local day against the day’s length (276, 288 or 300 five-minute intervals on 23-, 24- and 25-hour days); a day is judged only once all of it has been fetched, until then it is partial. Only markets and instruments you may list appear.
     */
    get: {
      parameters: {
        query?: {
          /** @description Market code, e.g. MISO. */
          market?: string;
          /** @description Feed id, e.g. miso. */
          feed?: string;
          /** @description Dataset id, e.g. prices.rt5. */
          dataset?: string;
          /** @description First market-local day (inclusive); default a week before `to`. */
          from?: string;
          /** @description Last market-local day (inclusive); default tomorrow. At most 366 days. */
          to?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              freshness: {
                market: string;
                feed: string;
                dataset: string;
                /** @enum {unknown} */
                kind: 'prices' | 'series';
                run: ('DA' | 'RT5' | 'RT15' | 'RT60' | 'HASP') | (never | null);
                description: string;
                /**
                 * @description stale: something the source had published more than graceMinutes ago is not stored (10 minutes for real-time and fundamentals, 60 for day-ahead).
                 * @enum {unknown}
                 */
                status: 'fresh' | 'stale' | 'no_data';
                /**
                 * Format: date-time
                 * @description End of the newest stored interval.
                 */
                newestIntervalEnd: string | null;
                /**
                 * Format: date-time
                 * @description What the source had published graceMinutes ago, which should be stored by now.
                 */
                expectedThrough: string;
                lagMinutes: number | null;
                graceMinutes: number;
                /**
                 * Format: date-time
                 * @description Last successful ingest.
                 */
                lastIngestAt: string | null;
                /**
                 * @description ingest: recorded by the quality gate; checkpoint: data stored before it existed.
                 * @enum {unknown}
                 */
                basis: 'ingest' | 'checkpoint' | 'none';
                message: string;
              }[];
              completeness: {
                market: string;
                feed: string;
                dataset: string;
                run: ('DA' | 'RT5' | 'RT15' | 'RT60' | 'HASP') | (never | null);
                variable: string | null;
                /** Format: date */
                localDay: string;
                /** @description 23, 24 or 25 across daylight-saving changes. */
                dayHours: number;
                /** @description Hours of the day fetched so far; less = partial. */
                coveredHours: number;
                intervalMinutes: number;
                /** @description Intervals per instrument that day. */
                expectedIntervals: number;
                instruments: number;
                /** @description Instruments with every interval (day fully fetched). */
                complete: number;
                /** @description Instruments missing intervals (day fully fetched). */
                incomplete: number;
                /** @description Instruments whose day is not fully fetched yet (not judged). */
                partial: number;
                presentIntervals: number;
                /** @description On fully fetched days only. */
                missingIntervals: number;
              }[];
              /** @description Open problems in the range. */
              problems: {
                market: string;
                feed: string;
                dataset: string;
                /**
                 * @description duplicate.identical: an interval published twice with the same values (one copy stored). duplicate.conflict: published twice with different values (none stored). price.unusable: NaN, infinite or absurd price (not stored). price.out_of_range: LMP outside the plausible range, default -1000 to 10000 per MWh (stored, flagged). components.sum: energy + congestion + loss (+ GHG) differs from the LMP by more than 0.01 (stored, flagged). interval.length / interval.alignment: an interval of the wrong length or off the grid (stored, not counted). run.unknown: a market run the market does not publish. value.unusable: unusable MW value (not stored). completeness.missing: a fully fetched local day lacks intervals (276/288/300 five-minute intervals on 23/24/25-hour days).
                 * @enum {unknown}
                 */
                check:
                  | 'duplicate.identical'
                  | 'duplicate.conflict'
                  | 'price.unusable'
                  | 'price.out_of_range'
                  | 'components.sum'
                  | 'interval.length'
                  | 'interval.alignment'
                  | 'run.unknown'
                  | 'value.unusable'
                  | 'completeness.missing';
                /**
                 * @description error: the data is wrong or missing; warning: harmless but worth knowing.
                 * @enum {unknown}
                 */
                severity: 'error' | 'warning';
                problems: number;
                /** @description Intervals affected, summed over the problems. */
                intervals: number;
              }[];
              meta: {
                /** Format: date */
                from: string;
                /** Format: date */
                to: string;
                /** Format: date-time */
                generatedAt: string;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/quality/problems': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Data-quality problems found on ingest, newest market-local day first
     * @description One problem per check, instrument, run (or variable) and market-local day, with the number of intervals affected, the first of them, and a message with local times. Nothing is dropped silently: rows that were not stored say so (disposition). Open problems by default; status=resolved lists those a later ingest no longer found.
     */
    get: {
      parameters: {
        query?: {
          /** @description Market code, e.g. MISO. */
          market?: string;
          /** @description Feed id, e.g. miso. */
          feed?: string;
          /** @description Dataset id, e.g. prices.rt5. */
          dataset?: string;
          /** @description duplicate.identical: an interval published twice with the same values (one copy stored). duplicate.conflict: published twice with different values (none stored). price.unusable: NaN, infinite or absurd price (not stored). price.out_of_range: LMP outside the plausible range, default -1000 to 10000 per MWh (stored, flagged). components.sum: energy + congestion + loss (+ GHG) differs from the LMP by more than 0.01 (stored, flagged). interval.length / interval.alignment: an interval of the wrong length or off the grid (stored, not counted). run.unknown: a market run the market does not publish. value.unusable: unusable MW value (not stored). completeness.missing: a fully fetched local day lacks intervals (276/288/300 five-minute intervals on 23/24/25-hour days). */
          check?:
            | 'duplicate.identical'
            | 'duplicate.conflict'
            | 'price.unusable'
            | 'price.out_of_range'
            | 'components.sum'
            | 'interval.length'
            | 'interval.alignment'
            | 'run.unknown'
            | 'value.unusable'
            | 'completeness.missing';
          /** @description error: the data is wrong or missing; warning: harmless but worth knowing. */
          severity?: 'error' | 'warning';
          instrument?: string;
          /** @description First market-local day (inclusive). */
          from?: string;
          /** @description Last market-local day (inclusive). */
          to?: string;
          /** @description open (default): still standing; resolved: a later ingest no longer found it. */
          status?: 'open' | 'resolved' | 'all';
          /** @description Page size (1–1000). */
          limit?: number;
          /** @description Opaque cursor from a previous page. */
          cursor?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                id: string;
                market: string;
                feed: string;
                dataset: string;
                /** @description File name or URL of the data it was found in. */
                source: string;
                /**
                 * @description duplicate.identical: an interval published twice with the same values (one copy stored). duplicate.conflict: published twice with different values (none stored). price.unusable: NaN, infinite or absurd price (not stored). price.out_of_range: LMP outside the plausible range, default -1000 to 10000 per MWh (stored, flagged). components.sum: energy + congestion + loss (+ GHG) differs from the LMP by more than 0.01 (stored, flagged). interval.length / interval.alignment: an interval of the wrong length or off the grid (stored, not counted). run.unknown: a market run the market does not publish. value.unusable: unusable MW value (not stored). completeness.missing: a fully fetched local day lacks intervals (276/288/300 five-minute intervals on 23/24/25-hour days).
                 * @enum {unknown}
                 */
                check:
                  | 'duplicate.identical'
                  | 'duplicate.conflict'
                  | 'price.unusable'
                  | 'price.out_of_range'
                  | 'components.sum'
                  | 'interval.length'
                  | 'interval.alignment'
                  | 'run.unknown'
                  | 'value.unusable'
                  | 'completeness.missing';
                /**
                 * @description error: the data is wrong or missing; warning: harmless but worth knowing.
                 * @enum {unknown}
                 */
                severity: 'error' | 'warning';
                /**
                 * @description What happened to the rows: stored as published (flagged), removed as a verbatim repeat, withheld (not stored), or absent (never published).
                 * @enum {unknown}
                 */
                disposition: 'stored' | 'removed' | 'withheld' | 'absent';
                instrument: string;
                /** @description Market run, for prices. */
                run: ('DA' | 'RT5' | 'RT15' | 'RT60' | 'HASP') | (never | null);
                /** @description Fundamentals variable (load.actual, gen.wind …). */
                variable: string | null;
                /**
                 * Format: date
                 * @description Market-local day of the intervals.
                 */
                localDay: string;
                /**
                 * Format: date-time
                 * @description UTC start of the first affected interval.
                 */
                intervalStart: string | null;
                /** @description Intervals affected that day. */
                count: number;
                /** @description What is wrong, with local times and an example. */
                message: string;
                /** Format: date-time */
                firstDetectedAt: string;
                /** Format: date-time */
                detectedAt: string;
                /**
                 * Format: date-time
                 * @description When a later ingest no longer found it.
                 */
                resolvedAt: string | null;
              }[];
              page: {
                limit: number;
                nextCursor: string | null;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/curves': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Forward curves you may see, with the as-of date of their latest run
     * @description A curve is visible with a grant for its market and product `curve` through your channel (optionally limited to named curve ids).
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                id: string;
                name: string;
                /** @description Market whose `curve` entitlements govern the curve. */
                market: string;
                /**
                 * @description power: shaped by peak buckets, may go negative; gas: daily, one bucket.
                 * @enum {unknown}
                 */
                commodity: 'power' | 'gas';
                /** @description Peak calendar: zone, on-peak hours, holidays (e.g. US_EASTERN). */
                calendar: string;
                currency: string;
                /** @description e.g. USD/MWh or USD/MMBtu. */
                unit: string;
                /** @description Instrument whose day-ahead prices give the shape; null = no shape (flat within buckets). */
                shapeInstrument: string | null;
                /** @description Buckets the curve is quoted and served in. */
                buckets: (
                  '5x16' | '2x16' | '7x8' | '7x24' | 'wrap' | '6x16' | 'base' | 'peak' | 'offpeak'
                )[];
                extension: {
                  /** @description Long-run price in today’s money the curve reverts to after the last quote; null = the last quote’s level. */
                  longRunLevel: number | null;
                  /** @description Yearly escalation of the long-run level (0.02 = 2 %). */
                  escalationPerYear: number;
                  /** @description e-folding time of the reversion, in years. */
                  reversionYears: number;
                };
                method: {
                  /** @description λ: weight of the squared second differences of the daily level. */
                  smoothness: number;
                  /** @description ω: weight of the distance to the seasonal prior; small, so quotes always win. */
                  priorWeight: number;
                  /** @description Years of stored day-ahead prices the seasonal and hourly shape is estimated from. */
                  shapeHistoryYears: number;
                  /** @description A quote older than this at the as-of date is reported stale. */
                  staleAfterDays: number;
                };
                /**
                 * Format: date
                 * @description As-of date of the latest base run; null before the first build.
                 */
                latestAsOf: string | null;
              }[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    /**
     * Define a curve, or replace its definition
     * @description Settings left out take their defaults. Market, commodity, calendar, currency and unit are fixed once the curve exists (409 otherwise). Needs curves:write.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Upper-case letters, digits, - and _, starting with a letter: PJM-WH-POWER, HH-GAS. */
            id: string;
            name: string;
            market: string;
            /** @description power or gas. */
            commodity: string;
            calendar: string;
            /** @description Default: the market’s. */
            currency?: string;
            /** @description Default: <currency>/MWh (power) or /MMBtu (gas). */
            unit?: string;
            shapeInstrument?: string | null;
            extension?: {
              /** @description Long-run price in today’s money the curve reverts to after the last quote; null = the last quote’s level. */
              longRunLevel?: number | null;
              /** @description Yearly escalation of the long-run level (0.02 = 2 %). */
              escalationPerYear?: number;
              /** @description e-folding time of the reversion, in years. */
              reversionYears?: number;
            };
            method?: {
              /** @description λ: weight of the squared second differences of the daily level. */
              smoothness?: number;
              /** @description ω: weight of the distance to the seasonal prior; small, so quotes always win. */
              priorWeight?: number;
              /** @description Years of stored day-ahead prices the seasonal and hourly shape is estimated from. */
              shapeHistoryYears?: number;
              /** @description A quote older than this at the as-of date is reported stale. */
              staleAfterDays?: number;
            };
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              curve: {
                id: string;
                name: string;
                /** @description Market whose `curve` entitlements govern the curve. */
                market: string;
                /**
                 * @description power: shaped by peak buckets, may go negative; gas: daily, one bucket.
                 * @enum {unknown}
                 */
                commodity: 'power' | 'gas';
                /** @description Peak calendar: zone, on-peak hours, holidays (e.g. US_EASTERN). */
                calendar: string;
                currency: string;
                /** @description e.g. USD/MWh or USD/MMBtu. */
                unit: string;
                /** @description Instrument whose day-ahead prices give the shape; null = no shape (flat within buckets). */
                shapeInstrument: string | null;
                /** @description Buckets the curve is quoted and served in. */
                buckets: (
                  '5x16' | '2x16' | '7x8' | '7x24' | 'wrap' | '6x16' | 'base' | 'peak' | 'offpeak'
                )[];
                extension: {
                  /** @description Long-run price in today’s money the curve reverts to after the last quote; null = the last quote’s level. */
                  longRunLevel: number | null;
                  /** @description Yearly escalation of the long-run level (0.02 = 2 %). */
                  escalationPerYear: number;
                  /** @description e-folding time of the reversion, in years. */
                  reversionYears: number;
                };
                method: {
                  /** @description λ: weight of the squared second differences of the daily level. */
                  smoothness: number;
                  /** @description ω: weight of the distance to the seasonal prior; small, so quotes always win. */
                  priorWeight: number;
                  /** @description Years of stored day-ahead prices the seasonal and hourly shape is estimated from. */
                  shapeHistoryYears: number;
                  /** @description A quote older than this at the as-of date is reported stale. */
                  staleAfterDays: number;
                };
              };
              /** @enum {unknown} */
              result: 'created' | 'updated' | 'unchanged';
            };
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              curve: {
                id: string;
                name: string;
                /** @description Market whose `curve` entitlements govern the curve. */
                market: string;
                /**
                 * @description power: shaped by peak buckets, may go negative; gas: daily, one bucket.
                 * @enum {unknown}
                 */
                commodity: 'power' | 'gas';
                /** @description Peak calendar: zone, on-peak hours, holidays (e.g. US_EASTERN). */
                calendar: string;
                currency: string;
                /** @description e.g. USD/MWh or USD/MMBtu. */
                unit: string;
                /** @description Instrument whose day-ahead prices give the shape; null = no shape (flat within buckets). */
                shapeInstrument: string | null;
                /** @description Buckets the curve is quoted and served in. */
                buckets: (
                  '5x16' | '2x16' | '7x8' | '7x24' | 'wrap' | '6x16' | 'base' | 'peak' | 'offpeak'
                )[];
                extension: {
                  /** @description Long-run price in today’s money the curve reverts to after the last quote; null = the last quote’s level. */
                  longRunLevel: number | null;
                  /** @description Yearly escalation of the long-run level (0.02 = 2 %). */
                  escalationPerYear: number;
                  /** @description e-folding time of the reversion, in years. */
                  reversionYears: number;
                };
                method: {
                  /** @description λ: weight of the squared second differences of the daily level. */
                  smoothness: number;
                  /** @description ω: weight of the distance to the seasonal prior; small, so quotes always win. */
                  priorWeight: number;
                  /** @description Years of stored day-ahead prices the seasonal and hourly shape is estimated from. */
                  shapeHistoryYears: number;
                  /** @description A quote older than this at the as-of date is reported stale. */
                  staleAfterDays: number;
                };
              };
              /** @enum {unknown} */
              result: 'created' | 'updated' | 'unchanged';
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/curves/{curveId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A curve’s definition and its latest base run */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          curveId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              curve: {
                id: string;
                name: string;
                /** @description Market whose `curve` entitlements govern the curve. */
                market: string;
                /**
                 * @description power: shaped by peak buckets, may go negative; gas: daily, one bucket.
                 * @enum {unknown}
                 */
                commodity: 'power' | 'gas';
                /** @description Peak calendar: zone, on-peak hours, holidays (e.g. US_EASTERN). */
                calendar: string;
                currency: string;
                /** @description e.g. USD/MWh or USD/MMBtu. */
                unit: string;
                /** @description Instrument whose day-ahead prices give the shape; null = no shape (flat within buckets). */
                shapeInstrument: string | null;
                /** @description Buckets the curve is quoted and served in. */
                buckets: (
                  '5x16' | '2x16' | '7x8' | '7x24' | 'wrap' | '6x16' | 'base' | 'peak' | 'offpeak'
                )[];
                extension: {
                  /** @description Long-run price in today’s money the curve reverts to after the last quote; null = the last quote’s level. */
                  longRunLevel: number | null;
                  /** @description Yearly escalation of the long-run level (0.02 = 2 %). */
                  escalationPerYear: number;
                  /** @description e-folding time of the reversion, in years. */
                  reversionYears: number;
                };
                method: {
                  /** @description λ: weight of the squared second differences of the daily level. */
                  smoothness: number;
                  /** @description ω: weight of the distance to the seasonal prior; small, so quotes always win. */
                  priorWeight: number;
                  /** @description Years of stored day-ahead prices the seasonal and hourly shape is estimated from. */
                  shapeHistoryYears: number;
                  /** @description A quote older than this at the as-of date is reported stale. */
                  staleAfterDays: number;
                };
              };
              latestRun: {
                /** @description Derived from the inputs hash: the same inputs give the same run. */
                runId: string;
                curve: string;
                /** Format: date */
                asOf: string;
                scenario: string;
                /** @description SHA-256 of the engine version, settings, quotes used and shape history. */
                inputsHash: string;
                engineVersion: string;
                /** Format: date-time */
                builtAt: string;
                /** @description Quotes the curve was built from. */
                quotes: number;
                /** @description Largest miss of a quoted price, in the curve’s unit. */
                maxAbsResidual: number;
                warnings: number;
                /**
                 * Format: date
                 * @description Last day covered by a quote; the extension takes over after it.
                 */
                lastQuotedDay: string | null;
              } | null;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/curves/{curveId}/prices': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A curve’s prices by month, day or hour, from its latest run at or before an as-of date
     * @description Months and days are market-local (23- and 25-hour days included); hours carry the historical hourly shape without moving any daily or contract average. Responses are capped at the server’s row limit: hourly to 2050 is about 220,000 rows, so narrow it with from/to (delivery days) — the 400 says by how much.
     */
    get: {
      parameters: {
        query?: {
          /** @description Serve the latest run at or before this date (YYYY-MM-DD), or `latest` (default). */
          asOf?: string;
          /** @description Default: base. */
          scenario?: string;
          /** @description month and day: delivery-weighted averages over market-local months and days (23/25-hour days included); hour: each local hour, with the hourly shape. */
          granularity?: 'month' | 'day' | 'hour';
          /** @description Hours the price covers. US calendars: 5x16, 2x16, 7x8, 7x24, wrap, 6x16; European: base, peak, offpeak; gas curves: the all-hours bucket only (7x24 or base). */
          bucket?: '5x16' | '2x16' | '7x8' | '7x24' | 'wrap' | '6x16' | 'base' | 'peak' | 'offpeak';
          /** @description First market-local delivery day (inclusive). */
          from?: string;
          /** @description Last market-local delivery day (inclusive). */
          to?: string;
          format?: 'json' | 'csv';
        };
        header?: never;
        path: {
          curveId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Prices (JSON by default; CSV with format=csv) */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                /** @description Local label: 2027-01 (month), 2027-01-15 (day), 2027-01-15T07 (hour beginning). */
                period: string;
                /**
                 * Format: date-time
                 * @description UTC start of delivery.
                 */
                start: string;
                /**
                 * Format: date-time
                 * @description UTC end of delivery (exclusive).
                 */
                end: string;
                price: number;
              }[];
              meta: {
                curve: string;
                runId: string;
                /** Format: date */
                asOf: string;
                scenario: string;
                /**
                 * @description month and day: delivery-weighted averages over market-local months and days (23/25-hour days included); hour: each local hour, with the hourly shape.
                 * @enum {unknown}
                 */
                granularity: 'month' | 'day' | 'hour';
                /**
                 * @description Hours the price covers. US calendars: 5x16, 2x16, 7x8, 7x24, wrap, 6x16; European: base, peak, offpeak; gas curves: the all-hours bucket only (7x24 or base).
                 * @enum {unknown}
                 */
                bucket:
                  '5x16' | '2x16' | '7x8' | '7x24' | 'wrap' | '6x16' | 'base' | 'peak' | 'offpeak';
                currency: string;
                unit: string;
                rowCount: number;
                rowLimit: number;
              };
            };
            'text/csv': string;
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/curves/{curveId}/runs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The runs (vintages) of a curve, newest as-of first */
    get: {
      parameters: {
        query?: {
          scenario?: string;
          /** @description Page size (1–1000). */
          limit?: number;
          /** @description Opaque cursor from a previous page. */
          cursor?: string;
        };
        header?: never;
        path: {
          curveId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                /** @description Derived from the inputs hash: the same inputs give the same run. */
                runId: string;
                curve: string;
                /** Format: date */
                asOf: string;
                scenario: string;
                /** @description SHA-256 of the engine version, settings, quotes used and shape history. */
                inputsHash: string;
                engineVersion: string;
                /** Format: date-time */
                builtAt: string;
                /** @description Quotes the curve was built from. */
                quotes: number;
                /** @description Largest miss of a quoted price, in the curve’s unit. */
                maxAbsResidual: number;
                warnings: number;
                /**
                 * Format: date
                 * @description Last day covered by a quote; the extension takes over after it.
                 */
                lastQuotedDay: string | null;
              }[];
              page: {
                limit: number;
                nextCursor: string | null;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/curves/{curveId}/runs/{runId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One run: residual per quote, warnings, active bid/ask constraints, and the quotes used */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          curveId: string;
          runId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Derived from the inputs hash: the same inputs give the same run. */
              runId: string;
              curve: string;
              /** Format: date */
              asOf: string;
              scenario: string;
              /** @description SHA-256 of the engine version, settings, quotes used and shape history. */
              inputsHash: string;
              engineVersion: string;
              /** Format: date-time */
              builtAt: string;
              /** @description Quotes the curve was built from. */
              quotes: number;
              /** @description Largest miss of a quoted price, in the curve’s unit. */
              maxAbsResidual: number;
              warnings: number;
              /**
               * Format: date
               * @description Last day covered by a quote; the extension takes over after it.
               */
              lastQuotedDay: string | null;
              diagnostics: {
                residuals: {
                  contract: string;
                  /**
                   * @description Hours the price covers. US calendars: 5x16, 2x16, 7x8, 7x24, wrap, 6x16; European: base, peak, offpeak; gas curves: the all-hours bucket only (7x24 or base).
                   * @enum {unknown}
                   */
                  bucket:
                    | '5x16'
                    | '2x16'
                    | '7x8'
                    | '7x24'
                    | 'wrap'
                    | '6x16'
                    | 'base'
                    | 'peak'
                    | 'offpeak';
                  /** Format: date */
                  deliveryStart: string;
                  /** Format: date */
                  deliveryEnd: string;
                  /** @enum {unknown} */
                  side: 'settle' | 'mid' | 'band';
                  /** @description The price the curve had to reproduce; null for a band. */
                  target: number | null;
                  /** @description Bid of a band. */
                  bid: number | null;
                  /** @description Ask of a band. */
                  ask: number | null;
                  /** @description The curve’s delivery-weighted average over the contract. */
                  average: number;
                  /** @description average − target; for a band, the distance outside it (0 inside). */
                  residual: number;
                  /**
                   * @description low/high: the curve sits on the bid/ask (an active constraint).
                   * @enum {unknown}
                   */
                  constraint: 'equal' | 'low' | 'high' | 'inside' | 'redundant';
                }[];
                maxAbsResidual: number;
                warnings: {
                  /** @enum {unknown} */
                  level: 'warning' | 'info';
                  /** @description gap, stale-quote, crossed-band, redundant-quote, derived-offpeak … */
                  code: string;
                  message: string;
                  contracts: string[];
                }[];
                /** @description Quotes whose bid or ask bounds the curve, as `contract bucket side`. */
                activeConstraints: string[];
                /** Format: date */
                lastQuotedDay: string | null;
                solveMs: number;
              };
              quotesUsed: {
                curve: string;
                /** Format: date */
                asOf: string;
                /** @description Canonical name: Jan-2027, Q3-2027, Cal-2028, Sum-2027, BalMo-2026-03 … */
                contract: string;
                /** Format: date */
                deliveryStart: string;
                /**
                 * Format: date
                 * @description The day after the last delivery day.
                 */
                deliveryEnd: string;
                /**
                 * @description Hours the price covers. US calendars: 5x16, 2x16, 7x8, 7x24, wrap, 6x16; European: base, peak, offpeak; gas curves: the all-hours bucket only (7x24 or base).
                 * @enum {unknown}
                 */
                bucket:
                  '5x16' | '2x16' | '7x8' | '7x24' | 'wrap' | '6x16' | 'base' | 'peak' | 'offpeak';
                /** @description Settlement price. */
                settle: number | null;
                /** @description Mid price. */
                mid: number | null;
                /** @description Bid. */
                bid: number | null;
                /** @description Ask. */
                ask: number | null;
                source: string;
                /**
                 * Format: date
                 * @description When the price was observed.
                 */
                quoteDate: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/curves/{curveId}/diff': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * How a curve moved between two as-of dates, per delivery period
     * @description `from` and `to` are as-of dates (each served by its latest run at or before it); deliveryFrom and deliveryTo narrow the delivery periods.
     */
    get: {
      parameters: {
        query?: {
          /** @description Earlier as-of date (required). */
          from?: string;
          /** @description Later as-of date (required). */
          to?: string;
          /** @description Default: base. */
          scenario?: string;
          /** @description month and day: delivery-weighted averages over market-local months and days (23/25-hour days included); hour: each local hour, with the hourly shape. */
          granularity?: 'month' | 'day' | 'hour';
          /** @description Hours the price covers. US calendars: 5x16, 2x16, 7x8, 7x24, wrap, 6x16; European: base, peak, offpeak; gas curves: the all-hours bucket only (7x24 or base). */
          bucket?: '5x16' | '2x16' | '7x8' | '7x24' | 'wrap' | '6x16' | 'base' | 'peak' | 'offpeak';
          /** @description First market-local delivery day (inclusive). */
          deliveryFrom?: string;
          /** @description Last market-local delivery day (inclusive). */
          deliveryTo?: string;
        };
        header?: never;
        path: {
          curveId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                period: string;
                /** Format: date-time */
                start: string;
                /** Format: date-time */
                end: string;
                /** @description Price in the run at `from`; null when that run does not cover the period. */
                priceFrom: number | null;
                /** @description Price in the run at `to`. */
                priceTo: number | null;
                /** @description priceTo − priceFrom. */
                change: number | null;
              }[];
              meta: {
                curve: string;
                from: {
                  /** Format: date */
                  asOf: string;
                  runId: string;
                };
                to: {
                  /** Format: date */
                  asOf: string;
                  runId: string;
                };
                scenario: string;
                /**
                 * @description month and day: delivery-weighted averages over market-local months and days (23/25-hour days included); hour: each local hour, with the hourly shape.
                 * @enum {unknown}
                 */
                granularity: 'month' | 'day' | 'hour';
                /**
                 * @description Hours the price covers. US calendars: 5x16, 2x16, 7x8, 7x24, wrap, 6x16; European: base, peak, offpeak; gas curves: the all-hours bucket only (7x24 or base).
                 * @enum {unknown}
                 */
                bucket:
                  '5x16' | '2x16' | '7x8' | '7x24' | 'wrap' | '6x16' | 'base' | 'peak' | 'offpeak';
                rowCount: number;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/curves/{curveId}/quotes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The quotes marked for one as-of date */
    get: {
      parameters: {
        query?: {
          /** @description As-of date; default the latest with quotes. */
          asOf?: string;
        };
        header?: never;
        path: {
          curveId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                curve: string;
                /** Format: date */
                asOf: string;
                /** @description Canonical name: Jan-2027, Q3-2027, Cal-2028, Sum-2027, BalMo-2026-03 … */
                contract: string;
                /** Format: date */
                deliveryStart: string;
                /**
                 * Format: date
                 * @description The day after the last delivery day.
                 */
                deliveryEnd: string;
                /**
                 * @description Hours the price covers. US calendars: 5x16, 2x16, 7x8, 7x24, wrap, 6x16; European: base, peak, offpeak; gas curves: the all-hours bucket only (7x24 or base).
                 * @enum {unknown}
                 */
                bucket:
                  '5x16' | '2x16' | '7x8' | '7x24' | 'wrap' | '6x16' | 'base' | 'peak' | 'offpeak';
                /** @description Settlement price. */
                settle: number | null;
                /** @description Mid price. */
                mid: number | null;
                /** @description Bid. */
                bid: number | null;
                /** @description Ask. */
                ask: number | null;
                source: string;
                /**
                 * Format: date
                 * @description When the price was observed.
                 */
                quoteDate: string;
              }[];
              meta: {
                curve: string;
                asOf: string | null;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    /**
     * Load quotes: all are stored, or none
     * @description Every quote is checked first and one 400 names every problem by row. A quote with the same as-of, contract, bucket and source as a stored one re-marks it. A bid above its ask is stored and reported in warnings. Needs curves:write.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          curveId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Default: the curve of the path. */
            curve?: string;
            /** @description The date the quote is marked for, YYYY-MM-DD. */
            asOf: string;
            /** @description Jan-27, 2027-01, Q3-27, Cal-27, Sum-27, Win-27, GY-27, BalMo, 2027-06-03 or 2027-06-03..2027-06-09. */
            contract?: string | null;
            deliveryStart?: string | null;
            /** @description With deliveryStart instead of contract: the day after the last delivery day. */
            deliveryEnd?: string | null;
            bucket: string;
            /** @description Settlement price. */
            settle?: number | null;
            /** @description Mid price. */
            mid?: number | null;
            /** @description Bid; with ask, a band the curve must stay inside. */
            bid?: number | null;
            /** @description Ask. */
            ask?: number | null;
            /** @description Default: manual. */
            source?: string;
            /** @description Default: asOf. */
            quoteDate?: string | null;
          }[];
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Distinct quotes in the request. */
              quotes: number;
              inserted: number;
              /** @description Re-marked: same curve, as-of, contract, bucket and source. */
              replaced: number;
              unchanged: number;
              curves: string[];
              asOfs: string[];
              /** @description Stored, but worth knowing (a bid above its ask …). */
              warnings: {
                row: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/curves/{curveId}/builds': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Build the curve as of a date (201), or get the run the same inputs built before (200)
     * @description Quotes marked at or before the as-of date are used (the latest per contract and bucket). Quotes that contradict one another are a 422 naming them. Needs curves:write.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          curveId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description As-of date, YYYY-MM-DD. */
            asOf: string;
            /** @description Default: base. */
            scenario?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description false when a run with the same inputs existed: it is returned unchanged. */
              created: boolean;
              run: {
                /** @description Derived from the inputs hash: the same inputs give the same run. */
                runId: string;
                curve: string;
                /** Format: date */
                asOf: string;
                scenario: string;
                /** @description SHA-256 of the engine version, settings, quotes used and shape history. */
                inputsHash: string;
                engineVersion: string;
                /** Format: date-time */
                builtAt: string;
                /** @description Quotes the curve was built from. */
                quotes: number;
                /** @description Largest miss of a quoted price, in the curve’s unit. */
                maxAbsResidual: number;
                warnings: number;
                /**
                 * Format: date
                 * @description Last day covered by a quote; the extension takes over after it.
                 */
                lastQuotedDay: string | null;
              };
            };
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description false when a run with the same inputs existed: it is returned unchanged. */
              created: boolean;
              run: {
                /** @description Derived from the inputs hash: the same inputs give the same run. */
                runId: string;
                curve: string;
                /** Format: date */
                asOf: string;
                scenario: string;
                /** @description SHA-256 of the engine version, settings, quotes used and shape history. */
                inputsHash: string;
                engineVersion: string;
                /** Format: date-time */
                builtAt: string;
                /** @description Quotes the curve was built from. */
                quotes: number;
                /** @description Largest miss of a quoted price, in the curve’s unit. */
                maxAbsResidual: number;
                warnings: number;
                /**
                 * Format: date
                 * @description Last day covered by a quote; the extension takes over after it.
                 */
                lastQuotedDay: string | null;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/exports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Your organisation's exports, newest first */
    get: {
      parameters: {
        query?: {
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                id: string;
                dataset: string;
                /**
                 * @description csv (header row, UTC ISO timestamps) or parquet (zstd-compressed).
                 * @enum {unknown}
                 */
                format: 'csv' | 'parquet';
                gzip: boolean;
                /** @enum {unknown} */
                status: 'queued' | 'running' | 'succeeded' | 'failed';
                /** @description The request as accepted. */
                request: unknown;
                rows: number | null;
                bytes: number | null;
                /** @description sha256:<hex> of the file as downloaded. */
                checksum: string | null;
                error: string | null;
                fileName: string;
                scheduleId: string | null;
                /** Format: date-time */
                createdAt: string;
                /** Format: date-time */
                finishedAt: string | null;
                /** Format: date-time */
                expiresAt: string;
                /** @description Signed link; works without other credentials until it expires. */
                downloadUrl: string | null;
                /** Format: date-time */
                downloadExpiresAt: string | null;
              }[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    /**
     * Start an export of prices or a forward curve to CSV or Parquet
     * @description Predefined datasets with typed filters (the same as the prices and curve APIs, without the per-response row cap). Access is checked at once as for a file download (downloads channel and data:export); the file is written in the background: poll GET /exports/{id} until it succeeded, then fetch its signed downloadUrl. With an Idempotency-Key header, repeating the same request returns the same export (200); the same key with a different request is a 409.
     */
    post: {
      parameters: {
        query?: never;
        header?: {
          'idempotency-key'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json':
            | {
                /** @enum {string} */
                dataset: 'prices';
                filters: {
                  /** @description Instrument ids, e.g. ["SIM.HUB_NORTH"]. */
                  instruments: string[];
                  /** @description Inclusive start: ISO 8601 with Z or an offset, or a date read in `tz`. */
                  start: string;
                  /** @description Exclusive end, same forms as start. */
                  end: string;
                  /** @description Market runs (default: all). */
                  runs?: string[];
                  /**
                   * @description Bucket size. Days and months follow the market’s local calendar (23/25-hour days).
                   * @enum {unknown}
                   */
                  resample?: '5m' | '15m' | '1h' | '1d' | '1mo';
                  /**
                   * @description avg is weighted by interval length; min/max apply to each price field independently.
                   * @enum {unknown}
                   */
                  agg?: 'avg' | 'min' | 'max' | 'first' | 'last';
                  tz?: string;
                };
                /**
                 * @description csv (header row, UTC ISO timestamps) or parquet (zstd-compressed).
                 * @enum {unknown}
                 */
                format: 'csv' | 'parquet';
                /** @description CSV only: gzip the file (.csv.gz). Parquet is always zstd. */
                gzip?: boolean;
              }
            | {
                /** @enum {string} */
                dataset: 'curve';
                filters: {
                  curve: string;
                  /** @description YYYY-MM-DD or `latest` (default). */
                  asOf?: string;
                  scenario?: string;
                  /** @enum {unknown} */
                  granularity?: 'month' | 'day' | 'hour';
                  bucket?: string;
                  /** @description First delivery day. */
                  from?: string;
                  /** @description Last delivery day. */
                  to?: string;
                };
                /**
                 * @description csv (header row, UTC ISO timestamps) or parquet (zstd-compressed).
                 * @enum {unknown}
                 */
                format: 'csv' | 'parquet';
                /** @description CSV only: gzip the file (.csv.gz). Parquet is always zstd. */
                gzip?: boolean;
              };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              dataset: string;
              /**
               * @description csv (header row, UTC ISO timestamps) or parquet (zstd-compressed).
               * @enum {unknown}
               */
              format: 'csv' | 'parquet';
              gzip: boolean;
              /** @enum {unknown} */
              status: 'queued' | 'running' | 'succeeded' | 'failed';
              /** @description The request as accepted. */
              request: unknown;
              rows: number | null;
              bytes: number | null;
              /** @description sha256:<hex> of the file as downloaded. */
              checksum: string | null;
              error: string | null;
              fileName: string;
              scheduleId: string | null;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              finishedAt: string | null;
              /** Format: date-time */
              expiresAt: string;
              /** @description Signed link; works without other credentials until it expires. */
              downloadUrl: string | null;
              /** Format: date-time */
              downloadExpiresAt: string | null;
            };
          };
        };
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              dataset: string;
              /**
               * @description csv (header row, UTC ISO timestamps) or parquet (zstd-compressed).
               * @enum {unknown}
               */
              format: 'csv' | 'parquet';
              gzip: boolean;
              /** @enum {unknown} */
              status: 'queued' | 'running' | 'succeeded' | 'failed';
              /** @description The request as accepted. */
              request: unknown;
              rows: number | null;
              bytes: number | null;
              /** @description sha256:<hex> of the file as downloaded. */
              checksum: string | null;
              error: string | null;
              fileName: string;
              scheduleId: string | null;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              finishedAt: string | null;
              /** Format: date-time */
              expiresAt: string;
              /** @description Signed link; works without other credentials until it expires. */
              downloadUrl: string | null;
              /** Format: date-time */
              downloadExpiresAt: string | null;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/exports/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An export: status, rows, bytes, checksum, expiry and (when ready) a signed download link */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              dataset: string;
              /**
               * @description csv (header row, UTC ISO timestamps) or parquet (zstd-compressed).
               * @enum {unknown}
               */
              format: 'csv' | 'parquet';
              gzip: boolean;
              /** @enum {unknown} */
              status: 'queued' | 'running' | 'succeeded' | 'failed';
              /** @description The request as accepted. */
              request: unknown;
              rows: number | null;
              bytes: number | null;
              /** @description sha256:<hex> of the file as downloaded. */
              checksum: string | null;
              error: string | null;
              fileName: string;
              scheduleId: string | null;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              finishedAt: string | null;
              /** Format: date-time */
              expiresAt: string;
              /** @description Signed link; works without other credentials until it expires. */
              downloadUrl: string | null;
              /** Format: date-time */
              downloadExpiresAt: string | null;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/exports/{id}/download': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Download an export file through its signed, expiring link
     * @description A tampered or expired link is a 403. Every download is audited.
     */
    get: {
      parameters: {
        query: {
          /** @description Expiry of the link, epoch seconds. */
          expires: string;
          /** @description HMAC-SHA256 of the link (base64url). */
          signature: string;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The file (CSV, gzip CSV or Parquet) */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/octet-stream': unknown;
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/exports/schedules': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Your organisation's export schedules */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                id: string;
                name: string;
                cron: string;
                timezone: string;
                dataset: string;
                /**
                 * @description csv (header row, UTC ISO timestamps) or parquet (zstd-compressed).
                 * @enum {unknown}
                 */
                format: 'csv' | 'parquet';
                gzip: boolean;
                filters: unknown;
                createdBy: string;
                /** Format: date-time */
                createdAt: string;
                /** Format: date-time */
                lastRunAt: string | null;
                lastExportId: string | null;
                /** Format: date-time */
                nextRunAt: string | null;
              }[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    /**
     * Schedule a recurring export (a cron in a zone; filters relative to the run date)
     * @description Each run creates an ordinary export as its creator, so today’s entitlements decide. For prices, startDay/endDay count local days from the run date: -1 and 0 export yesterday.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json':
            | {
                name: string;
                /** @description Five-field cron (minute hour day month weekday), e.g. "0 6 * * *" daily at 06:00. */
                cron: string;
                /** @description IANA zone of the cron. */
                timezone: string;
                /** @enum {string} */
                dataset: 'prices';
                filters: {
                  /** @description Instrument ids, e.g. ["SIM.HUB_NORTH"]. */
                  instruments: string[];
                  /** @description Market runs (default: all). */
                  runs?: string[];
                  /**
                   * @description Bucket size. Days and months follow the market’s local calendar (23/25-hour days).
                   * @enum {unknown}
                   */
                  resample?: '5m' | '15m' | '1h' | '1d' | '1mo';
                  /**
                   * @description avg is weighted by interval length; min/max apply to each price field independently.
                   * @enum {unknown}
                   */
                  agg?: 'avg' | 'min' | 'max' | 'first' | 'last';
                  /** @description First local day relative to the run date (e.g. -1 = yesterday). */
                  startDay: number;
                  /** @description Exclusive end day relative to the run date (e.g. 0 = today, so -1..0 is yesterday). */
                  endDay: number;
                };
                /**
                 * @description csv (header row, UTC ISO timestamps) or parquet (zstd-compressed).
                 * @enum {unknown}
                 */
                format: 'csv' | 'parquet';
                /** @description CSV only: gzip the file (.csv.gz). Parquet is always zstd. */
                gzip?: boolean;
              }
            | {
                name: string;
                /** @description Five-field cron (minute hour day month weekday), e.g. "0 6 * * *" daily at 06:00. */
                cron: string;
                /** @description IANA zone of the cron. */
                timezone: string;
                /** @enum {string} */
                dataset: 'curve';
                filters: {
                  curve: string;
                  scenario?: string;
                  /** @enum {unknown} */
                  granularity?: 'month' | 'day' | 'hour';
                  bucket?: string;
                };
                /**
                 * @description csv (header row, UTC ISO timestamps) or parquet (zstd-compressed).
                 * @enum {unknown}
                 */
                format: 'csv' | 'parquet';
                /** @description CSV only: gzip the file (.csv.gz). Parquet is always zstd. */
                gzip?: boolean;
              };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              name: string;
              cron: string;
              timezone: string;
              dataset: string;
              /**
               * @description csv (header row, UTC ISO timestamps) or parquet (zstd-compressed).
               * @enum {unknown}
               */
              format: 'csv' | 'parquet';
              gzip: boolean;
              filters: unknown;
              createdBy: string;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              lastRunAt: string | null;
              lastExportId: string | null;
              /** Format: date-time */
              nextRunAt: string | null;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/exports/schedules/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Delete an export schedule (exports it made are kept until they expire) */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Deleted */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/stream': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Live prices over WebSocket
     * @description Upgrade to a WebSocket, then send {"type":"subscribe","instruments":[…],"markets":[…],"runs":[…],"after":<seq>}. Messages: subscribed, prices (numbered by seq), heartbeat, reset, error. A client that falls too far behind is closed with code 4008 and the reason.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/stream/sse': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Live prices as Server-Sent Events
     * @description The subscription is the query (instruments and/or markets, optional runs). Events: subscribed, prices (id = sequence number; a reconnecting EventSource resumes with Last-Event-ID), heartbeat, reset, and error (the last event before the server ends a connection).
     */
    get: {
      parameters: {
        query?: {
          /** @description Comma-separated instrument ids. */
          instruments?: string;
          /** @description Comma-separated market ids. */
          markets?: string;
          /** @description Comma-separated runs (default: all). */
          runs?: string;
          /** @description Replay updates after this sequence number (the Last-Event-ID header wins). */
          after?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description An event stream */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/event-stream': string;
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Reports you may read, newest first
     * @description Your organisation’s reports and the scheduled briefs of markets you are entitled to.
     */
    get: {
      parameters: {
        query?: {
          market?: string;
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                id: string;
                market: string;
                /**
                 * @description daily: one market-local day; monthly: one market-local month.
                 * @enum {unknown}
                 */
                kind: 'daily' | 'monthly';
                /** @description Market-local day or month. */
                period: string;
                /**
                 * Format: date-time
                 * @description UTC start of the period.
                 */
                from: string;
                /**
                 * Format: date-time
                 * @description UTC end of the period (exclusive).
                 */
                to: string;
                /** @enum {unknown} */
                status: 'queued' | 'running' | 'succeeded' | 'failed';
                /**
                 * @description unavailable: this server has no Chromium, so only the HTML exists; failed: printing failed (see message).
                 * @enum {unknown}
                 */
                pdfStatus: 'pending' | 'rendered' | 'unavailable' | 'failed';
                /** @description Why the report or its PDF failed or is unavailable. */
                message: string | null;
                /** @enum {unknown} */
                trigger: 'on_demand' | 'schedule';
                /** @description A scheduled brief, readable by every organisation entitled to its data. */
                shared: boolean;
                requestedBy: string;
                instruments: string[];
                /** Format: date-time */
                createdAt: string;
                /** Format: date-time */
                finishedAt: string | null;
                htmlBytes: number;
                pdfBytes: number;
                links: {
                  html: string;
                  pdf: string;
                };
              }[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    /**
     * Request a daily or monthly market brief (HTML and PDF)
     * @description Stored at once as queued and generated in the background from stored data, through your entitlements: hub DA and RT prices (average, min/max, on-/off-peak), the DA−RT spread, the hourly profile or daily averages, the data-quality summary and the latest forward curve of the market. Poll GET /reports/{id}; the PDF is unavailable (pdfStatus) on servers without Chromium.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Market id, e.g. SIM or PJM. */
            market: string;
            /**
             * @description daily: one market-local day; monthly: one market-local month.
             * @enum {unknown}
             */
            kind: 'daily' | 'monthly';
            /** @description The market-local day (2026-03-08) for daily briefs, the month (2026-03) for monthly ones. */
            period: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              market: string;
              /**
               * @description daily: one market-local day; monthly: one market-local month.
               * @enum {unknown}
               */
              kind: 'daily' | 'monthly';
              /** @description Market-local day or month. */
              period: string;
              /**
               * Format: date-time
               * @description UTC start of the period.
               */
              from: string;
              /**
               * Format: date-time
               * @description UTC end of the period (exclusive).
               */
              to: string;
              /** @enum {unknown} */
              status: 'queued' | 'running' | 'succeeded' | 'failed';
              /**
               * @description unavailable: this server has no Chromium, so only the HTML exists; failed: printing failed (see message).
               * @enum {unknown}
               */
              pdfStatus: 'pending' | 'rendered' | 'unavailable' | 'failed';
              /** @description Why the report or its PDF failed or is unavailable. */
              message: string | null;
              /** @enum {unknown} */
              trigger: 'on_demand' | 'schedule';
              /** @description A scheduled brief, readable by every organisation entitled to its data. */
              shared: boolean;
              requestedBy: string;
              instruments: string[];
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              finishedAt: string | null;
              htmlBytes: number;
              pdfBytes: number;
              links: {
                html: string;
                pdf: string;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reports/{reportId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One report’s status and links */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          reportId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              market: string;
              /**
               * @description daily: one market-local day; monthly: one market-local month.
               * @enum {unknown}
               */
              kind: 'daily' | 'monthly';
              /** @description Market-local day or month. */
              period: string;
              /**
               * Format: date-time
               * @description UTC start of the period.
               */
              from: string;
              /**
               * Format: date-time
               * @description UTC end of the period (exclusive).
               */
              to: string;
              /** @enum {unknown} */
              status: 'queued' | 'running' | 'succeeded' | 'failed';
              /**
               * @description unavailable: this server has no Chromium, so only the HTML exists; failed: printing failed (see message).
               * @enum {unknown}
               */
              pdfStatus: 'pending' | 'rendered' | 'unavailable' | 'failed';
              /** @description Why the report or its PDF failed or is unavailable. */
              message: string | null;
              /** @enum {unknown} */
              trigger: 'on_demand' | 'schedule';
              /** @description A scheduled brief, readable by every organisation entitled to its data. */
              shared: boolean;
              requestedBy: string;
              instruments: string[];
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              finishedAt: string | null;
              htmlBytes: number;
              pdfBytes: number;
              links: {
                html: string;
                pdf: string;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reports/{reportId}/html': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Download a report’s HTML
     * @description A file download: needs data:export and an entitlement with the downloads channel to every instrument the report shows over its period; audited. 409 while the report is not finished.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          reportId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Self-contained HTML */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/html': string;
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reports/{reportId}/pdf': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Download a report’s PDF
     * @description A file download: needs data:export and an entitlement with the downloads channel to every instrument the report shows over its period; audited. 409 while the report is not finished; 503 when the PDF could not be printed (see pdfStatus).
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          reportId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description PDF */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/pdf': string;
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sign in with a username and password; sets an HTTP-only session cookie for the web hub */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            username: string;
            password: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              actor: string;
              displayName: string;
              tenantId: string;
              roles: ('admin' | 'analyst' | 'viewer')[];
              /**
               * @description hub = web session, api = API key or token, downloads = file exports.
               * @enum {unknown}
               */
              channel: 'hub' | 'api' | 'downloads';
              permissions: string[];
              markets: string[];
              downloadMarkets: string[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/logout': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sign out: ends the session and clears its cookie */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The caller: tenant, roles, permissions and visible markets */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              actor: string;
              displayName: string;
              tenantId: string;
              roles: ('admin' | 'analyst' | 'viewer')[];
              /**
               * @description hub = web session, api = API key or token, downloads = file exports.
               * @enum {unknown}
               */
              channel: 'hub' | 'api' | 'downloads';
              permissions: string[];
              markets: string[];
              downloadMarkets: string[];
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/tenants': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** All tenants */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                id: string;
                name: string;
                /** @enum {unknown} */
                status: 'active' | 'suspended';
                /** Format: date-time */
                createdAt: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    /** Create a tenant */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            id: string;
            name: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              name: string;
              /** @enum {unknown} */
              status: 'active' | 'suspended';
              /** Format: date-time */
              createdAt: string;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/tenants/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Rename, suspend or reactivate a tenant */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name?: string;
            /** @enum {unknown} */
            status?: 'active' | 'suspended';
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              name: string;
              /** @enum {unknown} */
              status: 'active' | 'suspended';
              /** Format: date-time */
              createdAt: string;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/admin/users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Users (own tenant; platform admins may name any) */
    get: {
      parameters: {
        query?: {
          tenantId?: string;
          /** @description Page size (1–1000). */
          limit?: number;
          /** @description Opaque cursor from a previous page. */
          cursor?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                id: string;
                tenantId: string;
                username: string;
                displayName: string;
                roles: ('admin' | 'analyst' | 'viewer')[];
                /** @enum {unknown} */
                status: 'active' | 'disabled';
                /** Format: date-time */
                createdAt: string;
                /** Format: date-time */
                lastLoginAt: string | null;
              }[];
              page: {
                limit: number;
                nextCursor: string | null;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    /** Create a user with a password (12+ characters) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            tenantId?: string;
            username: string;
            displayName?: string;
            roles: string[];
            password: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              tenantId: string;
              username: string;
              displayName: string;
              roles: ('admin' | 'analyst' | 'viewer')[];
              /** @enum {unknown} */
              status: 'active' | 'disabled';
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              lastLoginAt: string | null;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/users/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change roles or name, disable or enable a user */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            displayName?: string;
            roles?: string[];
            /** @enum {unknown} */
            status?: 'active' | 'disabled';
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              tenantId: string;
              username: string;
              displayName: string;
              roles: ('admin' | 'analyst' | 'viewer')[];
              /** @enum {unknown} */
              status: 'active' | 'disabled';
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              lastLoginAt: string | null;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/admin/users/{id}/password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Set a password (your own, or a user of your tenant as admin); ends their sessions */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            password: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/api-keys': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** API keys (never their secrets) */
    get: {
      parameters: {
        query?: {
          tenantId?: string;
          /** @description Page size (1–1000). */
          limit?: number;
          /** @description Opaque cursor from a previous page. */
          cursor?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                id: string;
                tenantId: string;
                name: string;
                roles: ('admin' | 'analyst' | 'viewer')[];
                createdBy: string;
                /** Format: date-time */
                createdAt: string;
                /** Format: date-time */
                expiresAt: string | null;
                /** Format: date-time */
                lastUsedAt: string | null;
                /** Format: date-time */
                revokedAt: string | null;
              }[];
              page: {
                limit: number;
                nextCursor: string | null;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    /** Create an API key; the secret is in this response only */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            tenantId?: string;
            name: string;
            roles?: string[];
            expiresInDays?: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              key: string;
              apiKey: {
                id: string;
                tenantId: string;
                name: string;
                roles: ('admin' | 'analyst' | 'viewer')[];
                createdBy: string;
                /** Format: date-time */
                createdAt: string;
                /** Format: date-time */
                expiresAt: string | null;
                /** Format: date-time */
                lastUsedAt: string | null;
                /** Format: date-time */
                revokedAt: string | null;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/api-keys/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Revoke an API key (takes effect at once) */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              tenantId: string;
              name: string;
              roles: ('admin' | 'analyst' | 'viewer')[];
              createdBy: string;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              expiresAt: string | null;
              /** Format: date-time */
              lastUsedAt: string | null;
              /** Format: date-time */
              revokedAt: string | null;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/entitlements': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Entitlements (own tenant; platform admins see all) */
    get: {
      parameters: {
        query?: {
          tenantId?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                id: string;
                tenantId: string;
                market: string;
                product: string;
                channels: ('hub' | 'api' | 'downloads')[];
                instruments: string[] | null;
                /** Format: date-time */
                dataFrom: string | null;
                /** Format: date-time */
                dataTo: string | null;
                seats: number | null;
              }[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    /** Grant a tenant a market and product through channels */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            tenantId: string;
            market: string;
            product: string;
            channels: string[];
            instruments?: string[] | null;
            dataFrom?: string | null;
            dataTo?: string | null;
            seats?: number | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              tenantId: string;
              market: string;
              product: string;
              channels: ('hub' | 'api' | 'downloads')[];
              instruments: string[] | null;
              /** Format: date-time */
              dataFrom: string | null;
              /** Format: date-time */
              dataTo: string | null;
              seats: number | null;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/entitlements/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Revoke an entitlement */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/entitlements/{id}/seats': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Who holds the named-user seats of an entitlement */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                actor: string;
                /** Format: date-time */
                assignedAt: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/entitlements/{id}/seats/{actor}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Release a seat */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          actor: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/audit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Audit records, newest first */
    get: {
      parameters: {
        query?: {
          tenantId?: string;
          actor?: string;
          action?: string;
          result?: 'success' | 'failure' | 'denied';
          /** @description Page size (1–1000). */
          limit?: number;
          /** @description Opaque cursor from a previous page. */
          cursor?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                seq: number;
                /** Format: date-time */
                at: string;
                actor: string;
                tenantId: string | null;
                action: string;
                resourceType: string;
                resourceId: string | null;
                /** @enum {unknown} */
                result: 'success' | 'failure' | 'denied';
                ip: string | null;
                requestId: string | null;
                details: {
                  [key: string]: unknown;
                } | null;
                hash: string;
              }[];
              page: {
                limit: number;
                nextCursor: string | null;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/audit/verify': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Check the hash chain: reports every edited or missing record */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              ok: boolean;
              checked: number;
              anchor: {
                seq: number;
                hash: string;
              };
              head: {
                seq: number;
                hash: string;
              } | null;
              problems: {
                seq: number;
                problem: string;
                detail: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description URI reference naming the problem type. */
              type: string;
              title: string;
              status: number;
              /** @description What went wrong and what to change. */
              detail: string;
              /** @enum {unknown} */
              code:
                | 'invalid_request'
                | 'not_authenticated'
                | 'not_entitled'
                | 'not_found'
                | 'conflict'
                | 'rate_limited'
                | 'upstream_unavailable'
                | 'invalid_source_data'
                | 'unavailable'
                | 'internal';
              requestId: string;
              instance?: string;
              errors?: {
                /** @description Query parameter, body path or CLI option that was rejected. */
                field: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/graphql': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: {
          query?: string;
          persisted?: boolean;
          operationName?: string | null;
          variables?: string;
          extensions?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        '2XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data?: {
                [key: string]: unknown;
              } | null;
              errors?: {
                message: string;
                locations?: {
                  line?: number;
                  column?: number;
                }[];
                path?: string[];
                extensions?: {
                  code?: string;
                } & {
                  [key: string]: unknown;
                };
              }[];
              extensions?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            query?: string;
            persisted?: boolean;
            operationName?: string | null;
            variables?: Record<string, never> | null;
            extensions?: Record<string, never>;
          };
        };
      };
      responses: {
        /** @description Default Response */
        '2XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data?: {
                [key: string]: unknown;
              } | null;
              errors?: {
                message: string;
                locations?: {
                  line?: number;
                  column?: number;
                }[];
                path?: string[];
                extensions?: {
                  code?: string;
                } & {
                  [key: string]: unknown;
                };
              }[];
              extensions?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: never;
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
