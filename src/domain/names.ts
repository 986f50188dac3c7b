/**
 * The names and defaults every layer agrees on, in plain constants (no schemas): the command
 * line builds its help from these without loading zod or the engine, so `marsad --help` starts
 * at once. The schemas (requests.ts, simulation.ts, case.ts) and the registries (simulate/,
 * model/, report/) take their lists and defaults from here.
 */

export const ACTOR_TYPES = [
  'state',
  'government', // a state's executive or a ministry acting for it
  'organisation', // international bodies: UN, UNAMI, NATO, the coalition
  'party',
  'alliance', // alliances of parties: the Coordination Framework
  'militia', // armed factions: Kataib Hezbollah, al-Nujaba
  'armed-force', // official forces and commands: CENTCOM, PMF, Peshmerga
  'person',
  'media', // outlets cited as sources
  'institute', // think tanks and research centres
  'group', // communities and currents: Sunni parties, the Sadrist current
] as const;

export const UPDATE_RULE_NAMES = ['kosko', 'modified-kosko', 'rescaled'] as const;
export const TRANSFER_NAMES = ['sigmoid', 'tanh', 'bivalent', 'trivalent'] as const;
export const DISTRIBUTION_NAMES = ['uniform', 'triangular'] as const;
export const WEIGHT_NORMALIZATION_NAMES = ['none', 'in-strength', 'in-degree'] as const;
export const MODEL_FORMAT_NAMES = ['csv', 'graphml', 'json'] as const;
export const REPORT_FORMAT_NAMES = ['md', 'html', 'pdf'] as const;

/** The kinds of case item, one per case section, plus the case metadata (`meta`). */
export const ITEM_KINDS = [
  'meta',
  'actors',
  'places',
  'issues',
  'stances',
  'events',
  'commitments',
  'quantities',
  'claims',
  'scenarios',
  'indicators',
  'concepts',
  'edges',
  'stakes',
  'hypotheses',
  'evidence',
] as const;

/**
 * The engine's default inference settings (docs/model.md says why each): Kosko's rule, tanh,
 * λ = 1 and incoming weights normalized by their strength, so every input stays in [−1, 1].
 */
export const ENGINE_DEFAULTS = {
  rule: 'kosko',
  transfer: 'tanh',
  lambda: 1,
  epsilon: 1e-6,
  maxSteps: 1000,
  maxPeriod: 16,
  normalize: 'in-strength',
} as const;

/** Every default and limit of a request, in one place. */
export const LIMITS = {
  search: { limit: 20, maxLimit: 1000, maxQueryChars: 1000 },
  simulate: {
    /** Runs of a plain simulation (1: the authored weights only). */
    runs: 1,
    /** Runs of a Monte Carlo job, and behind a briefing's probabilities. */
    monteCarloRuns: 2000,
    seed: 1,
    maxRuns: 1_000_000,
    maxThreads: 64,
    maxStepsPerMonth: 100,
  },
  report: { runs: 2000, seed: 1 },
  model: { maxLoops: 1_000_000, loops: 1000 },
  /**
   * Jobs: listed newest first (`list`, at most `maxList`); a worker's claim on a job lasts
   * `leaseSeconds` and is renewed with each progress report; a part whose lease ran out is
   * started again, at most `maxAttempts` times; Monte Carlo is cut in parts of `monteCarloPartRuns`
   * runs and an ingest in parts of `ingestPartFiles` files (an extraction in parts of
   * `extractPartDocuments` documents), so several workers share one job.
   */
  jobs: { list: 20, maxList: 500, leaseSeconds: 30, maxAttempts: 3, monteCarloPartRuns: 1000, ingestPartFiles: 100, extractPartDocuments: 10 },
  /**
   * Largest file `ingest` reads (10 MB; raise it with --max-bytes). A text file (.txt, .md) over
   * `partBytes` is read and stored in parts of at most that size, one document each, so memory
   * stays bounded whatever the file's size; other formats are read whole.
   */
  ingest: { maxBytes: 10 * 1024 * 1024, partBytes: 8 * 1024 * 1024 },
  /** Largest document `extract` reads (4 MiB, twenty times the corpus's long study). */
  extract: { maxBytes: 4 * 1024 * 1024 },
} as const;
