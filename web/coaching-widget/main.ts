/**
 * The coaching widget bundle (`/widget/coaching-widget.js`): defines `<coaching-widget>` once. Embed with
 * `<script type="module" src="https://<gateway>/widget/coaching-widget.js"></script>` and
 * `<coaching-widget session-id="…" token="…"></coaching-widget>`.
 */
import { CoachingWidget } from './element';

if (!customElements.get('coaching-widget')) customElements.define('coaching-widget', CoachingWidget);
