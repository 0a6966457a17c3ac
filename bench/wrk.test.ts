import { describe, expect, it } from 'vitest';
import { parseWrkResult } from './wrk';

describe('parseWrkResult', () => {
  it('reads the RESULT line of the peer\'s wrk_report.lua', () => {
    const out = 'Running 10s test @ http://127.0.0.1:1/\n  2 threads and 32 connections\n'
      + 'RESULT requests=2880 seconds=10.01 rps=287.7 p50_ms=108.00 p95_ms=134.20 p99_ms=145.10 max_ms=201.00 non2xx=0 sockerr=3\n';
    expect(parseWrkResult(out)).toEqual({
      requests: 2880, seconds: 10.01, rps: 287.7, p50_ms: 108, p95_ms: 134.2, p99_ms: 145.1, max_ms: 201, non2xx: 0, sockerr: 3,
    });
  });

  it('throws when wrk printed no RESULT line', () => {
    expect(() => parseWrkResult('unable to connect to 127.0.0.1:1 Connection refused\n')).toThrow(/no RESULT line/);
  });
});
