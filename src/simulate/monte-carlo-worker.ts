/**
 * Worker-thread entry of the Monte Carlo run (loaded from dist/simulate/monte-carlo-worker.js).
 * Receives the problem once in workerData, then chunk requests; answers each with its summary.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runChunk, type MonteCarloProblem } from './monte-carlo-chunk.js';

interface ChunkRequest {
  chunk: number;
  start: number;
  end: number;
}

const port = parentPort;
if (!port) throw new Error('monte-carlo-worker must run in a worker thread');
const problem = workerData as MonteCarloProblem;
port.on('message', (req: ChunkRequest) => {
  port.postMessage(runChunk(problem, req.chunk, req.start, req.end));
});
