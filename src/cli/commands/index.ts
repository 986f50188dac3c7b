/**
 * Every `marsad` command, one file each. Adding a command means adding its file and one entry here.
 */
import type { Command } from 'commander';
import type { CliIo } from '../io.js';
import { register as ach } from './ach.js';
import { register as actors } from './actors.js';
import { register as candidates } from './candidates.js';
import { register as caseCommands } from './case.js';
import { register as claims } from './claims.js';
import { register as commitments } from './commitments.js';
import { register as doctor } from './doctor.js';
import { register as documents } from './documents.js';
import { register as events } from './events.js';
import { register as exportWorkspace } from './export.js';
import { register as extract } from './extract.js';
import { register as historyCommand } from './history.js';
import { register as importWorkspace } from './import.js';
import { register as ingest } from './ingest.js';
import { register as jobs } from './jobs.js';
import { register as model } from './model.js';
import { register as report } from './report.js';
import { register as scenarios } from './scenarios.js';
import { register as search } from './search.js';
import { register as serve } from './serve.js';
import { register as simulate } from './simulate.js';
import { register as stances } from './stances.js';
import { register as tracking } from './tracking.js';
import { register as worker } from './worker.js';

export type RegisterCommand = (program: Command, io: CliIo) => void;

export const commandRegistry: RegisterCommand[] = [
  serve,
  ingest,
  documents,
  search,
  actors,
  stances,
  events,
  commitments,
  tracking,
  claims,
  scenarios,
  caseCommands,
  candidates,
  historyCommand,
  extract,
  model,
  simulate,
  jobs,
  worker,
  ach,
  report,
  exportWorkspace,
  importWorkspace,
  doctor,
];
