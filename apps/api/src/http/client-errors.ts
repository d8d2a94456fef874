import { STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { problem, PROBLEM_CONTENT_TYPE } from '../problem/problem';

/** The answers Node itself gives a request it cannot parse, here with a problem+json body. */
function statusFor(code: string | undefined): number {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return 431;
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return 413;
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return 408;
    default:
      return 400;
  }
}

const DETAILS: Record<number, string> = {
  431: 'the request headers are too large',
  413: 'the request is too large',
  408: 'the request took too long to arrive',
  400: 'the request is not valid HTTP',
};

/**
 * Node's HTTP parser refuses some requests before any route sees them (headers over
 * `maxHeaderSize`, malformed HTTP) and answers with a bare status line. The contract promises
 * problem+json on every error, so the server's `clientError` writes one, as Node would otherwise
 * write its empty answer, and closes the connection.
 */
export function answerClientErrorsWithProblems(server: Server): void {
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    const inResponse = (socket as { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent;
    if (err.code === 'ECONNRESET' || !socket.writable || inResponse) {
      socket.destroy();
      return;
    }
    const status = statusFor(err.code);
    const body = JSON.stringify(problem(status, DETAILS[status]));
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
        `Content-Type: ${PROBLEM_CONTENT_TYPE}\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n' +
        body,
    );
  });
}
