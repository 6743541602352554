import { request } from 'node:http';

/** What came back from {@link rawRequest}. */
export interface RawAnswer {
  status: number;
  contentType: string;
  text: string;
}

/**
 * Sends one HTTP request with exactly the headers given, Host and Origin included (fetch replaces Host with the
 * URL's and never sends Origin from Node): how a browser on another site, or a DNS-rebinding page, reaches the server.
 */
export function rawRequest(
  baseUrl: string,
  { method = 'GET', path, headers = {}, body }: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<RawAnswer> {
  const url = new URL(path, baseUrl);
  const ownHost = Object.keys(headers).some((name) => name.toLowerCase() === 'host');
  // Node frames a DELETE body only when told its length.
  const length = body === undefined ? {} : { 'Content-Length': String(Buffer.byteLength(body)) };
  return new Promise((resolve, reject) => {
    const sent = request(
      {
        host: url.hostname,
        port: url.port,
        method,
        path: `${url.pathname}${url.search}`,
        headers: { ...(ownHost ? {} : { Host: url.host }), ...length, ...headers },
        setHost: false,
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, contentType: String(response.headers['content-type'] ?? ''), text }),
        );
        response.on('error', reject);
      },
    );
    sent.on('error', reject);
    sent.end(body);
  });
}
