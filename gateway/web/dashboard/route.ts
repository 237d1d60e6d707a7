/** `/dashboard`: the manager dashboard (filled in by issue 9 §3). */
import type { GatewayRoute } from '../../http-handler';
import type { WebRoutesOptions } from '../options';

export function dashboardRoute(_opts: WebRoutesOptions): GatewayRoute {
  return async () => false;
}
