import { openSync } from 'node:fs';
import { ReadStream, WriteStream } from 'node:tty';
import { CliError } from './errors';

/** Asks on the controlling terminal with echo off, so stdin stays free for JSON input. */
export async function promptHidden(question: string): Promise<string> {
  let fd: number;
  try {
    fd = openSync('/dev/tty', 'r+');
  } catch {
    throw new CliError('USAGE', 'No passphrase: set CASEBOARD_PASSPHRASE or run from a terminal.');
  }
  const input = new ReadStream(fd);
  const output = new WriteStream(fd);
  output.write(question);
  input.setRawMode(true);
  return new Promise<string>((resolve, reject) => {
    let value = '';
    const finish = (error?: Error) => {
      input.setRawMode(false);
      input.pause();
      input.removeAllListeners('data');
      output.write('\n');
      input.destroy();
      if (error) reject(error);
      else resolve(value);
    };
    input.on('data', (chunk: Buffer) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n') return finish();
        if (char === '\u0003') return finish(new CliError('USAGE', 'Cancelled.'));
        if (char === '\u007f' || char === '\b') value = [...value].slice(0, -1).join('');
        else value += char;
      }
    });
  });
}
