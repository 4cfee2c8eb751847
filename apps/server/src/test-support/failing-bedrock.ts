import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A local stand-in for Bedrock that refuses every call the way Bedrock refuses a bad request. */
export interface FailingBedrock {
  url: string;
  /** How many calls it received. */
  calls: () => number;
  close: () => Promise<void>;
}

/**
 * Starts a loopback server answering every Converse call with Bedrock's wire-format
 * `ValidationException` (HTTP 400, `x-amzn-ErrorType`), so writing evaluation fails for real.
 */
export async function startFailingBedrock(): Promise<FailingBedrock> {
  let calls = 0;
  const server: Server = createServer((request, response) => {
    calls++;
    request.resume();
    request.on('end', () => {
      response.statusCode = 400;
      response.setHeader('content-type', 'application/json');
      response.setHeader('x-amzn-errortype', 'ValidationException:http://internal.amazon.com/coral/com.amazon.bedrock/');
      response.end(JSON.stringify({ message: 'Malformed input request, please reformat your input and try again.' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls: () => calls,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
