import { errorResponse } from '@/lib/api/with-api';
import { notFound } from '@/lib/errors';

// ALL /api/<unknown>/ — a JSON 404 instead of the HTML page (more specific routes win)
const handler = async () => errorResponse(notFound('This API path'));
export const GET = handler;
export const POST = handler;
export const PUT = handler;
export const PATCH = handler;
export const DELETE = handler;
