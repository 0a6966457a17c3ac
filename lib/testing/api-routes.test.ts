/** The route inventory reads every route file and tells real handlers from 405 stubs. */
import { describe, expect, it } from 'vitest';
import { listApiRoutes, templateOf } from './api-routes';

describe('listApiRoutes', () => {
  it('finds the users routes with their real methods and 405 stubs', async () => {
    const routes = await listApiRoutes();
    const users = routes.find((r) => r.template === '/api/users/');
    expect(users?.methods).toEqual(['GET', 'POST']);
    expect(users?.notAllowed).toEqual(['PUT', 'PATCH', 'DELETE']);
    expect(routes.find((r) => r.template === '/api/users/{id}/')).toBeTruthy();
    expect(routes.filter((r) => r.catchAll).map((r) => r.template).sort()).toEqual(['/api/auth/{...nextauth}/', '/api/{...path}/']);
  });

  it('turns a file path into a URL template', () => {
    expect(templateOf('app/api/appointments/[id]/cancel/route.ts')).toBe('/api/appointments/{id}/cancel/');
  });
});
