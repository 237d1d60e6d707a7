/** `/portal`: the developer portal (filled in by issue 9 §1). */
import type { GatewayRoute } from '../../http-handler';
import type { WebRoutesOptions } from '../options';

export function portalRoute(_opts: WebRoutesOptions): GatewayRoute {
  return async () => false;
}
