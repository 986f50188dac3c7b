/**
 * Worker-thread entry of Monte Carlo (see monte-carlo-pool.ts for the messages): keeps the
 * problem of each job it has chunks of, and answers each chunk with its summary.
 */
import { parentPort } from 'node:worker_threads';
import { runChunk, type MonteCarloProblem } from './monte-carlo-chunk.js';
import type { FromWorker, ToWorker } from './monte-carlo-pool.js';

const port = parentPort;
if (!port) throw new Error('monte-carlo-worker must run in a worker thread');
const problems = new Map<number, MonteCarloProblem>();
const send = (message: FromWorker) => port.postMessage(message);

port.on('message', (message: ToWorker) => {
  switch (message.type) {
    case 'job':
      problems.set(message.job, message.problem);
      break;
    case 'end':
      problems.delete(message.job);
      break;
    case 'chunk': {
      const problem = problems.get(message.job);
      if (!problem) throw new Error(`chunk of unknown job ${message.job}`);
      send({ type: 'summary', job: message.job, summary: runChunk(problem, message.chunk, message.start, message.end) });
      break;
    }
    default:
      throw new Error(`unknown message ${JSON.stringify(message)}`);
  }
});
send({ type: 'ready' });
