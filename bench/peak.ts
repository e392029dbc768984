// Run as its own process: the 100,000-entity whole job once, then the process's peak resident
// memory (and what the table of cells alone took), printed as JSON for the bench to read.
import { syntheticCells, wholeJob } from "./whole-job";

const mb = (kb: number) => Math.round(kb / 1024);
const cells = syntheticCells(100_000);
const withTable = process.resourceUsage().maxRSS;
const a = wholeJob(cells);
if (!a.scores) throw new Error("the 100k table did not score");
process.stdout.write(JSON.stringify({ peakMb: mb(process.resourceUsage().maxRSS), tableMb: mb(withTable) }) + "\n");
