/** `/widget/…`: the coaching widget bundle and its demo page (filled in by issue 9 §2). */
import type { GatewayRoute } from '../../http-handler';
import type { WebRoutesOptions } from '../options';

export function widgetRoute(_opts: WebRoutesOptions): GatewayRoute {
  return async () => false;
}
