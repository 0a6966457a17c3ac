/**
 * SMS through a pluggable gateway adapter. `SmsGateway` is the seam: one implementation here, a generic
 * HTTP JSON gateway; a provider with its own API (Africa's Talking, Twilio, an on-site modem…) gets its
 * own adapter with the same `send` contract and outcome classification.
 *
 * The generic gateway POSTs `{"to":"+254712345678","message":"…","encoding":"GSM-7"|"UCS-2"}` as JSON to
 * `SMS_GATEWAY_URL`, with `Authorization: Bearer SMS_GATEWAY_TOKEN` when a token is set.
 * - a 2xx answer → sent;
 * - a 4xx/5xx answer, a refused connection, a DNS failure, or a timeout before the request was fully
 *   written → failed (the gateway accepted nothing; retried with backoff);
 * - a timeout, reset or hang-up after the request was fully written and before an answer → unknown (the
 *   gateway may have accepted it: not resent blindly).
 */
import http from 'node:http';
import https from 'node:https';
import { errorText, type SendOutcome } from './outcome';
import type { SmsEncoding } from '../sms-encoding';

export interface SmsGateway {
  send(to: string, text: string, encoding: SmsEncoding): Promise<SendOutcome>;
}

export interface HttpSmsGatewayOptions {
  url: string;
  token?: string;
  /** The whole exchange (connect, send, answer headers), in ms. */
  timeoutMs: number;
}

/** The generic HTTP JSON SMS gateway adapter. */
export function createHttpSmsGateway(opts: HttpSmsGatewayOptions): SmsGateway {
  const url = new URL(opts.url);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('SMS_GATEWAY_URL must be an http:// or https:// URL');
  const lib = url.protocol === 'https:' ? https : http;
  return {
    send(to, text, encoding) {
      const body = Buffer.from(JSON.stringify({ to, message: text, encoding }), 'utf8');
      const headers: Record<string, string | number> = {
        'content-type': 'application/json; charset=utf-8',
        'content-length': body.length,
        accept: 'application/json',
      };
      if (opts.token) headers.authorization = `Bearer ${opts.token}`;
      return new Promise<SendOutcome>((resolve) => {
        let requestWritten = false;
        let answeredStatus = 0;
        let settled = false;
        const done = (o: SendOutcome) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          resolve(o);
        };
        const refused = (answer = '') => done({
          status: 'failed', error: `SMS gateway answered HTTP ${answeredStatus}${answer ? `: ${errorText(answer, 200)}` : ''}`, retryable: true,
        });
        const req = lib.request(url, { method: 'POST', headers, agent: false }, (res) => {
          answeredStatus = res.statusCode ?? 0;
          res.on('error', () => {});
          if (answeredStatus >= 200 && answeredStatus < 300) {
            res.resume(); // the status is the answer; the body (a provider message id) is not needed
            done({ status: 'sent', detail: `HTTP ${answeredStatus}` });
            return;
          }
          let answer = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => { if (answer.length < 300) answer += c; });
          res.on('end', () => refused(answer));
          res.on('close', () => refused(answer));
        });
        // Without an answer: before the request was fully written nothing can have been accepted.
        const lost = (why: string) => answeredStatus ? refused()
          : requestWritten
            ? done({ status: 'unknown', error: `No answer from the SMS gateway after the request was sent (${why}); it may have been accepted.` })
            : done({ status: 'failed', error: `SMS gateway not reached (${why}).`, retryable: true });
        const timer = setTimeout(() => {
          lost(`timed out after ${opts.timeoutMs} ms`);
          req.destroy();
        }, opts.timeoutMs);
        req.on('finish', () => { requestWritten = true; });
        req.on('error', (e: NodeJS.ErrnoException) => lost(e.code ?? errorText(e, 120)));
        req.end(body);
      });
    },
  };
}
