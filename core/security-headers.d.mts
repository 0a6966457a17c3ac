/** The headers every answer carries (see security-headers.mjs). */
export declare const SECURITY_HEADERS: ReadonlyArray<{ key: string; value: string }>;
