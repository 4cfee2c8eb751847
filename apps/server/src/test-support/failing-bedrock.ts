import { startLoopbackServer } from './loopback-server.js';

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
  const server = await startLoopbackServer((_request, response) => {
    calls++;
    response.statusCode = 400;
    response.setHeader('content-type', 'application/json');
    response.setHeader('x-amzn-errortype', 'ValidationException:http://internal.amazon.com/coral/com.amazon.bedrock/');
    response.end(JSON.stringify({ message: 'Malformed input request, please reformat your input and try again.' }));
  });
  return { url: server.url, calls: () => calls, close: server.close };
}
