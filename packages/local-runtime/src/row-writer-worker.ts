import { parentPort, workerData } from 'node:worker_threads';
import { SqliteRecordStore } from '@apilados/record-store';
import { storeWriter, type PlannedWrite } from '@apilados/persistence';
import type { ToMain, ToWorker, WriterThreadData } from './row-writer-thread.js';

const port = parentPort!;
const send = (message: ToMain) => port.postMessage(message);
const { sqlitePath, batchSize } = workerData as WriterThreadData;
const store = SqliteRecordStore.open(sqlitePath);
const writer = storeWriter(store, batchSize);

// One chunk at a time, in arrival order: a person's first email must be
// written before a later chunk decides whether another one is principal.
let queue = Promise.resolve();
port.on('message', (message: ToWorker) => {
  queue = queue.then(() =>
    message.type === 'close' ? close() : write(message.id, message.planned),
  );
});

async function write(id: number, planned: string): Promise<void> {
  try {
    const rows = JSON.parse(planned) as PlannedWrite[];
    send({ type: 'written', id, outcome: await writer.write(rows) });
  } catch (error) {
    const { name, message } = error instanceof Error
      ? error
      : { name: 'Error', message: String(error) };
    send({ type: 'failed', id, name, message });
  }
}

async function close(): Promise<void> {
  await store.close();
  port.close();
}
